// Restart Kernel and Restart Kernel and Run All for a notebook running on an instance or a Studio space, from the notebook
// toolbar (shown while one of our controllers is selected) or the palette.
import * as vscode from 'vscode';
import { registerCommand, type CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import type { Workbench } from '../workbench';
import type { InstanceKernels } from './instanceKernels';

/** What the notebook toolbar passes (`{ notebookEditor: { notebookUri } }`), a notebook URI, or nothing. */
type NotebookTarget = { notebookEditor?: { notebookUri?: vscode.Uri } } | vscode.Uri | undefined;

function targetNotebook(target: NotebookTarget): vscode.NotebookDocument | undefined {
  const uri = target instanceof vscode.Uri ? target : target?.notebookEditor?.notebookUri;
  if (!uri) return vscode.window.activeNotebookEditor?.notebook;
  return vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri.toString());
}

async function restart(kernels: InstanceKernels, target: NotebookTarget, runAll: boolean): Promise<CommandOutcome> {
  const notebook = targetNotebook(target);
  const kernel = notebook && kernels.kernelOf(notebook);
  if (!notebook || !kernel)
    return {
      outcome: 'refused',
      message: vscode.l10n.t('This notebook is not connected to a kernel on a notebook instance or a Studio space.'),
    };
  const file = notebook.uri.path.split('/').pop() ?? notebook.uri.path;
  const confirmed = await confirmModal(
    runAll
      ? vscode.l10n.t('Restart the kernel of {0} on {1} and run all cells?', file, kernel.instanceName)
      : vscode.l10n.t('Restart the kernel of {0} on {1}?', file, kernel.instanceName),
    runAll
      ? vscode.l10n.t(
          'The {0} kernel on {1} starts afresh: the variables defined so far are lost and a running cell is stopped. Then every cell runs again from the top.',
          kernel.kernelSpec,
          kernel.instanceName,
        )
      : vscode.l10n.t(
          'The {0} kernel on {1} starts afresh: the variables defined so far are lost and a running cell is stopped.',
          kernel.kernelSpec,
          kernel.instanceName,
        ),
    runAll ? vscode.l10n.t('Restart and Run All') : vscode.l10n.t('Restart'),
  );
  if (!confirmed) return { outcome: 'cancelled', quiet: true };
  await kernels.restart(kernel);
  if (runAll) await vscode.commands.executeCommand('notebook.execute', notebook.uri);
  return {
    outcome: 'done',
    message: vscode.l10n.t('The kernel of {0} on {1} restarted.', file, kernel.instanceName),
    quiet: runAll,
  };
}

export function registerKernelCommands(wb: Workbench, kernels: InstanceKernels): vscode.Disposable[] {
  return [
    registerCommand(wb, 'sagemakerWorkbench.restartInstanceKernel', (t: NotebookTarget) => restart(kernels, t, false)),
    registerCommand(wb, 'sagemakerWorkbench.restartInstanceKernelAndRunAll', (t: NotebookTarget) =>
      restart(kernels, t, true),
    ),
  ];
}
