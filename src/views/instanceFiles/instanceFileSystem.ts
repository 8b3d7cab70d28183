// A notebook instance's files as a folder: sagemaker-notebook://<instance>/<path> over the Jupyter contents
// API of the instance (GET/PUT/PATCH/DELETE /api/contents/<path>), rooted where the instance's Jupyter is,
// /home/ec2-user/SageMaker. It lives beside the other remote-resource file systems of the views
// (lifecycleScriptFiles.ts): VS Code presents it, the connection comes from src/ui/instanceConnections.ts.
//
// Bytes are never mangled: every file, notebooks included, is read and written as `type: 'file'` with
// `format: 'base64'`, so an .ipynb round-trips byte for byte (Jupyter's notebook model would re-serialise it)
// and binary files survive.
//
// Large files: Jupyter's contents API moves whole files as base64 inside JSON, with no ranged reads, so a read
// holds the file about 2.3 times (base64 text and the decoded bytes). Writes above CHUNK_BYTES go as Jupyter's
// chunked upload (the `chunk` field of its LargeFileManager, as JupyterLab uploads), one CHUNK_BYTES slice
// encoded at a time; a write that fails midway leaves the file partly written on the instance. Files over
// MAX_FILE_BYTES are refused with a message rather than left to hang the editor.
//
// Conflicts: stat answers the instance's own last_modified as mtime, read afresh every time, so VS Code's
// dirty-write check ("The content of the file is newer…", Compare / Overwrite) sees a file changed on the
// instance since it was opened and refuses the save; its Overwrite then writes as asked. A provider-side check
// against a remembered last_modified would also refuse that Overwrite, so there is none. Jupyter has no
// conditional PUT: a change landing between VS Code's check and the write is not detected (JupyterLab has the
// same window).
import * as vscode from 'vscode';
import type { Contents } from '@jupyterlab/services';
import type { InstanceJupyter } from '../../aws/jupyter/instanceConnection';
import { describeNotebookInstance, notebookInstanceNames } from '../../aws/sagemaker/notebookInstancesApi';
import type { AwsSession } from '../../session/awsSession';
import type { InstanceConnections } from '../../ui/instanceConnections';
import { toUserError } from '../../ui/showAwsError';

import { INSTANCE_FILES_SCHEME } from '../fileSchemes';
export { INSTANCE_FILES_SCHEME };
/** Where the instance's Jupyter is rooted on a SageMaker notebook instance. */
export const INSTANCE_HOME = '/home/ec2-user/SageMaker';
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Writes above this go in chunks of this size. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

export function instanceFilesUri(instance: string, path = '/'): vscode.Uri {
  return vscode.Uri.from({ scheme: INSTANCE_FILES_SCHEME, authority: instance, path });
}

/** The contents API path of a notebook-instance URI: relative to the server root, no leading or trailing slash. */
function instanceApiPath(uri: vscode.Uri): string {
  return uri.path.replace(/^\/+|\/+$/g, '');
}

const megabytes = (bytes: number) => vscode.l10n.t('{0} MB', (bytes / 1024 / 1024).toFixed(1));

function tooLarge(uri: vscode.Uri, bytes: number, feature: string): vscode.FileSystemError {
  return vscode.FileSystemError.Unavailable(
    vscode.l10n.t(
      "{0} is {1}; {2} moves at most {3} through Jupyter's contents API (whole files, base64 in JSON). Use Jupyter there or S3 for it.",
      uri.path.split('/').pop() ?? '',
      megabytes(bytes),
      feature,
      megabytes(MAX_FILE_BYTES),
    ),
  );
}

function toStat(model: Contents.IModel): vscode.FileStat {
  const mtime = Date.parse(model.last_modified) || 0;
  return {
    type: model.type === 'directory' ? vscode.FileType.Directory : vscode.FileType.File,
    ctime: Date.parse(model.created) || mtime,
    mtime,
    size: model.type === 'directory' ? 0 : (model.size ?? 0),
    permissions: model.writable === false ? vscode.FilePermission.Readonly : undefined,
  };
}

/** Where a Jupyter-backed folder's URIs lead: which server (its connection key) and which path on it. */
export interface JupyterFilesHost {
  /** The connection key of the server a URI names (an instance name, `<domainId>/<spaceName>`). */
  key(uri: vscode.Uri): Promise<string>;
  /** The contents API path of a URI: relative to the server root, no leading or trailing slash. */
  apiPath(uri: vscode.Uri): string;
  /** The feature's name in messages: Instance Files, Space Files. */
  readonly feature: string;
  /** Said when the root is deleted, e.g. `The instance's home folder (/home/ec2-user/SageMaker)`. */
  readonly homeLabel: string;
  /** Said when a rename crosses servers. */
  readonly acrossServers: string;
  /** Why the server did not answer `error`, as a file error (it stopped, the sign-in failed…). */
  unreachable(key: string, error: unknown): Promise<vscode.FileSystemError>;
}

