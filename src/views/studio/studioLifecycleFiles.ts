// Studio lifecycle configurations as files: sagemaker-studio-lifecycle:/<region>/<config>.sh. Reading
// describes the configuration and decodes its base64 script; saving hands the text to `save`, which (Studio
// configurations being immutable) creates a new version and re-points what used the old one. A refused or
// cancelled save throws, so the editor stays dirty and nothing typed is lost. What reading and saving do is
// loaded on first use (a chunk of its own); this provider is all the activation bundle carries.
import * as vscode from 'vscode';

export const STUDIO_LIFECYCLE_SCHEME = 'sagemaker-studio-lifecycle';

export function studioScriptUri(region: string, configName: string): vscode.Uri {
  return vscode.Uri.from({ scheme: STUDIO_LIFECYCLE_SCHEME, path: `/${region}/${configName}.sh` });
}

/** The region and configuration of a script's file; undefined for any other file. */
export function studioScriptOf(uri: vscode.Uri | undefined): { region: string; config: string } | undefined {
  if (uri?.scheme !== STUDIO_LIFECYCLE_SCHEME) return undefined;
  const [region = '', file = ''] = uri.path.split('/').filter(Boolean);
  return region && file.endsWith('.sh') ? { region, config: file.slice(0, -3) } : undefined;
}

export interface StudioScriptOps {
  /** The script and when the configuration was made; throws a FileSystemError when it cannot be read. */
  read(region: string, config: string): Promise<{ text: string; created?: Date }>;
  /** Saves `text` as the configuration's new version; throws a FileSystemError when refused or cancelled. */
  save(region: string, config: string, text: string): Promise<void>;
}

export class StudioLifecycleFiles implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly ops: () => Promise<StudioScriptOps>) {}

  private script(uri: vscode.Uri) {
    const at = studioScriptOf(uri);
    if (!at) throw vscode.FileSystemError.FileNotFound(uri);
    return at;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (!studioScriptOf(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const { region, config } = this.script(uri);
    const s = await (await this.ops()).read(region, config);
    const time = s.created?.getTime() ?? 0;
    return { type: vscode.FileType.File, ctime: time, mtime: time, size: Buffer.byteLength(s.text) };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { region, config } = this.script(uri);
    return Buffer.from((await (await this.ops()).read(region, config)).text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { region, config } = this.script(uri);
    await (await this.ops()).save(region, config, Buffer.from(content).toString('utf8'));
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): Array<[string, vscode.FileType]> {
    return [];
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('Create Studio lifecycle configurations from the Studio view.'),
    );
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('Delete Studio lifecycle configurations from the Studio view.'),
    );
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Studio lifecycle configurations cannot be renamed.'));
  }
}
