// Checks on what is sent to InvokeEndpoint, before it is sent: a content type the user typed must be a
// MIME type, and the body must fit the real-time payload limit (6 MB), so a mistake is a clear message.
import * as l10n from '@vscode/l10n';

export const MAX_INVOKE_BYTES = 6 * 1024 * 1024;
export const CONTENT_TYPES = ['text/csv', 'application/json'];

export function contentTypeProblem(value: string): string | undefined {
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9-]+=[^;\s]+)*$/i.test(value.trim())
    ? undefined
    : l10n.t('"{0}" is not a content type; use text/csv or application/json', value);
}

export function payloadProblem(bytes: number): string | undefined {
  if (bytes === 0) return l10n.t('The payload is empty: select rows, open a file or type a line to send');
  if (bytes > MAX_INVOKE_BYTES)
    return l10n.t(
      'The payload is {0} MB; a real-time endpoint takes at most 6 MB per request. Use Batch Predict CSV to send a file row by row.',
      (bytes / 1024 / 1024).toFixed(1),
    );
  return undefined;
}

/** Extension for the response document, so it opens with the right highlighting. */
export function responseExtension(contentType: string | undefined): string {
  if (/json/i.test(contentType ?? '')) return 'json';
  if (/csv/i.test(contentType ?? '')) return 'csv';
  return 'txt';
}
