// Building blocks every webview page uses: elements whose text is set as text (never HTML), canvases
// labelled for screen readers, numbers printed compactly, chart colours from the VS Code theme, and the
// page's handle on VS Code typed by the messages the page posts.

declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};

/** What a page may say to its panel (`From`: the messages of its protocol) and the state kept across reloads. */
export interface PanelApi<From> {
  postMessage(message: From): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** The page's VS Code API; VS Code allows one call per page, so each page's entry calls it once. */
export const panelApi = <From>(): PanelApi<From> => acquireVsCodeApi();

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string } = {},
  ...children: Array<Node | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** A notice box (info, warning or error) with its text. */
export function notice(kind: 'info' | 'warning' | 'error', text: string, tag: 'div' | 'p' = 'div'): HTMLElement {
  return el(tag, { className: `notice ${kind}`, text });
}

export function chartCanvas(label: string): HTMLCanvasElement {
  const canvas = el('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  return canvas;
}

export const fmt = (v: number) =>
  Math.abs(v) >= 1000 || (Math.abs(v) < 0.001 && v !== 0) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
export const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
const css = (name: string, fallback: string) =>
  getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

export function chartTheme() {
  const fg = css('--vscode-foreground', '#ccc');
  const grid = css('--vscode-editorWidget-border', '#444');
  return {
    fg,
    blue: css('--vscode-charts-blue', '#3794ff'),
    orange: css('--vscode-charts-orange', '#d18616'),
    green: css('--vscode-charts-green', '#89d185'),
    red: css('--vscode-charts-red', '#f14c4c'),
    scales: { x: { ticks: { color: fg }, grid: { color: grid } }, y: { ticks: { color: fg }, grid: { color: grid } } },
    legend: { labels: { color: fg } },
  };
}

/** Calls `redraw` when the user switches colour theme (VS Code swaps the body's theme class), so charts take the new colours. */
export function onThemeChange(redraw: () => void): void {
  let theme = document.body.className;
  new MutationObserver(() => {
    if (document.body.className === theme) return;
    theme = document.body.className;
    redraw();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** The page's JS heap in bytes, where the browser tells it (Chromium's performance.memory). */
export function heapBytes(): number | undefined {
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
}
