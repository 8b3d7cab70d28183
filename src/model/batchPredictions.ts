// Seed 002's batch predict, as numbers: which column is the label, one request line per row without it,
// the predictions read back from CSV or JSON answers, and how good they are (RMSE/MAE/R² for numbers,
// accuracy for classes). Pure, so every rule is unit-tested.
import * as l10n from '@vscode/l10n';
import { csvLine } from './csv';

export interface CsvTable {
  header?: string[];
  rows: string[][];
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
export const isNumeric = (s: string) => NUMBER.test(s);

/** A first row with no number in it is a header (the abalone CSVs have one; seed 002's test rows do not). */
export function splitHeader(records: string[][]): CsvTable {
  if (records.length > 1 && records[0].every((cell) => !isNumeric(cell)))
    return { header: records[0], rows: records.slice(1) };
  return { rows: records };
}

const LABEL_NAMES = ['rings', 'label', 'target', 'y', 'class', 'rul', 'age'];

/** The column that is most likely the label: a header named like one. */
export function suggestLabelColumn(header: string[] | undefined): number | undefined {
  if (!header) return undefined;
  const index = header.findIndex((h) => LABEL_NAMES.includes(h.trim().toLowerCase()));
  return index >= 0 ? index : undefined;
}

/** The request body for one row: its fields without the label, comma separated. */
export function requestLine(row: string[], labelIndex: number | undefined): string {
  return row.filter((_, i) => i !== labelIndex).join(',');
}

/** Predictions of one answer: CSV values, or JSON {predictions:[{score|predicted_label}]} / a bare array. */
export function parsePredictions(body: string, contentType: string | undefined): string[] {
  const text = body.trim();
  if (/json/i.test(contentType ?? '') || text.startsWith('{') || text.startsWith('[')) {
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : ((parsed as { predictions?: unknown[] }).predictions ?? [parsed]);
    return list.map((p) => {
      if (typeof p === 'number' || typeof p === 'string') return String(p);
      const record = p as { score?: unknown; predicted_label?: unknown };
      return String(record.predicted_label ?? record.score ?? JSON.stringify(p));
    });
  }
  return text
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface Quality {
  kind: 'regression' | 'classification';
  count: number;
  rmse?: number;
  mae?: number;
  r2?: number;
  accuracy?: number;
}

/** RMSE, MAE and R² when labels and predictions are numbers; accuracy otherwise. Rows without a prediction are left out. */
export function predictionQuality(actual: string[], predicted: Array<string | undefined>): Quality | undefined {
  const pairs = actual
    .map((a, i) => [a, predicted[i]] as const)
    .filter((p): p is readonly [string, string] => p[1] !== undefined);
  if (pairs.length === 0) return undefined;
  const numeric = pairs.every(([a, p]) => isNumeric(a) && isNumeric(p));
  const labelsAreClasses =
    numeric &&
    pairs.every(([a, p]) => Number.isInteger(Number(a)) && Number.isInteger(Number(p))) &&
    new Set(pairs.map(([a]) => a)).size <= 10 &&
    new Set(pairs.map(([, p]) => p)).size <= 10;
  if (!numeric || labelsAreClasses) {
    return {
      kind: 'classification',
      count: pairs.length,
      accuracy: pairs.filter(([a, p]) => a.trim() === p.trim()).length / pairs.length,
    };
  }
  const y = pairs.map(([a]) => Number(a));
  const yhat = pairs.map(([, p]) => Number(p));
  const n = y.length;
  const sq = y.reduce((s, v, i) => s + (yhat[i] - v) ** 2, 0);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    kind: 'regression',
    count: n,
    rmse: Math.sqrt(sq / n),
    mae: y.reduce((s, v, i) => s + Math.abs(yhat[i] - v), 0) / n,
    r2: total === 0 ? undefined : 1 - sq / total,
  };
}

export function qualityText(q: Quality): string {
  if (q.kind === 'classification')
    return l10n.t('accuracy {0}% over {1} rows', ((q.accuracy ?? 0) * 100).toFixed(1), q.count);
  const parts = [
    `RMSE ${q.rmse!.toFixed(4)}`,
    `MAE ${q.mae!.toFixed(4)}`,
    q.r2 !== undefined ? `R² ${q.r2.toFixed(4)}` : undefined,
  ];
  return l10n.t('{0} over {1} rows', parts.filter(Boolean).join(' · '), q.count);
}

/** The predictions file: the input's columns plus `prediction`, one line per input row. */
export function predictionsCsv(table: CsvTable, predicted: Array<string | undefined>): string {
  const lines = table.rows.map((row, i) => csvLine([...row, predicted[i] ?? '']));
  const header = table.header ? [csvLine([...table.header, 'prediction'])] : [];
  return `${[...header, ...lines].join('\n')}\n`;
}

/** How a batch prediction ended, as numbers (the command adds where the predictions were written). */
export interface BatchResult {
  outcome: 'predicted' | 'cancelled' | 'refused' | 'failed';
  message?: string;
  predicted?: Array<string | undefined>;
  actual?: string[];
  quality?: Quality;
}
