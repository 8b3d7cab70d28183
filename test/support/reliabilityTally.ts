// The reliability figures the README quotes are counted by the suites as they run, not estimated: each
// suite adds what it did (faults injected, inputs generated, hostile strings placed) to one file, and
// `npm test` sums it at the end (scripts/lib/reliabilityFigures.js).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const TALLY = path.resolve(__dirname, '../../../.test-results/reliability.jsonl');

export function tally(figure: string, count: number): void {
  if (!Number.isFinite(count) || count <= 0) return;
  fs.mkdirSync(path.dirname(TALLY), { recursive: true });
  fs.appendFileSync(TALLY, `${JSON.stringify({ figure, count })}\n`);
}

/** fc.assert that also counts the inputs it generated and checked. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void {
  const details = fc.check(property, params);
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  tally("generated inputs checked against the API models' rules", details.numRuns);
}
