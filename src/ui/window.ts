// The one door to VS Code's dialogs: every quick pick, input box, message and file dialog of the extension
// goes through `window`, so the integration tests answer them all through one scripted stand-in (useWindow)
// while the commands run exactly as a user runs them.
import * as vscode from 'vscode';

/** VS Code's window dialogs, and opening a URL outside VS Code (the browser), which a user sees too. */
export type Window = Pick<
  typeof vscode.window,
  | 'showQuickPick'
  | 'showInputBox'
  | 'showInformationMessage'
  | 'showWarningMessage'
  | 'showErrorMessage'
  | 'showOpenDialog'
  | 'showSaveDialog'
  | 'createQuickPick'
  | 'createInputBox'
> &
  Pick<typeof vscode.env, 'openExternal'>;

const vscodeWindow: Window = Object.assign(Object.create(vscode.window) as typeof vscode.window, {
  openExternal: (uri: vscode.Uri) => vscode.env.openExternal(uri),
});
let current: Window = vscodeWindow;

/* eslint-disable @typescript-eslint/no-explicit-any -- forwards VS Code's overloaded signatures unchanged */
const forward = <K extends keyof Window>(name: K): Window[K] =>
  ((...args: any[]) => (current[name] as (...a: any[]) => unknown)(...args)) as Window[K];
/* eslint-enable @typescript-eslint/no-explicit-any */

export const window: Window = {
  showQuickPick: forward('showQuickPick'),
  showInputBox: forward('showInputBox'),
  showInformationMessage: forward('showInformationMessage'),
  showWarningMessage: forward('showWarningMessage'),
  showErrorMessage: forward('showErrorMessage'),
  showOpenDialog: forward('showOpenDialog'),
  showSaveDialog: forward('showSaveDialog'),
  createQuickPick: forward('createQuickPick'),
  createInputBox: forward('createInputBox'),
  openExternal: forward('openExternal'),
};

/** Test seam: answers every dialog with `stand-in` until the returned disposable is disposed. */
export function useWindow(standIn: Window): vscode.Disposable {
  current = standIn;
  return new vscode.Disposable(() => {
    if (current === standIn) current = vscodeWindow;
  });
}
