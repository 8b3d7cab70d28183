// Wiring only: build the session and the views, then let each feature register its own commands, views
// and panels. No network I/O here: clients are created on first use and the profile files are read after
// activation returns.
import * as vscode from 'vscode';
import { activateAutopilot } from './commands/autopilot/activateAutopilot';
import { activateHosting } from './commands/hosting/activateHosting';
import { activateModelRegistry } from './commands/modelRegistry/activateModelRegistry';
import { activateNotebookInstances } from './commands/notebooks/activateNotebookInstances';
import { activateReleases } from './commands/releases/activateReleases';
import { activateSession } from './commands/session/activateSession';
import { activateTraining } from './commands/training/activateTraining';
import { createWorkbench, type Workbench } from './commands/workbench';

/** What activate() returns: used by the integration tests and by other extensions. */
export type WorkbenchApi = Pick<Workbench, 'session' | 'views' | 'statusBar' | 'details' | 'log'> & {
  /** Resolves once the profile files have been read after activation. */
  ready: Promise<void>;
} & ReturnType<typeof activateReleases> & ReturnType<typeof activateModelRegistry> & ReturnType<typeof activateHosting>
  & ReturnType<typeof activateNotebookInstances> & ReturnType<typeof activateAutopilot> & ReturnType<typeof activateTraining>;

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const wb = createWorkbench(context);
  const ready = wb.session.reload().catch((err: unknown) => wb.log.error(`Reading AWS profiles failed: ${String(err)}`));
  activateSession(wb);
  const features = {
    ...activateNotebookInstances(wb),
    ...activateAutopilot(wb),
    ...activateTraining(wb),
    ...activateModelRegistry(wb),
    ...activateHosting(wb),
    ...activateReleases(wb, ready),
  };
  wb.log.info(`SageMaker Workbench ${(context.extension.packageJSON as { version?: string }).version} activated in VS Code ${vscode.version}`);
  const { session, views, statusBar, details, log } = wb;
  return { session, views, statusBar, details, log, ready, ...features };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