/**
 * A folder over a Jupyter server's contents API (notebook instances here, Studio spaces in
 * src/views/spaceFiles): what is said above holds for every such folder.
 */
export class JupyterFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(
    private readonly connections: InstanceConnections,
    private readonly host: JupyterFilesHost,
  ) {}

  private apiPath(uri: vscode.Uri): string {
    return this.host.apiPath(uri);
  }

  private parentOf(uri: vscode.Uri): vscode.Uri | undefined {
    if (!this.apiPath(uri)) return undefined;
    const trimmed = uri.path.replace(/\/+$/, '');
    return uri.with({ path: trimmed.slice(0, trimmed.lastIndexOf('/')) || '/' });
  }

  // Jupyter tells nobody about changes; our own writes fire events, the rest shows on refresh.
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return toStat(await this.model(uri));
  }

  async readDirectory(uri: vscode.Uri): Promise<Array<[string, vscode.FileType]>> {
    const model = await this.call(uri, (c) => c.contents.get(this.apiPath(uri), { content: true }));
    if (model.type !== 'directory') throw vscode.FileSystemError.FileNotADirectory(uri);
    return (model.content as Contents.IModel[]).map((entry) => [
      entry.name,
      entry.type === 'directory' ? vscode.FileType.Directory : vscode.FileType.File,
    ]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const head = await this.model(uri);
    if (head.type === 'directory') throw vscode.FileSystemError.FileIsADirectory(uri);
    if ((head.size ?? 0) > MAX_FILE_BYTES) throw tooLarge(uri, head.size ?? 0, this.host.feature);
    const model = await this.call(uri, (c) =>
      c.contents.get(this.apiPath(uri), { type: 'file', format: 'base64', content: true }),
    );
    const content = typeof model.content === 'string' ? model.content : '';
    return model.format === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
  }

  async writeFile(
    uri: vscode.Uri,
    content: Uint8Array,
    options: { readonly create: boolean; readonly overwrite: boolean },
  ): Promise<void> {
    if (content.byteLength > MAX_FILE_BYTES) throw tooLarge(uri, content.byteLength, this.host.feature);
    const existing = await this.existing(uri);
    if (existing?.type === 'directory') throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!existing) await this.parentMustExist(uri);
    const path = this.apiPath(uri);
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    await this.call(uri, async (c) => {
      if (bytes.byteLength <= CHUNK_BYTES) {
        await c.contents.save(path, { type: 'file', format: 'base64', content: bytes.toString('base64') });
        return;
      }
      for (let offset = 0, chunk = 1; offset < bytes.byteLength; offset += CHUNK_BYTES, chunk++) {
        const last = offset + CHUNK_BYTES >= bytes.byteLength;
        await c.contents.save(path, {
          type: 'file',
          format: 'base64',
          content: bytes.subarray(offset, offset + CHUNK_BYTES).toString('base64'),
          chunk: last ? -1 : chunk,
        });
      }
    });
    this.changed.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    if (await this.existing(uri)) throw vscode.FileSystemError.FileExists(uri);
    await this.parentMustExist(uri);
    await this.call(uri, (c) => c.contents.save(this.apiPath(uri), { type: 'directory' }));
    this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    const model = await this.model(uri);
    if (!this.apiPath(uri))
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('{0} cannot be deleted.', this.host.homeLabel));
    if (model.type === 'directory') {
      const children = await this.readDirectory(uri);
      if (children.length && !options.recursive)
        throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('{0} is not empty.', uri.path));
      // Jupyter refuses a non-empty directory unless it sends deletes to the trash: empty it first.
      for (const [name] of children)
        await this.delete(uri.with({ path: `${uri.path.replace(/\/+$/, '')}/${name}` }), { recursive: true });
    }
    await this.call(uri, (c) => c.contents.delete(this.apiPath(uri)));
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    if ((await this.host.key(oldUri)) !== (await this.host.key(newUri)))
      throw vscode.FileSystemError.NoPermissions(this.host.acrossServers);
    await this.model(oldUri);
    const target = await this.existing(newUri);
    if (target && !options.overwrite) throw vscode.FileSystemError.FileExists(newUri);
    if (!target) await this.parentMustExist(newUri);
    if (target) await this.delete(newUri, { recursive: true });
    await this.call(oldUri, (c) => c.contents.rename(this.apiPath(oldUri), this.apiPath(newUri)));
    this.changed.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  /** The entry's model without content (one GET with content=0), fresh from the instance. */
  private model(uri: vscode.Uri): Promise<Contents.IModel> {
    return this.call(uri, (c) => c.contents.get(this.apiPath(uri), { content: false }));
  }

  private async existing(uri: vscode.Uri): Promise<Contents.IModel | undefined> {
    try {
      return await this.model(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  private async parentMustExist(uri: vscode.Uri): Promise<void> {
    const parent = this.parentOf(uri);
    if (!parent) return;
    const model = await this.existing(parent);
    if (!model) throw vscode.FileSystemError.FileNotFound(parent);
    if (model.type !== 'directory') throw vscode.FileSystemError.FileNotADirectory(parent);
  }

  /** Runs a contents call on the instance's connection and says what went wrong as VS Code's file errors. */
  private async call<T>(uri: vscode.Uri, run: (connection: InstanceJupyter) => Promise<T>): Promise<T> {
    const name = await this.host.key(uri);
    try {
      return await run(await this.connections.get(name));
    } catch (error) {
      // The Jupyter client's ResponseError, told by its shape: the client is loaded lazily, so no class to test against.
      const status = (error as { response?: { status?: unknown } } | undefined)?.response?.status;
      if (error instanceof Error && typeof status === 'number') {
        if (status === 404) throw vscode.FileSystemError.FileNotFound(uri);
        if (status === 409) throw vscode.FileSystemError.FileExists(uri);
        if (status === 400 || status === 403)
          throw vscode.FileSystemError.NoPermissions(`${uri.path}: ${error.message}`);
      }
      throw await this.host.unreachable(name, error);
    }
  }
}

/** A notebook instance's files: sagemaker-notebook://<instance>/<path>. */
export class InstanceFileSystem extends JupyterFileSystem {
  constructor(connections: InstanceConnections, session: AwsSession) {
    super(connections, new InstanceFilesHost(connections, session));
  }
}

class InstanceFilesHost implements JupyterFilesHost {
  private readonly names = new Map<string, Promise<string>>();
  readonly feature = vscode.l10n.t('Instance Files');
  readonly homeLabel = vscode.l10n.t("The instance's home folder ({0})", INSTANCE_HOME);
  readonly acrossServers = vscode.l10n.t('Files move between notebook instances by copying, not renaming.');

  constructor(
    private readonly connections: InstanceConnections,
    private readonly session: AwsSession,
  ) {}

  apiPath(uri: vscode.Uri): string {
    return instanceApiPath(uri);
  }

  /**
   * The instance a URI names. A URI written out as text (a saved workspace's folder list) has its authority in
   * lower case, and instance names keep their case: such an authority is matched against the account's names.
   */
  key(uri: vscode.Uri): Promise<string> {
    const authority = uri.authority;
    if (authority !== authority.toLowerCase()) return Promise.resolve(authority);
    let name = this.names.get(authority);
    if (!name) {
      // Only a name found is kept; a miss or a failed list is asked again next time.
      const forget = () => {
        this.names.delete(authority);
        return authority;
      };
      name = notebookInstanceNames(this.session.clients).then(
        (all) => all.find((n) => n.toLowerCase() === authority) ?? forget(),
        forget,
      );
      this.names.set(authority, name);
    }
    return name;
  }

  /** Why the instance did not answer: stopped (or gone) when SageMaker says so, else the error itself. */
  async unreachable(name: string, error: unknown): Promise<vscode.FileSystemError> {
    let status: string;
    try {
      status = (await describeNotebookInstance(this.session.clients, name)).NotebookInstanceStatus ?? 'Unknown';
    } catch (describeError) {
      this.connections.close(name);
      return vscode.FileSystemError.Unavailable(
        vscode.l10n.t(
          'Cannot reach the files of notebook instance {0}: {1}',
          name,
          toUserError(describeError, this.session, 'sagemaker', 'DescribeNotebookInstance').message,
        ),
      );
    }
    if (status !== 'InService') {
      this.connections.close(name);
      return vscode.FileSystemError.Unavailable(
        status === 'Stopped' || status === 'Stopping'
          ? vscode.l10n.t(
              'Cannot reach the files of notebook instance {0}: the instance stopped (it is {1}). Start it from the Notebook Instances view to reach its files again.',
              name,
              status,
            )
          : vscode.l10n.t(
              'Cannot reach the files of notebook instance {0}: the instance is {1}; its files can be reached once it is InService.',
              name,
              status,
            ),
      );
    }
    const message =
      // A NetworkError of the Jupyter client is a TypeError, as fetch's own failures are.
      error instanceof Error && (error.name === 'JupyterAuthError' || error instanceof TypeError)
        ? error.message
        : toUserError(error, this.session, 'sagemaker', 'CreatePresignedNotebookInstanceUrl').message;
    return vscode.FileSystemError.Unavailable(
      vscode.l10n.t('Cannot reach the files of notebook instance {0}: {1}', name, message),
    );
  }
}
