// Studio spaces: create, start, stop, delete, change and open. The commands are registered at activation; what
// they do loads on first use (a chunk of its own), so the activation bundle stays small.
import * as vscode from 'vscode';
import type { Workbench } from '../workbench';
import { STUDIO_LIFECYCLE_SCHEME, StudioLifecycleFiles } from '../../views/studio/studioLifecycleFiles';
import { registerCommand } from '../../ui/commands';
import type { StudioContext } from './spaceCommands';

/** Command id (after `sagemakerWorkbench.`) and the AWS call an unexpected error is attributed to. */
const COMMANDS: Array<[id: string, operation: string]> = [
  ['createSpace', 'CreateSpace'],
  ['startSpace', 'CreateApp'],
  ['stopSpace', 'DeleteApp'],
  ['deleteSpace', 'DeleteSpace'],
  ['changeSpaceInstanceType', 'UpdateSpace'],
  ['changeSpaceIdleShutdown', 'UpdateSpace'],
  ['openSpaceInBrowser', 'CreatePresignedDomainUrl'],
];

/** Studio lifecycle configurations: command id and the AWS call an unexpected error is attributed to. */
const LIFECYCLE_COMMANDS: Array<[id: string, operation: string]> = [
  ['openStudioLifecycleConfig', 'DescribeStudioLifecycleConfig'],
  ['createStudioLifecycleConfig', 'CreateStudioLifecycleConfig'],
  ['deleteStudioLifecycleConfig', 'DeleteStudioLifecycleConfig'],
];
const lifecycle = () => import(/* webpackChunkName: "studio" */ './studioLifecycleCommands.js');

export function activateStudio(wb: Workbench): void {
  const ctx: StudioContext = { session: wb.session, changed: () => wb.views.providers.studio.refresh() };
  wb.context.subscriptions.push(
    ...COMMANDS.map(([id, operation]) =>
      registerCommand(
        wb,
        `sagemakerWorkbench.${id}`,
        async (target: unknown) =>
          (await import(/* webpackChunkName: "studio" */ './studioCommands.js')).studioHandlers[id](ctx, target),
        { operation },
      ),
    ),
    vscode.workspace.registerFileSystemProvider(
      STUDIO_LIFECYCLE_SCHEME,
      new StudioLifecycleFiles(async () => (await lifecycle()).studioScriptOps(ctx)),
      { isCaseSensitive: true },
    ),
    ...LIFECYCLE_COMMANDS.map(([id, operation]) =>
      registerCommand(
        wb,
        `sagemakerWorkbench.${id}`,
        async (target: unknown) => (await lifecycle()).lifecycleHandlers[id](ctx, target),
        { operation },
      ),
    ),
  );
}
