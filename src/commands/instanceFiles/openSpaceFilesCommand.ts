// Open Space Files: a Studio JupyterLab space's home folder (/home/sagemaker-user) as a workspace folder
// (sagemaker-space://<domainId>/<spaceName>/). A running space is signed in to first, so a refused sign-in is
// said here rather than as a broken folder; a stopped one is offered a start first, with the Studio feature's
// own start (CreateApp followed to InService, cancellable).
import * as vscode from 'vscode';
import { describeSpace, describeSpaceApp, domainSpaces, listDomainsPage } from '../../aws/sagemaker/studioApi';
import { spaceState } from '../../model/studioText';
import type { AwsSession } from '../../session/awsSession';
import type { CommandOutcome } from '../../ui/commands';
import { confirmModal } from '../../ui/confirmModal';
import type { InstanceConnections } from '../../ui/instanceConnections';
import { toUserError } from '../../ui/showAwsError';
import { window } from '../../ui/window';
import { SPACE_HOME, spaceFilesUri } from '../../views/spaceFiles/spaceFileSystem';
import type { ExplorerNode } from '../../views/tree/explorerNode';
import { addWorkspaceFolder, isWorkspaceFolder } from './workspaceFolders';

export interface SpaceFilesContext {
  session: AwsSession;
  connections: InstanceConnections;
  /** The Studio view should read again (after a start). */
  changed(): void;
}

export interface SpaceRef {
  domainId: string;
  spaceName: string;
}

/** The space a menu passed (its Studio tree node); else asks among the JupyterLab spaces. */
export async function spaceOf(session: AwsSession, target: unknown): Promise<SpaceRef | undefined> {
  const node = target as (ExplorerNode & { domainId?: string }) | undefined;
  if (node?.resource?.kind === 'studio-space' && node.domainId)
    return { domainId: node.domainId, spaceName: node.resource.name };
  const domains = (await listDomainsPage(session.clients, undefined, 100)).items;
  const spaces = (
    await Promise.all(
      domains.map(async (d) =>
        (await domainSpaces(session.clients, d.DomainId ?? ''))
          .filter((s) => s.SpaceSettingsSummary?.AppType === 'JupyterLab')
          .map((s) => ({ label: s.SpaceName ?? '', description: d.DomainName, domainId: d.DomainId ?? '' })),
      ),
    )
  ).flat();
  const picked = await window.showQuickPick(spaces, {
    title: vscode.l10n.t('Open the files of which Studio space?'),
  });
  return picked ? { domainId: picked.domainId, spaceName: picked.label } : undefined;
}

export function spaceFolderName(spaceName: string): string {
  return vscode.l10n.t('{0} (Studio)', spaceName);
}

export async function openSpaceFiles(ctx: SpaceFilesContext, space: SpaceRef): Promise<CommandOutcome> {
  const { domainId, spaceName: name } = space;
  const described = await describeSpace(ctx.session.clients, domainId, name);
  const appType = described.SpaceSettings?.AppType;
  if (appType !== 'JupyterLab')
    return {
      outcome: 'refused',
      message: appType
        ? vscode.l10n.t(
            '{0} is a {1}; Open Space Files works on JupyterLab spaces, whose Jupyter serves the files.',
            name,
            appType,
          )
        : vscode.l10n.t(
            '{0} is a space without an app type; Open Space Files works on JupyterLab spaces, whose Jupyter serves the files.',
            name,
          ),
    };
  const appStatus = await describeSpaceApp(ctx.session.clients, { domainId, spaceName: name, appType }).then(
    (out) => out.Status,
    (error: unknown) => {
      if ((error as { name?: string }).name === 'ResourceNotFound') return undefined;
      throw error;
    },
  );
  const state = spaceState(appStatus);
  if (state === 'Stopped' || state === 'Failed') {
    const start = await confirmModal(
      vscode.l10n.t('{0} is {1}. Start it to open its files?', name, state),
      vscode.l10n.t(
        "Its files ({0}) are reached through the space's JupyterLab, which runs while the space is InService. Starting takes a few minutes; billing for its instance starts.",
        SPACE_HOME,
      ),
      vscode.l10n.t('Start'),
    );
    if (!start) return { outcome: 'cancelled' };
    const { startSpace } = await import('../studio/spaceCommands.js');
    const started = await startSpace(ctx, space);
    if (started.outcome !== 'done') return started;
  } else if (state !== 'InService') {
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} is {1}; its files can be opened once it is InService.', name, state),
    };
  }
  const key = `${domainId}/${name}`;
  try {
    const connection = await ctx.connections.get(key);
    await connection.contents.get('', { content: false });
  } catch (error) {
    ctx.connections.close(key);
    const message =
      error instanceof Error && error.name === 'JupyterAuthError'
        ? error.message
        : toUserError(error, ctx.session, 'sagemaker', 'CreatePresignedDomainUrl').message;
    return { outcome: 'failed', message: vscode.l10n.t('Could not open the files of {0}: {1}', name, message) };
  }
  const uri = spaceFilesUri(domainId, name);
  const folder = spaceFolderName(name);
  if (isWorkspaceFolder(uri)) {
    await vscode.commands.executeCommand('workbench.view.explorer');
    return { outcome: 'done', message: vscode.l10n.t('{0} is already in the workspace.', folder) };
  }
  if (!(await addWorkspaceFolder(uri, folder)))
    return { outcome: 'failed', message: vscode.l10n.t('VS Code did not add {0} to the workspace.', folder) };
  return {
    outcome: 'done',
    message: vscode.l10n.t('Added {0}\'s files ({1}) to the workspace as "{2}".', name, SPACE_HOME, folder),
  };
}
