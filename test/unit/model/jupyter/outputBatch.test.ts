import * as assert from 'assert';
import { CellOutputs, DisplayRegistry, type OutputEdit } from '../../../../src/model/jupyter/cellOutputs';
import type { JupyterMessage } from '../../../../src/model/jupyter/messages';
import { OutputBatcher, mergeOutputEdits } from '../../../../src/model/jupyter/outputBatch';
import { SimulatedNotebook } from './simulatedCell';

let seq = 0;
function msg(msg_type: string, content: unknown): JupyterMessage {
  return {
    header: { msg_id: `${msg_type}-${++seq}`, msg_type },
    parent_header: { msg_id: 'exec-1' },
    content,
    metadata: {},
    channel: 'iopub',
  };
}
const stream = (name: 'stdout' | 'stderr', text: string) => msg('stream', { name, text });
const display = (text: string, id?: string, update = false) =>
  msg(update ? 'update_display_data' : 'display_data', {
    data: { 'text/plain': text },
    metadata: {},
    transient: id ? { display_id: id } : {},
  });

/** The edits a run of these messages makes, one list per message. */
function editsOf(messages: JupyterMessage[]): OutputEdit<string>[][] {
  let n = 0;
  const outputs = new CellOutputs<string>({
    cell: 'c',
    displays: new DisplayRegistry<string>(),
    newId: () => `o${++n}`,
  });
  return messages.map((m) => outputs.handle(m));
}

/** What the user sees when the edits reach VS Code one message at a time, or in batches of `size` merged. */
function seen(edits: OutputEdit<string>[][], size?: number): string[] {
  const view = new SimulatedNotebook();
  if (!size) for (const e of edits) view.apply('c', e);
  else for (let i = 0; i < edits.length; i += size) view.apply('c', mergeOutputEdits(edits.slice(i, i + size).flat()));
  return view.seen('c');
}

describe('mergeOutputEdits', () => {
  const chatty = [
    ...Array.from({ length: 50 }, (_, i) => stream('stdout', `epoch ${i}\n`)),
    stream('stderr', 'warning: slow\n'),
    stream('stdout', 'progress 10%\r'),
    stream('stdout', 'progress 50%\r'),
    stream('stdout', 'progress 100%\n'),
    display('rings: 0', 'd1'),
    display('rings: 9', 'd1', true),
    display('rings: 29', 'd1', true),
    msg('clear_output', { wait: true }),
    stream('stdout', 'after clear\n'),
    msg('error', { ename: 'ValueError', evalue: 'bad rings', traceback: [] }),
  ];

  it('shows the same outputs whatever the batches are', () => {
    const edits = editsOf(chatty);
    const oneByOne = seen(edits);
    assert.deepStrictEqual(oneByOne, ['stdout: after clear\n', 'error: ValueError: bad rings']);
    for (const size of [2, 3, 7, 50, 1000]) assert.deepStrictEqual(seen(edits, size), oneByOne, `batches of ${size}`);
    const before = editsOf(chatty.slice(0, 56));
    for (const size of [2, 5, 56])
      assert.deepStrictEqual(seen(before, size), seen(before), `before the clear, ${size}`);
    assert.deepStrictEqual(seen(before).slice(0, 2), [
      `stdout: ${Array.from({ length: 50 }, (_, i) => `epoch ${i}\n`).join('')}`,
      'stderr: warning: slow\n',
    ]);
  });

  it('sends a chatty stream as one edit per batch', () => {
    const edits = editsOf(Array.from({ length: 1000 }, (_, i) => stream('stdout', `line ${i}\n`))).flat();
    const merged = mergeOutputEdits(edits);
    assert.strictEqual(merged.length, 1);
    assert.strictEqual(merged[0].kind, 'append');
    const later = mergeOutputEdits(
      editsOf([stream('stdout', 'a\n'), stream('stdout', 'b\n'), stream('stdout', 'c\n')])
        .flat()
        .slice(1),
    );
    assert.deepStrictEqual(
      later.map((e) => [e.kind, e.kind === 'appendItems' ? e.items.length : 0]),
      [['appendItems', 1]],
    );
  });

  it('keeps only the last of consecutive replacements of one display, and drops what a replacement of all outputs undoes', () => {
    const updates = editsOf([display('0%', 'p'), display('50%', 'p', true), display('100%', 'p', true)]).flat();
    assert.deepStrictEqual(
      mergeOutputEdits(updates.slice(1)).map((e) => e.kind),
      ['replaceItems'],
    );
    const cleared: OutputEdit<string>[] = [...updates, { kind: 'replaceAll', outputs: [] }];
    assert.deepStrictEqual(mergeOutputEdits(cleared), [{ kind: 'replaceAll', outputs: [] }]);
  });

  describe('OutputBatcher', () => {
    /** A notebook whose every edit round trip waits until the test lets it go. */
    function slowNotebook() {
      const batches: Array<{ edits: number; first: boolean }> = [];
      const waiting: Array<() => void> = [];
      const batcher = new OutputBatcher<string>(
        (batch, first) =>
          new Promise<void>((resolve) => {
            batches.push({ edits: batch.length, first });
            waiting.push(resolve);
          }),
      );
      const releaseAll = async () => {
        while (waiting.length) {
          waiting.shift()?.();
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      return { batches, batcher, releaseAll };
    }

    it('sends the first batch at once (clearing old outputs) and merges what arrives meanwhile into the next', async () => {
      const { batches, batcher, releaseAll } = slowNotebook();
      for (const edits of editsOf([stream('stdout', 'a\n'), stream('stdout', 'b\n'), stream('stdout', 'c\n')]))
        batcher.add(edits);
      await releaseAll();
      await batcher.settled();
      assert.deepStrictEqual(batches, [
        { edits: 0, first: true },
        { edits: 1, first: false },
      ]);
    });

    it('settles when nothing is queued, even after an empty add once idle (a status message adds no edit)', async () => {
      const { batches, batcher, releaseAll } = slowNotebook();
      await releaseAll();
      await batcher.settled();
      batcher.add([]);
      let settled = false;
      void batcher.settled().then(() => (settled = true));
      // A bounded number of microtask turns: a settled() spinning on a finished batch would never let a timer run.
      for (let turn = 0; turn < 100 && !settled; turn++) await Promise.resolve();
      assert.ok(settled, 'settled() resolved');
      assert.strictEqual(batches.length, 1);
    });

    it('keeps sending after a batch fails', async () => {
      const sent: number[] = [];
      const batcher = new OutputBatcher<string>(async (batch) => {
        sent.push(batch.length);
        if (sent.length === 1) throw new Error('notebook closed');
      });
      batcher.add(editsOf([stream('stdout', 'x\n')]).flat());
      await batcher.settled();
      assert.deepStrictEqual(sent, [0, 1]);
    });
  });
});
