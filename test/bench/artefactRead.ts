// Child process of `npm run bench`: reads the AutoGluon leaderboard out of a model.tar.gz in the emulator
// with the extension's own reader, and reports bytes downloaded and how far this process's resident set
// rose above where it was before the read (sampled every 5 ms; getrusage's maxRSS cannot be used, Linux
// carries the forking parent's high-water mark into the child). A process of its own, so the emulator
// holding the archive does not count.
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { extract } from 'tar-stream';
import type { AwsClients } from '../../src/aws/clients';
import { readArchiveEntries } from '../../src/aws/s3/archiveEntries';

/** The approach streaming replaced, measured for comparison: download the whole object, then unpack it. */
async function readBuffered(client: S3Client, s3Uri: string, wanted: string[]): Promise<{ files: Record<string, string>; bytesRead: number; objectBytes?: number }> {
  const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri)!;
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const archive = await out.Body!.transformToByteArray();
  const tar = gunzipSync(archive);
  const files: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    const reader = extract();
    reader.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => wanted.includes(header.name) && chunks.push(c as Buffer));
      stream.on('end', () => ((chunks.length ? (files[header.name] = Buffer.concat(chunks).toString('utf8')) : undefined), next()));
    });
    reader.on('finish', resolve);
    reader.on('error', reject);
    reader.end(tar);
  });
  return { files, bytesRead: archive.length, objectBytes: out.ContentLength };
}

async function main(): Promise<void> {
  const [endpoint, s3Uri, mode] = process.argv.slice(2);
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'not-a-secret' } });
  const clients = { s3: () => client } as unknown as AwsClients;
  // Warm the client (connection, middleware) on another object so its set-up is not counted.
  await readArchiveEntries(clients, s3Uri.replace(/abalone-autogluon-300mb-artefact\/abalone-autogluon-300mb-artefact/, 'abalone-autogluon-2021-07-05-18-03-21-457/abalone-autogluon-2021-07-05-18-03-21-457'), ['Leaderboard.csv']);
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const started = process.hrtime.bigint();
  const wanted = ['Leaderboard.csv', 'Model_Evaluation.txt'];
  const read = mode === 'buffered' ? await readBuffered(client, s3Uri, wanted) : await readArchiveEntries(clients, s3Uri, wanted);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  process.stdout.write(`${JSON.stringify({
    bytesRead: read.bytesRead,
    objectBytes: read.objectBytes,
    files: Object.keys(read.files),
    leaderboardRows: read.files['Leaderboard.csv']?.trim().split('\n').length - 1,
    ms: Math.round(ms),
    peakGrowthBytes: Math.max(0, peakRss - rssBefore),
  })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
