// A Studio JupyterLab space's home folder (/home/sagemaker-user) as a folder:
// sagemaker-space://<domainId>/<spaceName>/<path>, over the space's Jupyter contents API, with everything
// instanceFileSystem.ts says of notebook instances' files (bytes kept, large files, conflicts). The domain ID is
// the authority (always lower case); the space name is the first path segment, so its case survives.
import * as vscode from 'vscode';
import { describeSpaceApp } from '../../aws/sagemaker/studioApi';
import { spaceState } from '../../model/studioText';
import type { AwsSession } from '../../session/awsSession';
import type { InstanceConnections } from '../../ui/instanceConnections';
import { toUserError } from '../../ui/showAwsError';
import { JupyterFileSystem, type JupyterFilesHost } from '../instanceFiles/instanceFileSystem';

import { SPACE_FILES_SCHEME } from '../fileSchemes';
export { SPACE_FILES_SCHEME };
/** Where a JupyterLab space's Jupyter is rooted. */
export const SPACE_HOME = '/home/sagemaker-user';

export function spaceFilesUri(domainId: string, spaceName: string, path = '/'): vscode.Uri {
  const rest = path.replace(/^\/+/, '');
  return vscode.Uri.from({ scheme: SPACE_FILES_SCHEME, authority: domainId, path: `/${spaceName}/${rest}` });
}

/** The space a URI of this scheme names, and the path within its home folder. */
export function spaceOfUri(uri: vscode.Uri): { domainId: string; spaceName: string; path: string } | undefined {
  if (uri.scheme !== SPACE_FILES_SCHEME) return undefined;
  const [, spaceName, ...rest] = uri.path.split('/');
  if (!spaceName) return undefined;
  return { domainId: uri.authority, spaceName, path: rest.join('/').replace(/\/+$/, '') };
}

class SpaceFilesHost implements JupyterFilesHost {
  readonly feature = vscode.l10n.t('Space Files');
  readonly homeLabel = vscode.l10n.t("The space's home folder ({0})", SPACE_HOME);
  readonly acrossServers = vscode.l10n.t('Files move between spaces by copying, not renaming.');

  constructor(
    private readonly connections: InstanceConnections,
    private readonly session: AwsSession,
  ) {}

  key(uri: vscode.Uri): Promise<string> {
    const space = spaceOfUri(uri);
    if (!space) return Promise.reject(vscode.FileSystemError.FileNotFound(uri));
    return Promise.resolve(`${space.domainId}/${space.spaceName}`);
  }

  apiPath(uri: vscode.Uri): string {
    return spaceOfUri(uri)?.path ?? '';
  }

  /** Why the space did not answer: stopped (its app is not InService) when SageMaker says so, else the error. */
  async unreachable(key: string, error: unknown): Promise<vscode.FileSystemError> {
    const at = key.indexOf('/');
    const [domainId, spaceName] = [key.slice(0, at), key.slice(at + 1)];
    let status: string | undefined;
    try {
      status = (
        await describeSpaceApp(this.session.clients, { domainId, spaceName, appType: 'JupyterLab' }).catch(
          (e: unknown) => {
            if ((e as { name?: string }).name === 'ResourceNotFound') return { Status: undefined };
            throw e;
          },
        )
      ).Status;
    } catch (describeError) {
      this.connections.close(key);
      return vscode.FileSystemError.Unavailable(
        vscode.l10n.t(
          'Cannot reach the files of space {0}: {1}',
          spaceName,
          toUserError(describeError, this.session, 'sagemaker', 'DescribeApp').message,
        ),
      );
    }
    if (status !== 'InService') {
      this.connections.close(key);
      const state = spaceState(status);
      return vscode.FileSystemError.Unavailable(
        state === 'Stopped' || state === 'Deleting'
          ? vscode.l10n.t(
              'Cannot reach the files of space {0}: the space stopped (it is {1}). Start it from the Studio view to reach its files again.',
              spaceName,
              state,
            )
          : vscode.l10n.t(
              'Cannot reach the files of space {0}: the space is {1}; its files can be reached once it is InService.',
              spaceName,
              state,
            ),
      );
    }
    const message =
      error instanceof Error && (error.name === 'JupyterAuthError' || error instanceof TypeError)
        ? error.message
        : toUserError(error, this.session, 'sagemaker', 'CreatePresignedDomainUrl').message;
    return vscode.FileSystemError.Unavailable(
      vscode.l10n.t('Cannot reach the files of space {0}: {1}', spaceName, message),
    );
  }
}

/** A Studio space's files: sagemaker-space://<domainId>/<spaceName>/<path>. */
export class SpaceFileSystem extends JupyterFileSystem {
  constructor(connections: InstanceConnections, session: AwsSession) {
    super(connections, new SpaceFilesHost(connections, session));
  }
}
