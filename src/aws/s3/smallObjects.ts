// Reading an S3 object that is expected to be small (a metrics document, a report) as text. One that is
// larger than the cap is not read: its download is stopped and the caller says what that means.
import type { AwsClients } from '../clients';

export type SmallObject = { text: string } | { tooLarge: number };

export async function readSmallObject(
  clients: AwsClients,
  bucket: string,
  key: string,
  maxBytes: number,
): Promise<SmallObject> {
  const { GetObjectCommand } = await import('./s3Sdk.js');
  const out = await (await clients.s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((out.ContentLength ?? 0) > maxBytes) {
    (out.Body as { destroy?: () => void } | undefined)?.destroy?.(); // Node stream: stop the download
    return { tooLarge: out.ContentLength ?? 0 };
  }
  return { text: (await out.Body?.transformToString('utf-8')) ?? '' };
}
