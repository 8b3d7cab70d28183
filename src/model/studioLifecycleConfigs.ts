// Studio lifecycle configurations as SageMaker checks them (StudioLifecycleConfigName: at most 63 characters,
// `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`; StudioLifecycleConfigContent: the script base64-encoded, 1 to 16,384
// characters), the name of a configuration's next version (they are immutable, so an edit is a new one), and
// how a list of attached ARNs changes when a version replaces another.
import * as l10n from '@vscode/l10n';

export const MAX_STUDIO_CONTENT_CHARS = 16_384;
const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const NAME_MAX = 63;

export function studioConfigNameProblem(name: string, existing: readonly string[] = []): string | undefined {
  if (!name) return l10n.t('A lifecycle configuration name is required');
  if (name.length > NAME_MAX)
    return l10n.t('A Studio lifecycle configuration name has at most {0} characters ({1} now)', NAME_MAX, name.length);
  if (!NAME.test(name))
    return l10n.t(
      'A Studio lifecycle configuration name uses letters, digits and hyphens, starting and ending with a letter or digit',
    );
  if (existing.includes(name)) return l10n.t('There is a Studio lifecycle configuration named {0} already', name);
  return undefined;
}

/** Base64 characters a script takes (4 for every 3 bytes, padded). */
export function base64Length(script: string): number {
  return Math.ceil(Buffer.byteLength(script, 'utf8') / 3) * 4;
}

export function studioScriptProblem(script: string): string | undefined {
  if (!script.trim()) return l10n.t('The script is empty; SageMaker needs a script of at least one character.');
  const encoded = base64Length(script);
  if (encoded > MAX_STUDIO_CONTENT_CHARS)
    return l10n.t(
      'The script is {0} characters base64-encoded; SageMaker takes at most {1} (about 12,288 bytes of script). Move the long part to S3 and download it from the script.',
      encoded.toLocaleString('en-US'),
      MAX_STUDIO_CONTENT_CHARS.toLocaleString('en-US'),
    );
  return undefined;
}

/**
 * The next free version name: `name-v2` for `name`, `name-v3` for `name-v2`, and so on, shortened from the
 * end of the base so it stays within 63 characters and ends with a letter or digit.
 */
export function nextVersionName(name: string, existing: readonly string[]): string {
  const match = /^(.*?)-v(\d+)$/.exec(name);
  const base = match ? match[1] : name;
  for (let n = match ? Number(match[2]) + 1 : 2; ; n++) {
    const suffix = `-v${n}`;
    const trimmed = base.slice(0, NAME_MAX - suffix.length).replace(/-+$/, '');
    const candidate = `${trimmed}${suffix}`;
    if (!existing.includes(candidate)) return candidate;
  }
}

/** The ARN list with `from` replaced by `to` in place (once; `to` not repeated when it was there already). */
export function repointedArns(arns: readonly string[], from: string, to: string): string[] {
  const out: string[] = [];
  for (const arn of arns) {
    const next = arn === from ? to : arn;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

type AppSettings = { LifecycleConfigArns?: string[]; DefaultResourceSpec?: { LifecycleConfigArn?: string } };
const APP_MEMBERS = ['JupyterLabAppSettings', 'CodeEditorAppSettings'] as const;

/**
 * The app-settings members of `settings` that name `from`, each a copy with `to` in its place (the whole member
 * is sent, so nothing else in it changes); undefined when the settings do not name `from`.
 */
export function repointedSettings<S extends Partial<Record<(typeof APP_MEMBERS)[number], AppSettings>>>(
  settings: S | undefined,
  from: string,
  to: string,
): Partial<S> | undefined {
  const out: Partial<Record<(typeof APP_MEMBERS)[number], AppSettings>> = {};
  for (const member of APP_MEMBERS) {
    const app = settings?.[member];
    if (!app) continue;
    const inList = app.LifecycleConfigArns?.includes(from) ?? false;
    const asDefault = app.DefaultResourceSpec?.LifecycleConfigArn === from;
    if (!inList && !asDefault) continue;
    out[member] = {
      ...app,
      ...(app.LifecycleConfigArns ? { LifecycleConfigArns: repointedArns(app.LifecycleConfigArns, from, to) } : {}),
      ...(asDefault ? { DefaultResourceSpec: { ...app.DefaultResourceSpec, LifecycleConfigArn: to } } : {}),
    };
  }
  return Object.keys(out).length > 0 ? (out as Partial<S>) : undefined;
}
