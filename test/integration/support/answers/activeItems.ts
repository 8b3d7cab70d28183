// The item a wizard's quick pick opens on (VS Code highlights it and Enter takes it): what the step offers, as
// a kept plan shows it on a retry. The test window's PickPrompt does not carry it, so the pickers the window
// creates are watched here and the one being answered is found by its items.
import type * as vscode from 'vscode';
import type { PickPrompt, TestWindow } from '../testWindow';

type Watched = { items: readonly vscode.QuickPickItem[]; activeItems: readonly vscode.QuickPickItem[] };

const pickers = new WeakMap<TestWindow, Watched[]>();

/** Starts watching the pickers `ui` creates (idempotent); call before the command runs. */
export function watchPickers(ui: TestWindow): void {
  if (pickers.has(ui)) return;
  const created: Watched[] = [];
  pickers.set(ui, created);
  const create = ui.createQuickPick;
  ui.createQuickPick = ((...args: Parameters<typeof create>) => {
    const picker = create(...args);
    created.push(picker as unknown as Watched);
    return picker;
  }) as typeof create;
}

/** The label of the item the pick being answered opened on (read before it is answered), if any. */
export function activeLabel(ui: TestWindow, p: PickPrompt): string | undefined {
  const picker = [...(pickers.get(ui) ?? [])].reverse().find((q) => q.items === p.items);
  return picker?.activeItems[0]?.label;
}
