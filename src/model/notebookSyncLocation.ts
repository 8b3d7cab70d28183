// Where a notebook instance's notebooks come from in S3: the first `aws s3 cp|sync s3://…` source of its
// lifecycle configuration's on-start script, then its on-create script (seeds 000/001). A source naming one
// notebook points at its folder. Publishing puts a notebook there; fetching lists the notebooks there.
import * as l10n from '@vscode/l10n';
import { notebookSources } from './lifecycleTemplates';

export interface SyncLocation {
  bucket: string;
  /** Key prefix ending in '/', or '' for the bucket's root. */
  prefix: string;
  /** The script line's source, as written. */
  source: string;
}

/** The location, or why there is none (a sentence for the user). */
export function syncLocationOf(
  instanceName: string,
  configName: string | undefined,
  scripts: { onStart: string; onCreate: string },
): SyncLocation | string {
  if (!configName)
    return l10n.t(
      '{0} has no lifecycle configuration, so no S3 location its notebooks come from. Create one from the "Sync notebooks from S3" template.',
      instanceName,
    );
  const source = [scripts.onStart, scripts.onCreate].flatMap(notebookSources)[0];
  if (!source)
    return l10n.t(
      'The lifecycle configuration {0} of {1} copies nothing from S3 (no "aws s3 cp s3://…" or "aws s3 sync s3://…" line).',
      configName,
      instanceName,
    );
  const [bucket, ...rest] = source.slice('s3://'.length).split('/');
  const key = rest.join('/');
  const prefix =
    key === '' || key.endsWith('/') ? key : /\.ipynb$/i.test(key) ? key.slice(0, key.lastIndexOf('/') + 1) : `${key}/`;
  return { bucket, prefix, source };
}

/** The bucket of an `s3://bucket/prefix` location. */
export function bucketOf(s3Uri: string): string {
  return s3Uri.trim().slice('s3://'.length).split('/')[0];
}

/** The n-th candidate local name for a fetched notebook: the name itself, then name-2.ipynb, name-3.ipynb… */
export function fetchedNotebookName(name: string, n: number): string {
  return n === 1 ? name : `${name.replace(/\.ipynb$/i, '')}-${n}.ipynb`;
}
