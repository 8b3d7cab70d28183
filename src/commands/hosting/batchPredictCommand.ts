// Batch predict (seed 002): each row of a CSV file is sent to the endpoint as one text/csv request (the
// label column left out), a few at a time, with a cancellable progress bar. Predictions are written next to
// the input (a new file; nothing is overwritten), and when the file has a label column the quality
// (RMSE/MAE/R² or accuracy) is shown with a predicted-vs-actual plot.
import * as vscode from 'vscode';
import { window } from '../../ui/window';
import { parse } from 'csv-parse/sync';
import { invokeEndpoint } from '../../aws/sagemaker/runtimeApi';
import { toUserError } from '../../ui/showAwsError';
import {
  parsePredictions,
  predictionQuality,
  predictionsCsv,
  qualityText,
  requestLine,
  splitHeader,
  suggestLabelColumn,
  type BatchResult,
  type CsvTable,
} from '../../model/batchPredictions';
import { payloadProblem } from '../../model/invokePayload';
import type { InvokeContext } from './invokeEndpointCommand';

export interface BatchPrompts {
  /** Index of the label column, 'none', or undefined to cancel. */
  labelColumn(columns: string[], suggested: number | undefined): Thenable<number | 'none' | undefined>;
}

export interface BatchOutcome extends BatchResult {
  predictionsFile?: vscode.Uri;
}

/** Requests in flight at once: quick for a few thousand rows without tripping the endpoint's throttling. */
const CONCURRENCY = 4;

export function readCsv(text: string): CsvTable {
  // csv-parse (rather than split(',')) handles quoted fields and CRLF; seed 002's rows are space separated.
  const records = (parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]).map(
    (r) => (r.length === 1 && /\s/.test(r[0]) ? r[0].split(/\s+/) : r),
  );
  return splitHeader(records);
}

async function uniqueSibling(input: vscode.Uri, suffix: string): Promise<vscode.Uri> {
  const base = input.path.replace(/\.[^./]+$/, '');
  for (let n = 1; ; n++) {
    const candidate = input.with({ path: `${base}${suffix}${n > 1 ? `-${n}` : ''}.csv` });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

export async function batchPredict(
  ctx: InvokeContext,
  endpointName: string,
  file: vscode.Uri,
  prompts: BatchPrompts,
): Promise<BatchOutcome> {
  const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
  let table: CsvTable;
  try {
    table = readCsv(text);
  } catch (error) {
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        '{0} is not a CSV file: {1}',
        vscode.workspace.asRelativePath(file),
        (error as Error).message,
      ),
    };
  }
  if (table.rows.length === 0)
    return {
      outcome: 'refused',
      message: vscode.l10n.t('{0} has no rows to send.', vscode.workspace.asRelativePath(file)),
    };
  const width = Math.max(...table.rows.map((r) => r.length));
  const columns = table.header ?? Array.from({ length: width }, (_, i) => vscode.l10n.t('column {0}', i + 1));
  const choice = await prompts.labelColumn(columns, suggestLabelColumn(table.header));
  if (choice === undefined) return { outcome: 'cancelled' };
  const labelIndex = choice === 'none' ? undefined : choice;
  const tooBig = table.rows.findIndex(
    (r) => payloadProblem(Buffer.byteLength(requestLine(r, labelIndex))) !== undefined,
  );
  if (tooBig >= 0)
    return {
      outcome: 'refused',
      message: vscode.l10n.t(
        'Row {0}: {1}',
        tooBig + 1,
        String(payloadProblem(Buffer.byteLength(requestLine(table.rows[tooBig], labelIndex)))),
      ),
    };

  const predicted: Array<string | undefined> = new Array(table.rows.length).fill(undefined);
  let failure: string | undefined;
  const cancelled = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Predicting {0} rows with {1}', table.rows.length, endpointName),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < table.rows.length && !failure && !token.isCancellationRequested) {
          const index = next++;
          try {
            const answer = await invokeEndpoint(
              ctx.session.clients,
              endpointName,
              requestLine(table.rows[index], labelIndex),
              'text/csv',
              abort.signal,
            );
            predicted[index] = parsePredictions(answer.body, answer.contentType)[0];
          } catch (error) {
            if (!token.isCancellationRequested)
              failure ??= vscode.l10n.t(
                'Row {0}: {1}',
                index + 1,
                toUserError(error, ctx.session, 'sagemaker-runtime', 'InvokeEndpoint').message,
              );
            return;
          }
          done++;
          progress.report({
            increment: 100 / table.rows.length,
            message: vscode.l10n.t('{0} of {1}', done, table.rows.length),
          });
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, table.rows.length) }, worker));
      } finally {
        sub.dispose();
      }
      return token.isCancellationRequested;
    },
  );
  const answered = predicted.filter((p) => p !== undefined).length;
  if (answered === 0)
    return {
      outcome: cancelled ? 'cancelled' : 'failed',
      message: failure ?? vscode.l10n.t('Cancelled before any row was predicted.'),
    };
  const out = await uniqueSibling(file, '.predictions');
  await vscode.workspace.fs.writeFile(out, Buffer.from(predictionsCsv(table, predicted)));
  const actual = labelIndex === undefined ? undefined : table.rows.map((r) => r[labelIndex] ?? '');
  const quality = actual ? predictionQuality(actual, predicted) : undefined;
  const partial =
    answered < table.rows.length
      ? ' ' +
        (cancelled
          ? vscode.l10n.t('Only {0} of {1} rows were predicted (cancelled).', answered, table.rows.length)
          : vscode.l10n.t('Only {0} of {1} rows were predicted.', answered, table.rows.length))
      : '';
  const message =
    vscode.l10n.t('Wrote {0} predictions to {1}.', answered, vscode.workspace.asRelativePath(out)) +
    (quality ? ` ${qualityText(quality)}.` : '') +
    partial +
    (failure ? ' ' + vscode.l10n.t('Stopped at {0}', failure) : '');
  return { outcome: failure ? 'failed' : 'predicted', message, predictionsFile: out, predicted, actual, quality };
}

export const batchDialogs: BatchPrompts = {
  labelColumn: async (columns, suggested) => {
    const items = [
      ...columns.map((c, i) => ({
        label: c,
        description: i === suggested ? vscode.l10n.t('looks like the label') : undefined,
        value: i as number | 'none',
      })),
      {
        label: vscode.l10n.t('No label column'),
        description: vscode.l10n.t('send every column; no accuracy or RMSE'),
        value: 'none' as const,
      },
    ];
    const picked = await window.showQuickPick(items, {
      title: vscode.l10n.t('Which column is the label (left out of the request, compared with the prediction)?'),
      ignoreFocusOut: true,
      ...(suggested !== undefined ? { placeHolder: vscode.l10n.t('Suggested: {0}', columns[suggested]) } : {}),
    });
    return picked?.value;
  },
};
