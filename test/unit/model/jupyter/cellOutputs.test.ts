import * as assert from 'assert';
import { CellOutputs, DisplayRegistry, type OutputEdit } from '../../../../src/model/jupyter/cellOutputs';
import { ERROR_MIME, STDERR_MIME, STDOUT_MIME, bytesText } from '../../../../src/model/jupyter/mimeBundle';
import type { JupyterMessage } from '../../../../src/model/jupyter/messages';
import { SimulatedNotebook, streamText } from './simulatedCell';

function msg(msg_type: string, content: unknown, parent = 'exec-1'): JupyterMessage {
  return {
    header: { msg_id: `${msg_type}-${Math.random()}`, msg_type },
    parent_header: { msg_id: parent },
    content,
    metadata: {},
    channel: 'iopub',
  };
}
const stream = (name: 'stdout' | 'stderr', text: string) => msg('stream', { name, text });

/** One notebook, its display registry and a CellOutputs per run; `run` feeds messages and applies the edits. */
function notebook() {
  const view = new SimulatedNotebook();
  const displays = new DisplayRegistry<string>();
  let n = 0;
  const start = (cell: string) => {
    view.cells.set(cell, []); // VS Code's execution.clearOutput() at the start of a run
    const outputs = new CellOutputs<string>({ cell, displays, newId: () => `${cell}-out-${++n}` });
    const feed = (...messages: JupyterMessage[]) => {
      const all: OutputEdit<string>[] = [];
      for (const m of messages) {
        const edits = outputs.handle(m);
        view.apply(cell, edits);
        all.push(...edits);
      }
      return all;
    };
    return { outputs, feed };
  };
  return { view, displays, start };
}

// A real 1x1 PNG (what matplotlib's inline backend sends is the same format, just larger).
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const DATAFRAME_HTML = [
  '<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type {\n        vertical-align: middle;\n    }\n</style>\n',
  '<table border="1" class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n      <th>Length</th>\n      <th>Rings</th>\n    </tr>\n  </thead>\n',
  '  <tbody>\n    <tr>\n      <th>0</th>\n      <td>0.455</td>\n      <td>15</td>\n    </tr>\n  </tbody>\n</table>\n</div>',
].join('');

