// A file system VS Code must find by its scheme from activation on (a folder or a file left open is restored
// with the window), whose implementation loads on first use: the activation chunk holds only this forwarder.
import * as vscode from 'vscode';
import { loadOnce } from '../model/loadOnce';

export class LazyFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private forwarding: vscode.Disposable | undefined;
  private readonly provider = loadOnce(async () => {
    const provider = await this.load();
    this.forwarding = provider.onDidChangeFile((events) => this.changed.fire(events));
    return provider;
  });

  constructor(private readonly load: () => Promise<vscode.FileSystemProvider>) {}

  watch(uri: vscode.Uri, options: { readonly recursive: boolean; readonly excludes: readonly string[] }) {
    let inner: vscode.Disposable | undefined;
    let disposed = false;
    void this.provider().then(
      (provider) => {
        if (!disposed) inner = provider.watch(uri, options);
      },
      () => undefined,
    );
    return new vscode.Disposable(() => {
      disposed = true;
      inner?.dispose();
    });
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return (await this.provider()).stat(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    return (await this.provider()).readDirectory(uri);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    return (await this.provider()).createDirectory(uri);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.provider()).readFile(uri);
  }

  async writeFile(
    uri: vscode.Uri,
    content: Uint8Array,
    options: { readonly create: boolean; readonly overwrite: boolean },
  ): Promise<void> {
    return (await this.provider()).writeFile(uri, content, options);
  }

  async delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    return (await this.provider()).delete(uri, options);
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    return (await this.provider()).rename(oldUri, newUri, options);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
