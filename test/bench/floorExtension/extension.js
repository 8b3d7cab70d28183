// A second baseline of the activation benchmark (test/bench/activation.test.ts): the least any extension with
// SageMaker Workbench's manifest must do when it activates. scripts/bench.js writes its package.json with the
// Workbench's views and commands (ids renamed, so both can be installed); activate() registers each command as a
// no-op and each view with an empty tree, as VS Code needs before it can show them or run them.
'use strict';
const vscode = require('vscode');

function activate(context) {
  const { commands = [], views = {} } = context.extension.packageJSON.contributes ?? {};
  for (const { command } of commands) context.subscriptions.push(vscode.commands.registerCommand(command, () => undefined));
  const empty = { getChildren: () => [], getTreeItem: (element) => element };
  for (const view of Object.values(views).flat())
    context.subscriptions.push(vscode.window.createTreeView(view.id, { treeDataProvider: empty }));
}

function deactivate() {}

module.exports = { activate, deactivate };
