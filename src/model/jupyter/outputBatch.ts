// Output edits that queued up while the previous batch was on its way to VS Code, merged into as few edits as
// say the same thing: a chatty cell (thousands of print lines, each its own stream message) then costs one
// round trip to the notebook per batch instead of one per message, and its output keeps up with the kernel.
import type { OutputEdit } from './cellOutputs';
import type { OutputItemData } from './mimeBundle';

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Items appended one after the other to the same output, as one item per mime run. */
function joinItems(before: readonly OutputItemData[], after: readonly OutputItemData[]): OutputItemData[] {
  const items = [...before];
  for (const item of after) {
    const last = items[items.length - 1];
    if (last?.mime === item.mime) items[items.length - 1] = { mime: item.mime, data: concat(last.data, item.data) };
    else items.push(item);
  }
  return items;
}

/**
 * The same outputs, in fewer edits: consecutive appends to one output join, a replacement of an output's items
 * makes the replacement just before it moot, and replacing every output makes every earlier edit moot.
 */
export function mergeOutputEdits<C>(edits: readonly OutputEdit<C>[]): OutputEdit<C>[] {
  const merged: OutputEdit<C>[] = [];
  for (const edit of edits) {
    const last = merged[merged.length - 1];
    if (edit.kind === 'replaceAll') {
      merged.length = 0;
      merged.push(edit);
    } else if (edit.kind === 'appendItems' && last?.kind === 'appendItems' && last.outputId === edit.outputId) {
      merged[merged.length - 1] = { ...last, items: joinItems(last.items, edit.items) };
    } else if (edit.kind === 'appendItems' && last?.kind === 'append' && last.output.id === edit.outputId) {
      merged[merged.length - 1] = {
        ...last,
        output: { ...last.output, items: joinItems(last.output.items, edit.items) },
      };
    } else if (
      edit.kind === 'replaceItems' &&
      last?.kind === 'replaceItems' &&
      last.outputId === edit.outputId &&
      last.cell === edit.cell
    ) {
      merged[merged.length - 1] = edit;
    } else {
      merged.push(edit);
    }
  }
  return merged;
}

/**
 * Sends output edits to the notebook one batch at a time: edits that arrive while a batch is on its way wait,
 * merged, for the next. `send` gets each batch in order; the first batch is sent even when empty (it clears
 * the cell's old outputs). A send that fails does not stop the next.
 */
export class OutputBatcher<C> {
  private queued: OutputEdit<C>[] = [];
  private first = true;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly send: (batch: OutputEdit<C>[], first: boolean) => Promise<void>) {
    this.kick();
  }

  add(edits: readonly OutputEdit<C>[]): void {
    this.queued.push(...edits);
    this.kick();
  }

  /** Resolves once every edit added so far was sent. */
  async settled(): Promise<void> {
    // A drain still recorded after it finished has nothing left: waiting on it again would spin forever.
    let current = this.inFlight;
    while (current) {
      await current;
      current = this.inFlight === current ? undefined : this.inFlight;
    }
  }

  private kick(): void {
    // Only start a drain that has something to send: a drain with nothing to do would finish before
    // `inFlight` is assigned, leaving a settled promise there for settled() to wait on forever.
    if (this.inFlight || (!this.first && this.queued.length === 0)) return;
    this.inFlight = this.drain();
  }

  private async drain(): Promise<void> {
    while (this.first || this.queued.length > 0) {
      const batch = mergeOutputEdits(this.queued);
      const first = this.first;
      this.queued = [];
      this.first = false;
      await this.send(batch, first).catch(() => undefined);
    }
    this.inFlight = undefined; // no await since the last check: nothing queued is left behind
  }
}
