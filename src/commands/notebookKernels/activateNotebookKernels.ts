// Notebook instances and Studio spaces as kernels of VS Code's .ipynb editor (issue 20). The kernels' code loads
// when the first Jupyter notebook is open (the kernel picker needs it only then), or on a Restart command.
import * as vscode from 'vscode';
import { loadOnce } from '../../model/loadOnce';
import { registerLazyCommands } from '../../ui/commands';
import type { Workbench } from '../workbench';
import type { InstanceKernels } from './instanceKernels';
import { NOTEBOOK_TYPE } from './notebookType';
const KERNEL_COMMANDS = [
  'sagemakerWorkbench.restartInstanceKernel',
  'sagemakerWorkbench.restartInstanceKernelAndRunAll',
];

let running: InstanceKernels | undefined;
let loading: (() => Promise<InstanceKernels>) | undefined;

/** The loaded feature, for the integration tests (which share this module with the host). */
export function notebookKernels(): InstanceKernels {
  // l10n-exempt: a test seam's error, never shown to a user
  if (!running) throw new Error('Notebook kernels are not loaded: open a notebook or await loadNotebookKernels()');
  return running;
}

/** Loads the feature as opening a notebook does, for the integration tests. */
export function loadNotebookKernels(): Promise<InstanceKernels> {
  // l10n-exempt: a test seam's error, never shown to a user
  if (!loading) throw new Error('Notebook kernels are not activated');
  return loading();
}

export function activateNotebookKernels(wb: Workbench): void {
  const kernels = loadOnce(async () => {
    const { InstanceKernels } = await import(/* webpackChunkName: "kernels" */ './instanceKernels.js');
    const feature = new InstanceKernels(wb);
    wb.context.subscriptions.push(feature);
    running = feature;
    return feature;
  });
  loading = kernels;
  // The picker lists the hosts once a notebook is open, and then prefers each open notebook's own host.
  const notebookOpen = () => {
    if (running || !vscode.workspace.notebookDocuments.some((n) => n.notebookType === NOTEBOOK_TYPE)) return;
    void kernels()
      .then((feature) => feature.ensureListed())
      .catch((error: unknown) => wb.log.error(`Loading the notebook kernels failed: ${String(error)}`));
  };
  wb.context.subscriptions.push(
    vscode.workspace.onDidOpenNotebookDocument(notebookOpen),
    registerLazyCommands(wb, vscode.l10n.t('notebook kernels'), KERNEL_COMMANDS, async (host) =>
      (await import(/* webpackChunkName: "kernels" */ './kernelCommands.js')).registerKernelCommands(
        host,
        await kernels(),
      ),
    ),
  );
  notebookOpen();
}
