// How a cell execution ends, from the kernel's messages: what `NotebookCellExecution.executionOrder` and
// `end(success)` get, and what the user is told when the kernel itself went away. Also the input box for
// `input()` / `getpass()` (an input_request on the stdin channel).

import * as l10n from '@vscode/l10n';
import {
  msgType,
  parentId,
  type ExecuteInputContent,
  type ExecuteReplyContent,
  type InputRequestContent,
  type JupyterMessage,
  type StatusContent,
} from './messages';

export type ExecutionOutcome = 'ok' | 'error' | 'interrupted' | 'aborted' | 'kernel-died' | 'kernel-restarted';

export interface ExecutionEnd {
  /** For `execution.end(success)`: ✓ for ok, ✗ for an error or a lost kernel, no mark for a cell never run. */
  success: boolean | undefined;
  outcome: ExecutionOutcome;
  /** The `[n]` beside the cell; undefined when the kernel gave none. */
  executionCount?: number;
  /** The exception, as the reply names it (its traceback is shown by the IOPub `error` output). */
  error?: { name: string; message: string };
  /** A sentence for the user when the cell ended without output saying why. */
  message?: string;
}

export const KERNEL_DIED_MESSAGE = l10n.t(
  'The kernel died and could not be restarted. Restart the kernel to run cells again.',
);
export const KERNEL_RESTARTED_MESSAGE = l10n.t(
  'The kernel died and was restarted; the variables defined so far are gone.',
);
export const ABORTED_MESSAGE = l10n.t('Not run: a cell before it failed.');

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** An execute_reply's content as the cell's end state. */
export function executeReplyEnd(reply: ExecuteReplyContent): ExecutionEnd {
  const executionCount = count(reply.execution_count);
  switch (reply.status) {
    case 'ok':
      return { success: true, outcome: 'ok', executionCount };
    case 'aborted':
      return { success: undefined, outcome: 'aborted', executionCount, message: ABORTED_MESSAGE };
    default: {
      const error = { name: reply.ename ?? 'Error', message: reply.evalue ?? '' };
      const outcome = error.name === 'KeyboardInterrupt' ? 'interrupted' : 'error';
      return { success: false, outcome, executionCount, error };
    }
  }
}

/** What a status message says about the kernel process (busy/idle are about the request they answer). */
export function kernelLost(status: StatusContent): ExecutionEnd | undefined {
  if (status.execution_state === 'dead')
    return { success: false, outcome: 'kernel-died', message: KERNEL_DIED_MESSAGE };
  if (status.execution_state === 'restarting')
    return { success: false, outcome: 'kernel-restarted', message: KERNEL_RESTARTED_MESSAGE };
  return undefined;
}

export interface ExecutionChange {
  /** Set `execution.executionOrder` to this (from execute_input, as soon as the kernel starts the cell). */
  executionCount?: number;
  /** The execution is over: call `execution.end(end.success)`. */
  end?: ExecutionEnd;
}

/**
 * One execute_request's progress. The cell is done when both the shell's execute_reply and the IOPub status
 * `idle` for the request have come (they travel on different channels, in either order), so no late output is
 * cut off; a kernel that dies or restarts ends it at once.
 */
export class ExecutionTracker {
  private reply: ExecutionEnd | undefined;
  private idle = false;
  private started = false;
  private ended: ExecutionEnd | undefined;
  private count: number | undefined;

  constructor(readonly requestId: string) {}

  get executionCount(): number | undefined {
    return this.count;
  }

  /** Busy with this request (its first `status: busy` came), until it ends. */
  get running(): boolean {
    return this.started && !this.ended;
  }

  get end(): ExecutionEnd | undefined {
    return this.ended;
  }

  handle(message: JupyterMessage): ExecutionChange {
    if (this.ended) return {};
    const type = msgType(message);
    const ours = parentId(message) === this.requestId;
    if (type === 'status') {
      const status = message.content as StatusContent;
      const lost = kernelLost(status);
      if (lost) return this.finish({ ...lost, executionCount: this.count });
      if (!ours) return {};
      if (status.execution_state === 'busy') this.started = true;
      if (status.execution_state === 'idle') this.idle = true;
      return this.idle && this.reply ? this.finish(this.reply) : {};
    }
    if (!ours) return {};
    if (type === 'execute_input') {
      const executionCount = count((message.content as ExecuteInputContent).execution_count);
      if (executionCount === undefined || executionCount === this.count) return {};
      this.count = executionCount;
      return { executionCount };
    }
    if (type === 'execute_reply') {
      const end = executeReplyEnd(message.content as ExecuteReplyContent);
      this.reply = { ...end, executionCount: end.executionCount ?? this.count };
      const change: ExecutionChange = {};
      if (this.reply.executionCount !== undefined && this.reply.executionCount !== this.count) {
        this.count = this.reply.executionCount;
        change.executionCount = this.count;
      }
      return this.idle ? { ...change, ...this.finish(this.reply) } : change;
    }
    return {};
  }

  private finish(end: ExecutionEnd): ExecutionChange {
    this.ended = end;
    return { end };
  }
}

/** The input box for an input_request (`vscode.window.showInputBox({ prompt, password, placeHolder, ignoreFocusOut })`). */
export interface InputPrompt {
  /** The kernel's prompt as given (`input("Epochs? ")` → `Epochs? `), or a description when it gave none. */
  prompt: string;
  password: boolean;
  placeHolder: string;
}

export function inputPrompt(request: InputRequestContent): InputPrompt {
  const password = request.password === true;
  const given = (request.prompt ?? '').trim();
  return {
    prompt: given || (password ? l10n.t('The kernel asks for a password.') : l10n.t('The kernel asks for input.')),
    password,
    placeHolder: password
      ? l10n.t('Typed characters are hidden. Press Enter to send.')
      : l10n.t('Press Enter to send it to the kernel.'),
  };
}

/**
 * What the cell shows of an answered prompt, as Jupyter does: the prompt and the answer on stdout, a password as dots.
 * Feed it to CellOutputs.appendStream('stdout', …).
 */
export function inputEcho(request: InputRequestContent, value: string): string {
  const shown = request.password === true ? '········' : value;
  return `${request.prompt ?? ''}${shown}\n`;
}
