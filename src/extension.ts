// Wiring only: build the session and the views, then let each feature register its own commands, views
// and panels. No network I/O here: clients are created on first use and the profile files are read after
// activation returns.
import './l10nConfig';
import * as vscode from 'vscode';
import { activateAutopilot } from './commands/autopilot/activateAutopilot';
import { activateCost } from './commands/cost/activateCost';
import { activateHosting } from './commands/hosting/activateHosting';
import { activateInstanceFiles } from './commands/instanceFiles/activateInstanceFiles';
import { activateModelRegistry } from './commands/modelRegistry/activateModelRegistry';
import { activateNotebookInstances } from './commands/notebooks/activateNotebookInstances';
import { activateNotebookKernels } from './commands/notebookKernels/activateNotebookKernels';
import { activateReleases } from './commands/releases/activateReleases';
import { activateSession } from './commands/session/activateSession';
import { activateStudio } from './commands/studio/activateStudio';
import { activateTraining } from './commands/training/activateTraining';
import { createWorkbench } from './commands/workbench';

/** Where SageMaker Workbench works: what another extension may read (nothing secret). */
export interface WorkbenchSession {
  /** The profile label shown in the status bar ("default" for the default credential chain). */
  profile: string;
  region: string;
  /** Set when calls go to another endpoint (the local emulator, a VPC endpoint). */
  endpointUrl?: string;
}

/** What activate() returns to other extensions. */
export interface WorkbenchApi {
  /** Resolves once the profile files have been read after activation. */
  ready: Promise<void>;
  session(): WorkbenchSession;
  onDidChangeSession: vscode.Event<WorkbenchSession>;
}

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const wb = createWorkbench(context);
  const ready = wb.session
    .reload()
    .catch((err: unknown) => wb.log.error(`Reading AWS profiles failed: ${String(err)}`));
  activateSession(wb);
  activateNotebookInstances(wb);
  activateInstanceFiles(wb);
  activateStudio(wb);
  activateNotebookKernels(wb);
  activateAutopilot(wb);
  activateTraining(wb);
  activateModelRegistry(wb);
  activateHosting(wb);
  activateReleases(wb, ready);
  activateCost(wb);
  // Once the profiles are read, the SageMaker SDK loads in the background: activation stays small, and the first
  // view or command that calls SageMaker does not wait for it.
  void ready
    .then(() => wb.session.clients.preload())
    .catch((err: unknown) => wb.log.warn(`Loading the SageMaker SDK ahead of use failed: ${String(err)}`));
  wb.log.info(
    `SageMaker Workbench ${(context.extension.packageJSON as { version?: string }).version} activated in VS Code ${vscode.version}`,
  );
  const session = (): WorkbenchSession => {
    const { profileLabel, region, endpointUrl } = wb.session.current;
    return { profile: profileLabel, region, endpointUrl };
  };
  return {
    ready,
    session,
    onDidChangeSession: (listener, thisArgs, disposables) =>
      wb.session.onDidChange(() => listener.call(thisArgs, session()), undefined, disposables),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
