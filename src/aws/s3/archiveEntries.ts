// Reads named files out of a model.tar.gz in S3 without holding the archive: the object is streamed through
// gunzip into a tar reader (tar-stream, rather than a hand-written tar parser), only the wanted entries are
// kept (each up to a size cap), and the download stops as soon as all of them have been seen.
import * as l10n from '@vscode/l10n';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { parseS3Uri } from '../../model/modelQualityMetrics';
import type { AwsClients } from '../clients';

const MAX_ENTRY_BYTES = 10 * 1024 * 1024;

export interface ArchiveRead {
  /** Wanted file name (base name) → its text. */
  files: Record<string, string>;
  /** Compressed bytes downloaded before stopping. */
  bytesRead: number;
  /** Size of the whole object. */
  objectBytes?: number;
}

export async function readArchiveEntries(clients: AwsClients, s3Uri: string, wanted: string[]): Promise<ArchiveRead> {
  const { GetObjectCommand } = await import('./s3Sdk.js');
  const location = parseS3Uri(s3Uri);
  if (!location) throw new Error(l10n.t('Not an S3 object: {0}', s3Uri));
  const out = await (await clients.s3()).send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
  const body = out.Body as Readable | undefined;
  if (!body) throw new Error(l10n.t('{0} is empty', s3Uri));
  const files: Record<string, string> = {};
  let bytesRead = 0;
  body.on('data', (chunk: Buffer) => (bytesRead += chunk.length));
  const gunzip = createGunzip();
  const tar = extract();
  await new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      // Everything wanted is in hand: stop downloading the rest of the archive.
      body.unpipe(gunzip);
      body.destroy();
      gunzip.destroy();
      tar.destroy();
      resolve();
    };
    tar.on('entry', (header, stream, next) => {
      const name = header.name.split('/').pop() ?? '';
      if (!wanted.includes(name) || header.type !== 'file' || (header.size ?? 0) > MAX_ENTRY_BYTES) {
        stream.on('end', next);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        files[name] = Buffer.concat(chunks).toString('utf8');
        if (wanted.every((w) => w in files)) finish();
        else next();
      });
    });
    tar.on('finish', finish);
    const fail = (error: Error) =>
      done
        ? undefined
        : ((done = true), reject(new Error(l10n.t('{0} is not a readable model.tar.gz: {1}', s3Uri, error.message))));
    tar.on('error', fail);
    gunzip.on('error', fail);
    body.on('error', fail);
    body.pipe(gunzip).pipe(tar);
  });
  return { files, bytesRead, objectBytes: out.ContentLength };
}
