// Notebook instances as kernels of VS Code's .ipynb editor (issue 20): one controller per notebook instance.
import type { Workbench } from '../workbench';
import { InstanceKernels } from './instanceKernels';
import { registerKernelCommands } from './kernelCommands';

let running: InstanceKernels | undefined;

/** The running feature, for the integration tests (which share this module with the host). */
export function notebookKernels(): InstanceKernels {
  // l10n-exempt: a test seam's error, never shown to a user
  if (!running) throw new Error('Notebook kernels are not activated');
  return running;
}

export function activateNotebookKernels(wb: Workbench): void {
  const kernels = new InstanceKernels(wb);
  running = kernels;
  wb.context.subscriptions.push(kernels, ...registerKernelCommands(wb, kernels));
}
