// Lifecycle configuration scripts as files: sagemaker-lifecycle:/<region>/<config>/on-start.sh (and
// on-create.sh). Reading describes the configuration and decodes the base64 script; saving checks the
// limit of 16,384 base64 characters and updates the configuration with both scripts (an update replaces its hooks).
// A refused save leaves the editor dirty, so nothing typed is lost. `?deployed` is a read-only snapshot
// of what SageMaker has now, for the diff.
import * as vscode from 'vscode';
import { describeLifecycleConfig } from '../../aws/sagemaker/notebookInstancesApi';
import { updateLifecycleScripts } from '../../aws/sagemaker/notebookLifecycleApi';
import type { AwsSession } from '../../session/awsSession';
import { toUserError } from '../../ui/showAwsError';
import { decodeLifecycleScript } from '../../model/lifecycleScripts';
import { scriptProblem } from '../../model/lifecycleTemplates';

import { LIFECYCLE_SCHEME } from '../fileSchemes';
export { LIFECYCLE_SCHEME };
export type Hook = 'on-create' | 'on-start';
const FILES: Record<Hook, 'OnCreate' | 'OnStart'> = { 'on-create': 'OnCreate', 'on-start': 'OnStart' };

export function lifecycleScriptUri(region: string, configName: string, hook: Hook, deployed = false): vscode.Uri {
  return vscode.Uri.from({
    scheme: LIFECYCLE_SCHEME,
    path: `/${region}/${configName}/${hook}.sh`,
    query: deployed ? 'deployed' : '',
  });
}

function parse(uri: vscode.Uri): { region: string; config: string; hook?: Hook } {
  const [region = '', config = '', file = ''] = uri.path.split('/').filter(Boolean);
  const hook = file.replace(/\.sh$/, '') as Hook;
  return { region, config, hook: hook in FILES ? hook : undefined };
}

export class LifecycleScriptFiles implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(
    private readonly session: AwsSession,
    private readonly configChanged: (config: string) => void,
  ) {}

  private async scripts(uri: vscode.Uri) {
    const { region, config } = parse(uri);
    if (region !== this.session.current.region)
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t(
          'This script belongs to {0}; the session is in {1}. Switch region to open it.',
          region,
          this.session.current.region,
        ),
      );
    try {
      const out = await describeLifecycleConfig(this.session.clients, config);
      return {
        onCreate: decodeLifecycleScript(out.OnCreate?.[0]?.Content),
        onStart: decodeLifecycleScript(out.OnStart?.[0]?.Content),
        modified: out.LastModifiedTime ?? out.CreationTime,
      };
    } catch (error) {
      throw vscode.FileSystemError.FileNotFound(
        toUserError(error, this.session, 'sagemaker', 'DescribeNotebookInstanceLifecycleConfig').message,
      );
    }
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { hook } = parse(uri);
    if (!hook) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const s = await this.scripts(uri);
    const text = hook === 'on-create' ? s.onCreate : s.onStart;
    return {
      type: vscode.FileType.File,
      ctime: s.modified?.getTime() ?? 0,
      mtime: s.modified?.getTime() ?? 0,
      size: Buffer.byteLength(text),
      permissions: uri.query === 'deployed' ? vscode.FilePermission.Readonly : undefined,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { hook } = parse(uri);
    if (!hook) throw vscode.FileSystemError.FileIsADirectory(uri);
    const s = await this.scripts(uri);
    return Buffer.from(hook === 'on-create' ? s.onCreate : s.onStart);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { config, hook } = parse(uri);
    if (!hook || uri.query === 'deployed')
      throw vscode.FileSystemError.NoPermissions(
        vscode.l10n.t('This is the deployed version (read-only); edit the script itself.'),
      );
    const text = Buffer.from(content).toString('utf8');
    const problem = scriptProblem(text, hook);
    if (problem) throw vscode.FileSystemError.NoPermissions(problem);
    const current = await this.scripts(uri);
    try {
      await updateLifecycleScripts(this.session.clients, config, {
        onCreate: hook === 'on-create' ? text : current.onCreate,
        onStart: hook === 'on-start' ? text : current.onStart,
      });
    } catch (error) {
      throw vscode.FileSystemError.Unavailable(
        toUserError(error, this.session, 'sagemaker', 'UpdateNotebookInstanceLifecycleConfig').message,
      );
    }
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    this.configChanged(config);
  }

  readDirectory(uri: vscode.Uri): Array<[string, vscode.FileType]> {
    return parse(uri).config
      ? [
          ['on-create.sh', vscode.FileType.File],
          ['on-start.sh', vscode.FileType.File],
        ]
      : [];
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('Lifecycle configurations have exactly two scripts: on-create.sh and on-start.sh.'),
    );
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('Delete the lifecycle configuration from the Notebook Instances view instead.'),
    );
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Lifecycle scripts cannot be renamed.'));
  }
}
