// A running JupyterLab space is backed by a real Jupyter server, behind the same gateway as notebook
// instances (jupyter/notebookGateway.ts: single-use token, session and `_xsrf` cookies, proxying): the space is
// registered as a gateway target named `<domainId>.<spaceName>` (a dot never occurs in a notebook instance
// name), InService while its JupyterLab app is, with a per-space folder playing /home/sagemaker-user, where
// each start first writes what the app's lifecycle configuration copies from S3 (spaceFiles.ts).
import type { World } from '../../world';
import { notebookGateway, registerJupyterTarget, type JupyterTarget } from '../jupyter/notebookGateway';
import { syncSpaceFiles } from './spaceFiles';
import { key, liveAppOf, statusOf, studioState } from './studioState';

export function gatewayName(domainId: string, spaceName: string): string {
  return `${domainId}.${spaceName}`;
}

function spaceTarget(world: World, name: string): JupyterTarget | undefined {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const space = studioState(world).spaces.get(key(name.slice(0, dot), name.slice(dot + 1)));
  if (!space) return undefined;
  const app = liveAppOf(world, space);
  const running = app && app.appType === 'JupyterLab' ? statusOf(world, app) : 'Stopped';
  return {
    label: `space ${space.name} of domain ${space.domainId}`,
    status: statusOf(world, space) === 'Deleting' ? 'Deleting' : running,
    startedAt: app?.transition.since ?? 0,
    folderName: 'sagemaker-user',
    presignOperation: 'CreatePresignedDomainUrl',
    sync: async (folder) => (app ? syncSpaceFiles(world, app, folder) : []),
  };
}
registerJupyterTarget(spaceTarget);

export function studioGateway(world: World) {
  const gateway = notebookGateway(world);
  return {
    /** A presigned URL's token for the space's JupyterLab, landing on `landing` (relative to its base URL). */
    mint: (domainId: string, space: string, sessionSeconds: number, expiresInSeconds: number, landing: string) =>
      gateway.mintToken(gatewayName(domainId, space), sessionSeconds, expiresInSeconds * 1000, landing),
    /** The app stopped: sessions end, connections close, the server stops; the folder stays. */
    stop: (domainId: string, space: string) => gateway.stopInstance(gatewayName(domainId, space)),
    /** The space is deleted: its folder (its storage) goes too. */
    discard: (domainId: string, space: string) => gateway.discardInstance(gatewayName(domainId, space)),
    folderOf: (domainId: string, space: string) => gateway.folderOf(gatewayName(domainId, space)),
  };
}
