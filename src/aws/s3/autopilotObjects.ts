// The S3 objects of Autopilot: the training data a user uploads from the workspace, and the reports and
// notebooks a job wrote (read whole: a report to open as a document, a notebook to save into the workspace).
import type { AwsClients } from '../clients';

/** Uploads `body` to s3://bucket/key. */
export async function uploadObject(
  clients: AwsClients,
  bucket: string,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<void> {
  const { PutObjectCommand } = await import('./s3Sdk.js');
  const s3 = await clients.s3();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

/** The whole object as UTF-8 text. */
export async function readObjectText(clients: AwsClients, bucket: string, key: string): Promise<string> {
  const { GetObjectCommand } = await import('./s3Sdk.js');
  const out = await (await clients.s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString('utf-8')) ?? '';
}

/** The whole object's bytes. */
export async function readObjectBytes(clients: AwsClients, bucket: string, key: string): Promise<Uint8Array> {
  const { GetObjectCommand } = await import('./s3Sdk.js');
  const out = await (await clients.s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
}
