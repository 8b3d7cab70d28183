// What an AutoGluon training run leaves next to its models (seed 003 chapter 3): Leaderboard.csv (one row
// per model: score_test, score_val, prediction and fit times, stack level; higher scores are better) and
// Model_Evaluation.txt (a JSON object of evaluation metrics). Missing columns are reported, not guessed.
import * as l10n from '@vscode/l10n';
import { parse } from 'csv-parse/sync';

export interface AutoGluonModelRow {
  model: string;
  scoreTest?: number;
  scoreVal?: number;
  predTimeTest?: number;
  predTimeVal?: number;
  fitTime?: number;
  stackLevel?: number;
  best: boolean;
}

const num = (v: string | undefined) =>
  v === undefined || v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);

export function parseLeaderboardCsv(text: string): AutoGluonModelRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  if (records.length === 0) return [];
  if (!('model' in records[0]))
    throw new Error(
      l10n.t(
        'Leaderboard.csv has no "model" column (columns: {0})',
        Object.keys(records[0]).join(', ') || l10n.t('none'),
      ),
    );
  if (!('score_val' in records[0]) && !('score_test' in records[0]))
    throw new Error(l10n.t('Leaderboard.csv has neither score_val nor score_test'));
  const rows = records.map((r) => ({
    model: r.model,
    scoreTest: num(r.score_test),
    scoreVal: num(r.score_val),
    predTimeTest: num(r.pred_time_test),
    predTimeVal: num(r.pred_time_val),
    fitTime: num(r.fit_time),
    stackLevel: num(r.stack_level),
    best: false,
  }));
  // AutoGluon ranks by validation score (higher is better, errors are negated).
  const key = (r: AutoGluonModelRow) => r.scoreVal ?? r.scoreTest ?? -Infinity;
  rows.sort((a, b) => key(b) - key(a));
  if (rows.length) rows[0].best = true;
  return rows;
}

export function parseEvaluation(text: string): Array<{ name: string; value: number }> {
  const doc = JSON.parse(text) as Record<string, unknown>;
  return Object.entries(doc)
    .filter(([, v]) => typeof v === 'number')
    .map(([name, v]) => ({ name, value: v as number }));
}
