// Headline metrics of a model package version, read from its ModelQuality statistics object (the JSON a
// SageMaker Pipelines evaluation step or Model Monitor writes): regression_metrics {mse: {value,
// standard_deviation}, ...} or binary/multiclass_classification_metrics {accuracy: {value}, ...}.
import * as l10n from '@vscode/l10n';

export interface QualityMetric {
  /** Problem family from the section name: regression, binary_classification, multiclass_classification. */
  family: string;
  name: string;
  value: number;
  standardDeviation?: number;
}

const SECTION = /^(.*)_metrics$/;

/** The scalar metrics of a statistics document; curves and confusion matrices are not headline metrics. */
export function parseQualityMetrics(json: unknown): QualityMetric[] {
  if (!isRecord(json)) return [];
  const metrics: QualityMetric[] = [];
  for (const [section, body] of Object.entries(json)) {
    const family = SECTION.exec(section)?.[1];
    if (!family || !isRecord(body)) continue;
    for (const [name, entry] of Object.entries(body)) {
      if (!isRecord(entry)) continue;
      const value = toNumber(entry.value);
      if (value === undefined) continue;
      const standardDeviation = toNumber(entry.standard_deviation);
      metrics.push({ family, name, value, ...(standardDeviation !== undefined ? { standardDeviation } : {}) });
    }
  }
  return metrics;
}

/** Parses the object's text; a document that is not JSON is reported, not thrown into the tree. */
export function parseQualityMetricsText(text: string): QualityMetric[] {
  try {
    return parseQualityMetrics(JSON.parse(text));
  } catch {
    throw new Error(l10n.t('The statistics object is not JSON'));
  }
}

export interface S3Location {
  bucket: string;
  key: string;
}

export function parseS3Uri(uri: string | undefined): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri ?? '');
  return match ? { bucket: match[1], key: match[2] } : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
