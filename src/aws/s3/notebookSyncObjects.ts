// The S3 calls of notebook sync (the location a notebook instance's lifecycle script copies notebooks from):
// whether a bucket is there, the notebooks under a prefix, publishing one and fetching one.
import type { AwsClients } from '../clients';

/** 'exists', or the HTTP status S3 answered HeadBucket with (404 missing, 403 not readable by this profile). */
export async function bucketStatus(clients: AwsClients, bucket: string): Promise<'exists' | 404 | 403> {
  const { HeadBucketCommand } = await import('./s3Sdk.js');
  try {
    await (await clients.s3()).send(new HeadBucketCommand({ Bucket: bucket }));
    return 'exists';
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return status;
    throw error;
  }
}

/** When the object was last modified, or undefined when there is none (or it cannot be read). */
export async function existingObject(
  clients: AwsClients,
  bucket: string,
  key: string,
): Promise<{ lastModified?: Date } | undefined> {
  const { HeadObjectCommand } = await import('./s3Sdk.js');
  const s3 = await clients.s3();
  const out = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined);
  return out ? { lastModified: out.LastModified } : undefined;
}

export async function putNotebook(clients: AwsClients, bucket: string, key: string, text: string): Promise<void> {
  const { PutObjectCommand } = await import('./s3Sdk.js');
  const s3 = await clients.s3();
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: Buffer.from(text),
      ContentType: 'application/x-ipynb+json',
    }),
  );
}

/** Keys of the notebooks (.ipynb) among the first 1,000 objects under `prefix`. */
export async function notebookKeys(clients: AwsClients, bucket: string, prefix: string): Promise<string[]> {
  const { ListObjectsV2Command } = await import('./s3Sdk.js');
  const s3 = await clients.s3();
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1000 }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '').filter((k) => /\.ipynb$/i.test(k));
}

/** The object's bytes, or its size when it is larger than `maxBytes` (its download is stopped then). */
export async function readNotebookObject(
  clients: AwsClients,
  bucket: string,
  key: string,
  maxBytes: number,
): Promise<{ body: Uint8Array } | { tooLarge: number }> {
  const { GetObjectCommand } = await import('./s3Sdk.js');
  const out = await (await clients.s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((out.ContentLength ?? 0) > maxBytes) {
    (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
    return { tooLarge: out.ContentLength ?? 0 };
  }
  return { body: (await out.Body?.transformToByteArray()) ?? new Uint8Array() };
}
