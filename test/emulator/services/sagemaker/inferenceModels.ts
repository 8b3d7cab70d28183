// What the seeded endpoints answer to InvokeEndpoint. Pure functions of the request so a test or
// a user can invoke twice and compare; the numbers are plausible for each seed's model, not learnt.
import { AwsError } from '../../engine/contract';

export type Predictor = 'abalone' | 'abalone-pipeline' | 'abalone-classifier' | 'cmapss' | 'linear-learner' | 'generic';

export interface Invocation {
  body: Buffer;
  contentType: string;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Rings from one abalone row, raw (sex letter first) or one-hot encoded (sex as three columns, as
 * the seeds' preprocessing writes it): shell weight carries most of the signal, as in the data.
 */
export function abaloneRings(fields: number[] | string[]): number {
  const numeric = fields.filter((f) => !/^[MFI]$/i.test(String(f).trim())).map(Number);
  // Raw rows have 7 measurements; one-hot rows carry three 0/1 sex columns first.
  const m = numeric.length >= 10 ? numeric.slice(numeric.length - 7) : numeric.slice(-7);
  const [length = 0, diameter = 0, height = 0, whole = 0, shucked = 0, , shell = 0] = m;
  return round(
    Math.max(1, 2.9 + 20.5 * shell + 4.1 * diameter + 6.3 * height + 1.2 * length + 1.9 * whole - 7.4 * shucked),
  );
}

/** Remaining useful life for one CMAPSS row (cycle first, then settings and sensors). */
export function cmapssRul(fields: number[]): number {
  const [cycle = 0, ...rest] = fields;
  const wear = rest.reduce((sum, v, i) => sum + (Number.isFinite(v) ? v : 0) * ((i % 5) + 1) * 1e-4, 0);
  return round(Math.max(0, 215 - 0.85 * cycle - (wear % 25)));
}

function linearLearnerScore(fields: number[]): number {
  const z = fields.reduce((sum, v, i) => sum + (Number.isFinite(v) ? v : 0) * (i % 2 === 0 ? 0.031 : -0.017), -3.2);
  return round(1 / (1 + Math.exp(-z)));
}

/** Rows of the request: CSV lines (comma or, as seed 002 sends them, space separated) or JSON instances. */
function rows(body: Buffer, contentType: string): Array<Array<string>> {
  const text = body.toString('utf8').trim();
  if (/json/i.test(contentType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AwsError(
        'ModelError',
        'Received client error (400) from primary with message "Unable to parse the JSON request body". See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints for more information.',
        424,
      );
    }
    const record = parsed as { instances?: unknown[]; features?: unknown[] } | unknown[];
    const instances = Array.isArray(record) ? record : (record.instances ?? (record.features ? [record.features] : []));
    return instances.map((i) => (Array.isArray(i) ? i : ((i as { features?: unknown[] }).features ?? [])).map(String));
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(line.includes(',') ? ',' : /\s+/));
}

/**
 * A classifier's answer after an IndexToString post-processor: one label per row. The class index is
 * a hash of the row (the model is not learnt), so the same row always gets the same label.
 */
export function invokeLabels(labels: string[], body: Buffer, contentType: string): Invocation {
  const answers = rows(body, contentType).map((row) => {
    let hash = 0;
    for (const ch of row.map((f) => f.trim().toLowerCase()).join(',')) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return labels[hash % labels.length];
  });
  return { body: Buffer.from(answers.join('\n')), contentType: 'text/csv' };
}

/**
 * `csvJoin` is how the container separates predictions of several CSV rows: the XGBoost 1.2-1
 * container joins them with commas (seed 002 splits its batch response on ","), others use lines.
 */
export function invoke(
  predictor: Predictor,
  body: Buffer,
  contentType: string,
  accept: string | undefined,
  csvJoin: ',' | '\n',
): Invocation {
  const input = rows(body, contentType);
  const wantsJson = /json/i.test(accept ?? '') || (/json/i.test(contentType) && !/csv/i.test(accept ?? ''));
  const numbers = (row: string[]) => row.map(Number);
  let predictions: number[];
  switch (predictor) {
    case 'abalone':
      predictions = input.map((row) => abaloneRings(row));
      break;
    case 'abalone-pipeline':
      // The post-processing container turns rings into the age the seeds' "Age Calculator" shows.
      predictions = input.map((row) => round(abaloneRings(row) + 1.5));
      break;
    case 'cmapss':
      predictions = input.map((row) => cmapssRul(numbers(row)));
      break;
    case 'abalone-classifier': {
      // An Autopilot classification candidate (rings as classes) answers the predicted label, one a line.
      const labels = input.map((row) => String(Math.max(1, Math.round(abaloneRings(row)))));
      if (wantsJson)
        return {
          body: Buffer.from(JSON.stringify({ predictions: labels.map((predicted_label) => ({ predicted_label })) })),
          contentType: 'application/json',
        };
      return { body: Buffer.from(labels.join('\n')), contentType: 'text/csv' };
    }
    case 'linear-learner': {
      // Linear learner answers JSON whatever the request type, as the built-in algorithm does.
      const scored = input.map((row) => linearLearnerScore(numbers(row)));
      const json = { predictions: scored.map((score) => ({ score, predicted_label: score >= 0.5 ? 1 : 0 })) };
      return { body: Buffer.from(JSON.stringify(json)), contentType: 'application/json' };
    }
    default:
      predictions = input.map((row) =>
        round(numbers(row).reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0) / Math.max(1, row.length)),
      );
  }
  if (wantsJson)
    return {
      body: Buffer.from(JSON.stringify({ predictions: predictions.map((score) => ({ score })) })),
      contentType: 'application/json',
    };
  return { body: Buffer.from(predictions.map(String).join(csvJoin)), contentType: 'text/csv' };
}
