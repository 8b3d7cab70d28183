// Adding a folder to the workspace, through one seam. In a window that has no multi-root workspace yet (one
// folder, or none), VS Code adds a folder by saving an untitled workspace and reloading the window into it
// (the extension host restarts; the folder is there afterwards). The integration tests run in such a window,
// so they stand in for `update` and assert what was asked of VS Code; everything else runs as it is.
import * as vscode from 'vscode';

export const workspaceFolders = {
  /** vscode.workspace.updateWorkspaceFolders, replaced by tests. */
  update: (start: number, deleteCount: number, ...folders: Array<{ uri: vscode.Uri; name?: string }>): boolean =>
    vscode.workspace.updateWorkspaceFolders(start, deleteCount, ...folders),
};

const same = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

/** Whether `uri` is one of the workspace's folders now. */
export function isWorkspaceFolder(uri: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => same(folder.uri, uri));
}

/**
 * Adds `uri` as the last workspace folder. Resolves true once VS Code added it, or (in a window without a
 * multi-root workspace) once VS Code accepted the change it makes by reloading the window.
 */
export function addWorkspaceFolder(uri: vscode.Uri, name: string): Promise<boolean> {
  const count = vscode.workspace.workspaceFolders?.length ?? 0;
  if (!vscode.workspace.workspaceFile) return Promise.resolve(workspaceFolders.update(count, 0, { uri, name }));
  return new Promise<boolean>((resolve) => {
    const done = (added: boolean) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(added);
    };
    const subscription = vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      if (e.added.some((folder) => same(folder.uri, uri))) done(true);
    });
    const timer = setTimeout(() => done(isWorkspaceFolder(uri)), 10_000);
    if (!workspaceFolders.update(count, 0, { uri, name })) done(false);
  });
}
