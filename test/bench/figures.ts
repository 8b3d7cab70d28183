// Figures the host benchmarks measure, appended to SMW_BENCH_FIGURES for `npm run bench` to print, check
// against their budgets and write to bench/results.json.
import * as fs from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** A count or size the figure must not exceed; times only where a user would notice (machines are noisy). */
  budget?: number;
}

export function recordFigures(...figures: Figure[]): void {
  const file = process.env.SMW_BENCH_FIGURES;
  if (!file) return;
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Figure[]) : [];
  fs.writeFileSync(file, JSON.stringify([...existing, ...figures], null, 2));
}

/** A measuring window: the figure is what happened during it. */
export function during(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const round = (n: number) => Math.round(n * 10) / 10;
