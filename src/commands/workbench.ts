// What every feature's activation receives: the session, the log, the sidebar views and the documents
// several features open (details, logs). Built once by activate(); features add their own parts.
import * as vscode from 'vscode';
import { AwsSession } from '../session/awsSession';
import { Log } from '../session/log';
import { DetailsDocuments, DETAILS_SCHEME } from '../views/details/detailsDocuments';
import { LogDocuments, LOG_SCHEME } from '../views/logs/logDocuments';
import { registerViews, type RegisteredViews } from '../views/registerViews';
import { SessionStatusBar } from '../views/sessionStatusBar';
import type { CommandHost } from '../ui/commands';

/** The execution role last chosen in any wizard, offered first in the next. */
export interface RoleMemory {
  lastRole(): string | undefined;
  rememberRole(arn: string): Thenable<void>;
}

export interface Workbench extends CommandHost, RoleMemory {
  context: vscode.ExtensionContext;
  extensionUri: vscode.Uri;
  views: RegisteredViews;
  statusBar: SessionStatusBar;
  details: DetailsDocuments;
  logs: LogDocuments;
}

let current: Workbench | undefined;

export function createWorkbench(context: vscode.ExtensionContext): Workbench {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const log = new Log();
  const session = new AwsSession(log, `sagemaker-workbench/${version}`);
  const views = registerViews(session, context.workspaceState);
  const statusBar = new SessionStatusBar(session);
  const details = new DetailsDocuments();
  const logs = new LogDocuments(session);
  context.subscriptions.push(
    log,
    session,
    views,
    statusBar,
    details,
    logs,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, logs),
  );
  current = {
    context,
    extensionUri: context.extensionUri,
    session,
    log,
    views,
    statusBar,
    details,
    logs,
    lastRole: () => context.globalState.get<string>('lastExecutionRole'),
    rememberRole: (arn) => context.globalState.update('lastExecutionRole', arn),
  };
  return current;
}

/** The running workbench, for the integration tests, which share this module with the host. */
export function runningWorkbench(): Workbench {
  // l10n-exempt: a test seam's error, never shown to a user
  if (!current) throw new Error('SageMaker Workbench is not activated');
  return current;
}
