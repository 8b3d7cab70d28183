// How a webview page gets the translation VS Code loaded (vscode.l10n.bundle, none in English) before it renders
// anything: the panel writes it as JSON into a data attribute of the page's <main id="app"> (no inline script, so
// the strict Content-Security-Policy stays), and the page's first module hands it to @vscode/l10n.

/** A translation as VS Code gives it: English message → translated message. */
export type L10nBundle = Record<string, string>;

/** The attribute of <main id="app"> that carries the bundle (read in the page as `dataset.l10n`). */
export const L10N_ATTRIBUTE = 'data-l10n';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** ` data-l10n="…"` (the bundle as JSON, escaped for a quoted HTML attribute), or nothing without a bundle. */
export function l10nAttribute(bundle: L10nBundle | undefined): string {
  if (!bundle || Object.keys(bundle).length === 0) return '';
  return ` ${L10N_ATTRIBUTE}="${JSON.stringify(bundle).replace(/[&"'<>]/g, (c) => ESCAPES[c])}"`;
}

/** The bundle from the attribute's value as the page reads it; undefined when absent or not a bundle. */
export function bundleFromAttribute(value: string | undefined): L10nBundle | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const bundle: L10nBundle = {};
  for (const [key, message] of Object.entries(parsed)) if (typeof message === 'string') bundle[key] = message;
  return Object.keys(bundle).length ? bundle : undefined;
}
