import * as assert from 'assert';
import {
  ABORTED_MESSAGE,
  ExecutionTracker,
  KERNEL_DIED_MESSAGE,
  KERNEL_RESTARTED_MESSAGE,
  executeReplyEnd,
  inputEcho,
  inputPrompt,
} from '../../../../src/model/jupyter/executionState';
import type { JupyterMessage } from '../../../../src/model/jupyter/messages';

function msg(msg_type: string, content: unknown, parent = 'exec-1', channel = 'iopub'): JupyterMessage {
  return { header: { msg_id: `m-${Math.random()}`, msg_type }, parent_header: { msg_id: parent }, content, channel };
}
const busy = (parent = 'exec-1') => msg('status', { execution_state: 'busy' }, parent);
const idle = (parent = 'exec-1') => msg('status', { execution_state: 'idle' }, parent);
const reply = (content: object) => msg('execute_reply', content, 'exec-1', 'shell');

describe('cell execution state', () => {
  it('shows the execution count as soon as the kernel starts the cell, and ends with ✓ after the reply and idle', () => {
    const tracker = new ExecutionTracker('exec-1');
    assert.deepStrictEqual(tracker.handle(busy()), {});
    assert.strictEqual(tracker.running, true);
    assert.deepStrictEqual(tracker.handle(msg('execute_input', { code: 'df.head()', execution_count: 7 })), {
      executionCount: 7,
    });
    assert.deepStrictEqual(
      tracker.handle(reply({ status: 'ok', execution_count: 7, user_expressions: {}, payload: [] })),
      {},
      'output may still come until idle',
    );
    assert.deepStrictEqual(tracker.handle(idle()), { end: { success: true, outcome: 'ok', executionCount: 7 } });
    assert.strictEqual(tracker.running, false);
    assert.deepStrictEqual(tracker.handle(idle()), {}, 'ends once');
  });

  it('ends when idle comes before the reply (the channels are not ordered)', () => {
    const tracker = new ExecutionTracker('exec-1');
    tracker.handle(busy());
    assert.deepStrictEqual(tracker.handle(idle()), {});
    assert.deepStrictEqual(tracker.handle(reply({ status: 'ok', execution_count: 2 })), {
      executionCount: 2,
      end: { success: true, outcome: 'ok', executionCount: 2 },
    });
  });

  it("ends with ✗ and the exception's name for an error; an interrupt is told apart", () => {
    assert.deepStrictEqual(
      executeReplyEnd({
        status: 'error',
        execution_count: 4,
        ename: 'ZeroDivisionError',
        evalue: 'division by zero',
        traceback: [],
      }),
      {
        success: false,
        outcome: 'error',
        executionCount: 4,
        error: { name: 'ZeroDivisionError', message: 'division by zero' },
      },
    );
    const interrupted = executeReplyEnd({
      status: 'error',
      execution_count: 5,
      ename: 'KeyboardInterrupt',
      evalue: '',
    });
    assert.strictEqual(interrupted.success, false);
    assert.strictEqual(interrupted.outcome, 'interrupted');
  });

  it('leaves a cell the kernel skipped after an earlier failure without a mark', () => {
    assert.deepStrictEqual(executeReplyEnd({ status: 'aborted' }), {
      success: undefined,
      outcome: 'aborted',
      executionCount: undefined,
      message: ABORTED_MESSAGE,
    });
  });

  it('ignores the status and replies of other requests', () => {
    const tracker = new ExecutionTracker('exec-1');
    tracker.handle(busy());
    assert.deepStrictEqual(tracker.handle(idle('exec-0')), {});
    assert.deepStrictEqual(tracker.handle(msg('execute_input', { execution_count: 9 }, 'exec-2')), {});
    assert.deepStrictEqual(
      tracker.handle(msg('execute_reply', { status: 'ok', execution_count: 9 }, 'exec-2', 'shell')),
      {},
    );
    assert.strictEqual(tracker.executionCount, undefined);
    assert.strictEqual(tracker.end, undefined);
  });

  it('ends the running cell with ✗ and says why when the kernel dies or is restarted under it', () => {
    const died = new ExecutionTracker('exec-1');
    died.handle(busy());
    died.handle(msg('execute_input', { execution_count: 3 }));
    assert.deepStrictEqual(died.handle(msg('status', { execution_state: 'restarting' }, '')), {
      end: { success: false, outcome: 'kernel-restarted', message: KERNEL_RESTARTED_MESSAGE, executionCount: 3 },
    });
    const dead = new ExecutionTracker('exec-1');
    assert.deepStrictEqual(
      dead.handle(msg('status', { execution_state: 'dead' }, 'shutdown-1')).end?.message,
      KERNEL_DIED_MESSAGE,
    );
  });

  it('does not show a count of 0 or null (a silent or failed-to-start cell)', () => {
    assert.strictEqual(executeReplyEnd({ status: 'ok', execution_count: null }).executionCount, undefined);
    assert.strictEqual(executeReplyEnd({ status: 'ok', execution_count: 0 }).executionCount, undefined);
  });
});

describe('input() and getpass()', () => {
  it("asks with the kernel's prompt, hiding a password", () => {
    assert.deepStrictEqual(inputPrompt({ prompt: 'Number of epochs? ', password: false }), {
      prompt: 'Number of epochs?',
      password: false,
      placeHolder: 'Press Enter to send it to the kernel.',
    });
    const secret = inputPrompt({ prompt: 'Password: ', password: true });
    assert.strictEqual(secret.password, true);
    assert.strictEqual(secret.prompt, 'Password:');
  });

  it('says what is asked when input() gave no prompt', () => {
    assert.strictEqual(inputPrompt({ prompt: '', password: false }).prompt, 'The kernel asks for input.');
    assert.strictEqual(inputPrompt({ password: true }).prompt, 'The kernel asks for a password.');
  });

  it('echoes the answer below the prompt as Jupyter does, a password as dots', () => {
    assert.strictEqual(inputEcho({ prompt: 'Number of epochs? ' }, '20'), 'Number of epochs? 20\n');
    assert.strictEqual(inputEcho({ prompt: 'Password: ', password: true }, 'hunter2'), 'Password: ········\n');
  });
});
