// What every webview panel shares: a strict Content-Security-Policy (nothing by default, scripts only by
// nonce, no eval, styles and fonts from the extension only), resources limited to dist/webview and media,
// and typed messages both ways. The page's state lives in the webview (getState/setState), so a panel
// brought back after a reload renders at once. The translation VS Code loaded rides in a data attribute of the
// page (protocol/l10n.ts), so the page's own text is in the display language from its first render.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { window } from '../ui/window';
import { l10nAttribute } from './protocol/l10n';

export function nonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, scriptNonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${scriptNonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export abstract class WebviewPanelBase<ToWeb, FromWeb> implements vscode.Disposable {
  protected readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  protected constructor(
    private readonly extensionUri: vscode.Uri,
    viewType: string,
    title: string,
    private readonly bundle: string,
    column: vscode.ViewColumn = vscode.ViewColumn.Active,
  ) {
    this.panel = vscode.window.createWebviewPanel(viewType, title, column, {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
        vscode.Uri.joinPath(extensionUri, 'media'),
      ],
    });
    this.panel.webview.html = this.page();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Sends to the page; after the user closed the panel (a read may finish later) it sends nothing. */
  post(message: ToWeb): Thenable<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return Promise.resolve(this.panel.webview.postMessage(message)).catch(() => false);
  }

  /** The page as VS Code got it (tests check its Content-Security-Policy). */
  get html(): string {
    return this.panel.webview.html;
  }

  /** What the webview may run and load (tests check its resource roots). */
  get webviewOptions(): vscode.WebviewOptions {
    return this.panel.webview.options;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /**
   * Every message from the page comes through here. Anything but an object with a string `type` is dropped
   * (each panel then checks the fields it acts on against what it showed), and a failure while acting is
   * shown to the user, never left as an unhandled rejection. Public so tests can send what a page could.
   */
  async receive(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string')
      return;
    try {
      await this.onMessage(message as FromWeb);
    } catch (error) {
      void window.showErrorMessage(`${this.panel.title}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  protected abstract onMessage(message: FromWeb): void | Promise<void>;

  private page(): string {
    const webview = this.panel.webview;
    const scriptNonce = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', `${this.bundle}.js`));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'webview.css'));
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, scriptNonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
</head>
<body>
<main id="app" aria-live="polite"${l10nAttribute(vscode.l10n.bundle)}><p class="muted">${vscode.l10n.t('Loading…')}</p></main>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private disposed = false;

  /** Shown and not closed: a closed panel's webview throws on every use, `visible` included. */
  protected get showing(): boolean {
    return !this.disposed && this.panel.visible;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** A panel that shows one model it reads from AWS: the last model sent (tests read it) and the read under way. */
export abstract class ModelPanelBase<ToWeb, FromWeb, Model> extends WebviewPanelBase<ToWeb, FromWeb> {
  protected current?: Model;
  protected loading?: Promise<void>;

  get model(): Model | undefined {
    return this.current;
  }

  /** Resolves when the current read has been posted to the page. */
  whenLoaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }
}

/**
 * One panel per key (a job, an endpoint, a group): the open one is revealed (and `onReuse` told), otherwise
 * `create` makes it and the registry forgets it when it is closed.
 */
export function panelFor<P extends { reveal(): void; onDidDispose: vscode.Event<void> }>(
  open: Map<string, P>,
  key: string,
  create: () => P,
  onReuse?: (panel: P) => void,
): P {
  const existing = open.get(key);
  if (existing) {
    existing.reveal();
    onReuse?.(existing);
    return existing;
  }
  const panel = create();
  open.set(key, panel);
  panel.onDidDispose(() => open.delete(key));
  return panel;
}
