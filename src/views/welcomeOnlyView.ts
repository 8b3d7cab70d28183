// A view whose resource listing has not been built yet: empty, so VS Code shows its welcome content
// (package.json "viewsWelcome": a Choose Profile button, and a note of what will be listed).
import type * as vscode from 'vscode';
import { RefreshableTreeProvider } from './refreshableTreeProvider';

export class WelcomeOnlyView extends RefreshableTreeProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}
