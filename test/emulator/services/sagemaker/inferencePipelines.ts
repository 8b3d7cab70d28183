// What a serial inference pipeline answers, judged by what its containers hold rather than by its
// name: a SparkML Serving post-processor whose MLeap bundle is an IndexToString turns the model's class
// index into its label (seed 004's car evaluation answers unacc/acc/good/vgood), and an abalone model
// followed by a post-processor answers the age the seeds' "Age Calculator" shows.
import { gunzipSync } from 'node:zlib';
import { parseS3Uri, type World } from '../world';
import type { Model } from './endpointsModule';

type Container = Model['containers'][number];

/** AWS's SparkML Serving and scikit-learn images transform features; the others hold the model. */
const TRANSFORMER_IMAGE = /\/sagemaker-(sparkml-serving|scikit-learn):/;

/** The files of a model.tar.gz (ustar), or none when the object is not one. */
function tarEntries(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch {
    return files;
  }
  const text = (from: number, length: number) =>
    tar
      .subarray(from, from + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length;) {
    const name = text(at, 100);
    if (name === '') break;
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size)) break;
    const prefix = text(at + 345, 155);
    files.set(prefix ? `${prefix}/${name}` : name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The labels of an IndexToString in the container's MLeap bundle, read from its ModelDataUrl in S3. */
export function indexToStringLabels(world: World, container: Container): string[] | undefined {
  if (!TRANSFORMER_IMAGE.test(container.Image) || !container.ModelDataUrl) return undefined;
  const location = parseS3Uri(container.ModelDataUrl);
  const stored = location && world.s3.get(location.bucket, location.key);
  if (!stored) return undefined;
  for (const [name, content] of tarEntries(stored.body)) {
    if (!name.endsWith('model.json')) continue;
    try {
      const node = JSON.parse(content.toString('utf8')) as {
        op?: string;
        attributes?: { labels?: { value?: unknown } };
      };
      const labels = node.attributes?.labels?.value;
      if (node.op === 'index_to_string' && Array.isArray(labels)) return labels.map(String);
    } catch {
      // Not JSON: not a bundle node.
    }
  }
  return undefined;
}

export interface PipelineShape {
  /** The container that holds the model (the first that is not a feature transformer). */
  model: Container;
  /** Labels the last container maps class indices to, when it is an IndexToString. */
  labels?: string[];
  /** Whether a transformer post-processes the model's answer. */
  postProcessed: boolean;
}

export function pipelineShape(world: World, containers: Container[]): PipelineShape {
  const modelAt = Math.max(
    0,
    containers.findIndex((c) => !TRANSFORMER_IMAGE.test(c.Image)),
  );
  const last = containers[containers.length - 1];
  return {
    model: containers[modelAt],
    labels: indexToStringLabels(world, last),
    postProcessed: modelAt < containers.length - 1,
  };
}
