// The problem type Autopilot settles on when the request names none: it reads the target column
// during data analysis. Two distinct values make a binary classification, labels or a small set of
// whole numbers (seed 003: abalone's `rings` came out MulticlassClassification) a multiclass one, and
// anything else (measurements) a regression.
import { parseS3Uri, type World } from '../world';
import type { ProblemType } from './autoMlModule';

/** Up to how many distinct whole numbers a target is read as classes rather than as a quantity. */
const MAX_INTEGER_CLASSES = 100;

/** The target column's values in the first CSV under the input prefix (header row first), if there is one. */
function targetValues(world: World, inputS3Uri: string, target: string): string[] | undefined {
  const location = parseS3Uri(inputS3Uri);
  const bucket = location && world.s3.buckets.get(location.bucket);
  const key = bucket && [...bucket.objects.keys()].find((k) => k.startsWith(location.key));
  if (!bucket || !key) return undefined;
  const [header, ...rows] = bucket.objects
    .get(key)!
    .body.toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const column = header
    .split(',')
    .map((h) => h.trim())
    .indexOf(target);
  return column < 0 ? undefined : rows.map((row) => (row.split(',')[column] ?? '').trim()).filter((v) => v !== '');
}

export function inferProblemType(world: World, inputS3Uri: string, target: string): ProblemType | undefined {
  const values = targetValues(world, inputS3Uri, target);
  if (!values || values.length === 0) return undefined;
  const distinct = new Set(values);
  if (distinct.size === 2) return 'BinaryClassification';
  const numeric = values.every((v) => Number.isFinite(Number(v)));
  if (!numeric) return 'MulticlassClassification';
  const whole = values.every((v) => Number.isInteger(Number(v)));
  return whole && distinct.size <= MAX_INTEGER_CLASSES ? 'MulticlassClassification' : 'Regression';
}
