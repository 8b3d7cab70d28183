// A Jupyter MIME bundle as the items of one VS Code notebook cell output. Follows what VS Code's built-in ipynb
// extension does when it opens a saved notebook (extensions/ipynb/src/deserializers.ts), so an output looks the same
// whether it just ran or was reopened from the .ipynb file: the same item order, the same bytes for each MIME type.

import * as l10n from '@vscode/l10n';
import type { MimeBundle } from './messages';

/** One item of a cell output, as the controller hands it to `new vscode.NotebookCellOutputItem(data, mime)`. */
export interface OutputItemData {
  mime: string;
  data: Uint8Array;
}

export const STDOUT_MIME = 'application/vnd.code.notebook.stdout';
export const STDERR_MIME = 'application/vnd.code.notebook.stderr';
export const ERROR_MIME = 'application/vnd.code.notebook.error';
/** ipywidgets' view; rendering it needs the widget manager and comm channel, which this connection does not have. */
export const WIDGET_VIEW_MIME = 'application/vnd.jupyter.widget-view+json';

/** The order of VS Code's ipynb extension (orderOfMimeTypes): the first one a renderer exists for is shown. */
const DISPLAY_ORDER = [
  'application/vnd.*',
  'application/vdom.*',
  'application/geo+json',
  'application/x-nteract-model-debug+json',
  'text/html',
  'application/javascript',
  'image/gif',
  'text/latex',
  'text/markdown',
  'image/png',
  'image/svg+xml',
  'image/jpeg',
  'application/json',
  'text/plain',
];

const TEXT_MIMES = ['text/plain', 'text/markdown', STDERR_MIME, STDOUT_MIME];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function textBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function bytesText(data: Uint8Array): string {
  return decoder.decode(data);
}

/**
 * nbformat's multiline strings: a string array is joined, each element ending with a newline but the last
 * (as VS Code's concatMultilineString); a string is kept as is.
 */
export function joinMultiline(value: string | readonly string[]): string {
  if (typeof value === 'string') return value;
  let result = '';
  value.forEach((line, index) => {
    result += index < value.length - 1 && !line.endsWith('\n') ? `${line}\n` : line;
  });
  return result;
}

/** Standard (forgiving: whitespace such as nbformat's line breaks is ignored) base64 to bytes. */
export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes VS Code's renderers expect for one MIME value of a bundle. */
export function mimeItem(mime: string, value: unknown): OutputItemData {
  if (value === undefined || value === null || value === '') return { mime, data: new Uint8Array(0) };
  const isLines = Array.isArray(value) && value.every((line) => typeof line === 'string');
  if ((mime.startsWith('text/') || TEXT_MIMES.includes(mime)) && (typeof value === 'string' || isLines)) {
    return { mime, data: textBytes(joinMultiline(value as string | string[])) };
  }
  if (mime.startsWith('image/') && mime !== 'image/svg+xml' && typeof value === 'string') {
    // Jupyter sends binary images base64-encoded; VS Code's image renderer wants the bytes.
    try {
      return { mime, data: base64Bytes(value) };
    } catch {
      return errorItem('Error', l10n.t('The kernel sent {0} data that is not valid base64.', mime), '');
    }
  }
  if (typeof value === 'object' && !Array.isArray(value)) return { mime, data: textBytes(JSON.stringify(value)) };
  if (mime === 'application/json' || mime.endsWith('+json')) return { mime, data: textBytes(JSON.stringify(value)) };
  return { mime, data: textBytes(isLines ? joinMultiline(value as string[]) : String(value)) };
}

/** VS Code's error item (what `NotebookCellOutputItem.error` builds): `{ name, message, stack }` as JSON. */
export function errorItem(name: string, message: string, stack: string): OutputItemData {
  return { mime: ERROR_MIME, data: textBytes(JSON.stringify({ name, message, stack })) };
}

function displayRank(item: OutputItemData): number {
  // An empty vendored type (holoviews' application/vnd.holoviews_load.v0+json, ...) must not hide the HTML/JS beside it.
  if (item.mime.startsWith('application/vnd.') && item.data.byteLength === 0) return 100;
  const index = DISPLAY_ORDER.findIndex((pattern) =>
    pattern.endsWith('.*') ? item.mime.startsWith(pattern.slice(0, -2)) : item.mime.startsWith(pattern),
  );
  return index === -1 ? 100 : index;
}

/** Items sorted richest first, as VS Code's ipynb extension sorts them (stable for equal ranks). */
export function sortByDisplayOrder(items: readonly OutputItemData[]): OutputItemData[] {
  return items
    .map((item, position) => ({ item, position, rank: displayRank(item) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ item }) => item);
}

export const WIDGET_NOTE = l10n.t(
  'This output is an interactive widget (ipywidgets). Widgets are not shown for kernels of SageMaker notebook instances; use print() or display() of a value instead.',
);

/**
 * A whole bundle as output items, richest first. The ipywidgets view is left out: without the widget manager
 * it would only say "no renderer"; its text/plain (e.g. `IntProgress(value=3, max=10)`) is shown instead, or a
 * note when the bundle has nothing else.
 */
export function bundleItems(bundle: MimeBundle | undefined): OutputItemData[] {
  const items: OutputItemData[] = [];
  let widget = false;
  for (const [mime, value] of Object.entries(bundle ?? {})) {
    if (mime === WIDGET_VIEW_MIME) {
      widget = true;
      continue;
    }
    items.push(mimeItem(mime, value));
  }
  if (widget && items.length === 0) items.push({ mime: 'text/plain', data: textBytes(WIDGET_NOTE) });
  return sortByDisplayOrder(items);
}