describe('cell outputs from IOPub messages', () => {
  it('shows a pandas DataFrame as its HTML table, keeping the text and the execution count for the saved notebook', () => {
    const { view, start } = notebook();
    const run = start('cell-1');
    run.feed(
      msg('execute_result', {
        data: { 'text/plain': '   Length  Rings\n0   0.455     15', 'text/html': DATAFRAME_HTML },
        metadata: {},
        execution_count: 3,
      }),
    );
    const [output] = view.outputs('cell-1');
    assert.deepStrictEqual(
      output.items.map((i) => i.mime),
      ['text/html', 'text/plain'],
    );
    assert.strictEqual(bytesText(output.items[0].data), DATAFRAME_HTML);
    assert.strictEqual(bytesText(output.items[1].data), '   Length  Rings\n0   0.455     15');
    assert.deepStrictEqual(output.metadata, { outputType: 'execute_result', executionCount: 3, metadata: {} });
  });

  it('shows a matplotlib figure as PNG bytes and keeps its metadata (size, background)', () => {
    const { view, start } = notebook();
    const run = start('plot');
    const metadata = { 'image/png': { width: 563, height: 413 }, needs_background: 'light' };
    run.feed(
      msg('display_data', {
        data: { 'text/plain': '<Figure size 640x480 with 1 Axes>', 'image/png': PNG_BASE64 },
        metadata,
        transient: {},
      }),
    );
    const [output] = view.outputs('plot');
    assert.deepStrictEqual(
      output.items.map((i) => i.mime),
      ['image/png', 'text/plain'],
    );
    const png = output.items[0].data;
    assert.deepStrictEqual(
      [...png.subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      'the PNG signature, not base64 text',
    );
    assert.strictEqual(png.length, Buffer.from(PNG_BASE64, 'base64').length);
    assert.deepStrictEqual(output.metadata, { outputType: 'display_data', metadata });
    assert.strictEqual('executionCount' in output.metadata, false);
  });

  it('shows an exception as VS Code error output: name, message and the traceback with its colours', () => {
    const { view, start } = notebook();
    const run = start('boom');
    const traceback = [
      '\u001b[0;31m---------------------------------------------------------------------------\u001b[0m',
      '\u001b[0;31mZeroDivisionError\u001b[0m                         Traceback (most recent call last)',
      'Cell \u001b[0;32mIn[4], line 2\u001b[0m\n\u001b[1;32m      1\u001b[0m rings \u001b[38;5;241m=\u001b[39m \u001b[38;5;241m15\u001b[39m\n\u001b[0;32m----> 2\u001b[0m rings \u001b[38;5;241m/\u001b[39m \u001b[38;5;241m0\u001b[39m\n',
      '\u001b[0;31mZeroDivisionError\u001b[0m: division by zero',
    ];
    run.feed(
      stream('stdout', 'about to divide\n'),
      msg('error', { ename: 'ZeroDivisionError', evalue: 'division by zero', traceback }),
    );
    assert.deepStrictEqual(view.seen('boom'), [
      'stdout: about to divide\n',
      'error: ZeroDivisionError: division by zero',
    ]);
    const error = view.outputs('boom')[1];
    assert.strictEqual(error.items[0].mime, ERROR_MIME);
    const shown = JSON.parse(bytesText(error.items[0].data)) as { stack: string };
    assert.strictEqual(shown.stack, traceback.join('\n'));
    assert.ok(shown.stack.includes('\u001b[0;32m----> 2\u001b[0m'), 'ANSI colours kept for VS Code to render');
    assert.deepStrictEqual(error.metadata, {
      outputType: 'error',
      originalError: { output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero', traceback },
    });
  });

  it('joins consecutive chunks of one stream into one output, and starts a new one when the stream changes', () => {
    const { view, start } = notebook();
    const run = start('log');
    const edits = run.feed(
      stream('stdout', 'epoch 1\n'),
      stream('stdout', 'epoch 2\n'),
      stream('stderr', 'warning: slow\n'),
      stream('stdout', 'epoch 3\n'),
    );
    assert.deepStrictEqual(view.seen('log'), [
      'stdout: epoch 1\nepoch 2\n',
      'stderr: warning: slow\n',
      'stdout: epoch 3\n',
    ]);
    assert.deepStrictEqual(
      edits.map((e) => e.kind),
      ['append', 'appendItems', 'append', 'append'],
    );
    assert.deepStrictEqual(
      view.outputs('log').map((o) => o.items[0].mime),
      [STDOUT_MIME, STDERR_MIME, STDOUT_MIME],
    );
    assert.deepStrictEqual(
      view.outputs('log').map((o) => o.metadata),
      [{ outputType: 'stream' }, { outputType: 'stream' }, { outputType: 'stream' }],
    );
  });

  it('starts a new stream output after a rich output', () => {
    const { view, start } = notebook();
    const run = start('mixed');
    run.feed(
      stream('stdout', 'before\n'),
      msg('display_data', { data: { 'text/plain': '42' }, metadata: {} }),
      stream('stdout', 'after\n'),
    );
    assert.deepStrictEqual(view.seen('mixed'), ['stdout: before\n', 'text/plain: 42', 'stdout: after\n']);
  });

  it('keeps a tqdm progress bar on one line, finishing at 100%', () => {
    const { view, start } = notebook();
    const run = start('tqdm');
    const frames = [
      '\r  0%|          | 0/100 [00:00<?, ?it/s]',
      '\r 37%|███▋      | 37/100 [00:00<00:00, 365.32it/s]',
      '\r 74%|███████▍  | 74/100 [00:00<00:00, 366.01it/s]',
      '\r100%|██████████| 100/100 [00:00<00:00, 366.41it/s]',
      '\n',
    ];
    run.feed(stream('stdout', 'training\n'), ...frames.map((f) => stream('stderr', f)), stream('stdout', 'done\n'));
    assert.deepStrictEqual(view.seen('tqdm'), [
      'stdout: training\n',
      'stderr: 100%|██████████| 100/100 [00:00<00:00, 366.41it/s]\n',
      'stdout: done\n',
    ]);
    assert.ok(!streamText(view.outputs('tqdm')[1]).includes('\r'), 'no frame left behind');
  });

  it("keeps the lines before a progress bar and the bar's own last frame when one chunk carries several frames", () => {
    const { view, start } = notebook();
    const run = start('fit');
    run.feed(
      stream('stdout', 'Epoch 1/2\n'),
      stream('stdout', '\r 1/10 [==>...........] - loss: 0.91\r 5/10 [======>.......] - loss: 0.55'),
      stream('stdout', '\r10/10 [==============] - loss: 0.31\nEpoch 2/2\n'),
    );
    assert.deepStrictEqual(view.seen('fit'), ['stdout: Epoch 1/2\n10/10 [==============] - loss: 0.31\nEpoch 2/2\n']);
  });

  it('replaces what update_display_data names, in this cell and in an earlier one, and ignores an unknown display', () => {
    const { view, start } = notebook();
    const first = start('cell-1');
    first.feed(
      msg('display_data', {
        data: { 'text/plain': 'Loading…', 'text/html': '<b>Loading…</b>' },
        metadata: {},
        transient: { display_id: 'status-7' },
      }),
      stream('stdout', 'fetching\n'),
      msg('update_display_data', {
        data: { 'text/plain': 'Half way', 'text/html': '<b>Half way</b>' },
        metadata: {},
        transient: { display_id: 'status-7' },
      }),
    );
    assert.deepStrictEqual(view.seen('cell-1'), ['text/html: <b>Half way</b>', 'stdout: fetching\n']);
    assert.deepStrictEqual(view.outputs('cell-1')[0].metadata.transient, { display_id: 'status-7' });

    const second = start('cell-2');
    const edits = second.feed(
      msg(
        'update_display_data',
        { data: { 'text/plain': 'Done' }, metadata: {}, transient: { display_id: 'status-7' } },
        'exec-2',
      ),
      msg(
        'update_display_data',
        { data: { 'text/plain': 'nobody' }, metadata: {}, transient: { display_id: 'never-shown' } },
        'exec-2',
      ),
    );
    assert.deepStrictEqual(
      edits.map((e) => e.kind === 'replaceItems' && e.cell),
      ['cell-1'],
    );
    assert.deepStrictEqual(view.seen('cell-1'), ['text/plain: Done', 'stdout: fetching\n']);
    assert.deepStrictEqual(view.seen('cell-2'), [], 'an update adds nothing to the cell it came from');
  });

  it('updates every output showing the same display id, and forgets them when their cell is run again', () => {
    const { view, displays, start } = notebook();
    const run = start('twice');
    run.feed(
      msg('display_data', { data: { 'text/plain': 'v1' }, metadata: {}, transient: { display_id: 'd' } }),
      msg('display_data', { data: { 'text/plain': 'v1 again' }, metadata: {}, transient: { display_id: 'd' } }),
      msg('update_display_data', { data: { 'text/plain': 'v2' }, metadata: {}, transient: { display_id: 'd' } }),
    );
    assert.deepStrictEqual(view.seen('twice'), ['text/plain: v2', 'text/plain: v2']);
    start('twice');
    assert.deepStrictEqual(displays.targets('d'), []);
  });

  it('clear_output() clears at once; clear_output(wait=True) waits for the next output and swaps in one step', () => {
    const { view, start } = notebook();
    const run = start('loop');
    // for i in range(3): clear_output(wait=True); print(f"step {i}"); display(fig)
    run.feed(
      stream('stdout', 'step 0\n'),
      msg('display_data', { data: { 'image/png': PNG_BASE64, 'text/plain': '<Figure>' }, metadata: {} }),
    );
    const waiting = run.feed(msg('clear_output', { wait: true }));
    assert.deepStrictEqual(waiting, [], 'nothing happens yet');
    assert.strictEqual(run.outputs.clearIsPending, true);
    assert.strictEqual(view.seen('loop').length, 2, 'the old outputs stay until the new one comes');
    const swap = run.feed(stream('stdout', 'step 1\n'));
    assert.deepStrictEqual(
      swap.map((e) => e.kind),
      ['replaceAll'],
    );
    run.feed(msg('display_data', { data: { 'image/png': PNG_BASE64, 'text/plain': '<Figure>' }, metadata: {} }));
    assert.deepStrictEqual(view.seen('loop'), ['stdout: step 1\n', 'image/png: 70 bytes']);

    const now = run.feed(msg('clear_output', { wait: false }));
    assert.deepStrictEqual(now, [{ kind: 'replaceAll', outputs: [] }]);
    assert.deepStrictEqual(view.seen('loop'), []);
    run.feed(stream('stdout', 'fresh\n'));
    assert.deepStrictEqual(view.seen('loop'), ['stdout: fresh\n']);
  });

  it('does not join a stream chunk to the stream output a deferred clear removes', () => {
    const { view, start } = notebook();
    const run = start('c');
    run.feed(
      stream('stdout', '10%'),
      msg('clear_output', { wait: true }),
      stream('stdout', '20%'),
      stream('stdout', ' and more'),
    );
    assert.deepStrictEqual(view.seen('c'), ['stdout: 20% and more']);
  });

  it('an update_display_data does not end a clear_output(wait=True)', () => {
    const { view, start } = notebook();
    const run = start('w');
    run.feed(
      msg('display_data', { data: { 'text/plain': 'a' }, metadata: {}, transient: { display_id: 'x' } }),
      msg('clear_output', { wait: true }),
    );
    run.feed(msg('update_display_data', { data: { 'text/plain': 'b' }, metadata: {}, transient: { display_id: 'x' } }));
    assert.strictEqual(run.outputs.clearIsPending, true);
    assert.deepStrictEqual(view.seen('w'), ['text/plain: b']);
    run.feed(msg('execute_result', { data: { 'text/plain': 'c' }, metadata: {}, execution_count: 1 }));
    assert.deepStrictEqual(view.seen('w'), ['text/plain: c']);
  });

  it('shows the pager (df?) from the execute_reply payload', () => {
    const { view, start } = notebook();
    const run = start('help');
    run.feed(
      msg('execute_reply', {
        status: 'ok',
        execution_count: 5,
        payload: [
          { source: 'page', data: { 'text/plain': '\u001b[0;31mType:\u001b[0m        DataFrame' }, start: 0 },
          { source: 'set_next_input', text: 'x', replace: false },
        ],
      }),
    );
    assert.deepStrictEqual(view.seen('help'), ['text/plain: \u001b[0;31mType:\u001b[0m        DataFrame']);
  });

  it('ignores messages that change no output (status, execute_input, comm traffic)', () => {
    const { start } = notebook();
    const run = start('quiet');
    assert.deepStrictEqual(
      run.feed(
        msg('status', { execution_state: 'busy' }),
        msg('execute_input', { code: 'x', execution_count: 1 }),
        msg('comm_msg', { comm_id: 'c', data: {} }),
      ),
      [],
    );
    assert.deepStrictEqual(run.outputs.outputIds, []);
  });

  it('gives output ids unique across cells by default', () => {
    const a = new CellOutputs({ cell: 'a' });
    const b = new CellOutputs({ cell: 'b' });
    const ids = [...a.handle(stream('stdout', 'x\n')), ...b.handle(stream('stdout', 'y\n'))].map((e) =>
      e.kind === 'append' ? e.output.id : '',
    );
    assert.strictEqual(new Set(ids).size, 2);
    assert.ok(ids.every((id) => id.startsWith('jupyter-')));
  });
});

describe('large streams', () => {
  it('appends each chunk as its own bytes: chunk N costs O(chunk), not the text so far', () => {
    const run = new CellOutputs<string>({ cell: 'big', newId: () => 'out' });
    const chunk = `${'x'.repeat(99)}\n`;
    let appended = 0;
    const started = Date.now();
    for (let i = 0; i < 20_000; i++) {
      const [edit] = run.appendStream('stdout', chunk);
      if (i === 0) continue;
      assert.strictEqual(edit.kind, 'appendItems');
      if (edit.kind === 'appendItems') {
        assert.strictEqual(edit.items[0].data.length, chunk.length);
        appended += edit.items[0].data.length;
      }
    }
    assert.strictEqual(appended, 19_999 * 100);
    assert.ok(Date.now() - started < 2000, `2 MB in 20,000 chunks took ${Date.now() - started} ms`);
  });

  it("a progress bar after a long log re-sends the log's blocks as they are, not re-encoded", () => {
    const run = new CellOutputs<string>({ cell: 'p', newId: () => 'out' });
    for (let i = 0; i < 5000; i++) run.appendStream('stderr', `INFO step ${i}: loss=${(1 / (i + 1)).toFixed(4)}\n`);
    const frames: OutputEdit<string>[] = [];
    for (let pct = 0; pct <= 100; pct += 10)
      frames.push(...run.appendStream('stderr', `\r${String(pct).padStart(3)}%`));
    const replaces = frames.filter(
      (e): e is Extract<OutputEdit<string>, { kind: 'replaceItems' }> => e.kind === 'replaceItems',
    );
    assert.strictEqual(replaces.length, 10, 'the first frame appends; each later one rewrites the line');
    const blocks = replaces.map((r) => r.items.slice(0, -1).map((i) => i.data));
    assert.ok(blocks[0].length <= 2, `the log is in ${blocks[0].length} block(s)`);
    assert.ok(
      blocks.every((b) => b.every((data, k) => data === blocks[0][k])),
      'the same Uint8Array objects every time',
    );
    const last = replaces[replaces.length - 1];
    assert.strictEqual(bytesText(last.items[last.items.length - 1].data), '100%');
    assert.strictEqual(last.items[0].mime, STDERR_MIME);
  });
});
