// Whether an S3 object exists (HeadObject): a 404 is "no", any other error is the caller's to show.
import type { AwsClients } from '../clients';

export async function objectExists(clients: AwsClients, bucket: string, key: string): Promise<boolean> {
  const { HeadObjectCommand } = await import('./s3Sdk.js');
  try {
    await (await clients.s3()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as { name?: string }).name === 'NotFound') return false;
    throw error;
  }
}
