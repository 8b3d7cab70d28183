// Lifecycle configuration scripts are stored base64-encoded by SageMaker (OnCreate/OnStart[0].Content).
import * as l10n from '@vscode/l10n';

export function decodeLifecycleScript(content: string | undefined): string {
  return content ? Buffer.from(content, 'base64').toString('utf8') : '';
}

export function encodeLifecycleScript(script: string): string {
  return Buffer.from(script, 'utf8').toString('base64');
}

/** First meaningful line of a script, for a tree description. */
export function scriptSummary(script: string): string {
  const line = script
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('#') && l !== 'set -e');
  return line ? (line.length > 60 ? `${line.slice(0, 59)}…` : line) : l10n.t('empty');
}
