// "Show Details": a read-only JSON document per resource, `sagemaker-workbench:/<region>/<kind>/<name>.json`,
// filled by one describe call when opened and again on refresh. A virtual document keeps nothing on disk.
import * as vscode from 'vscode';
import type { ResourceRef } from '../tree/explorerNode';

export const DETAILS_SCHEME = 'sagemaker-workbench';

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  /** Describers by URI: a document reopened after the node is gone still refreshes. */
  private readonly describers = new Map<string, () => Promise<unknown>>();

  uriFor(resource: ResourceRef): vscode.Uri {
    const path = `/${encodeURIComponent(resource.region)}/${encodeURIComponent(resource.kind)}/${encodeURIComponent(resource.name)}.json`;
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path });
  }

  async open(resource: ResourceRef): Promise<vscode.TextEditor> {
    if (!resource.describe)
      throw new Error(vscode.l10n.t('No details are available for {0} {1}', resource.kind, resource.name));
    const uri = this.uriFor(resource);
    this.describers.set(uri.toString(), resource.describe);
    this.changeEmitter.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  refresh(uri: vscode.Uri): void {
    this.changeEmitter.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const describe = this.describers.get(uri.toString());
    if (!describe)
      return `// ${vscode.l10n.t('This resource is no longer in the sidebar. Open it again from there.')}\n`;
    try {
      return `${JSON.stringify(await describe(), withoutSdkMetadata, 2)}\n`;
    } catch (error) {
      const e = error as { name?: string; message?: string };
      return `// ${vscode.l10n.t('Describing this resource failed: {0}: {1}', e.name ?? 'Error', e.message ?? String(error))}\n`;
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

function withoutSdkMetadata(key: string, value: unknown): unknown {
  return key === '$metadata' ? undefined : value;
}
