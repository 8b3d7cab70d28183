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
