// S3 as its API reference documents it: re-creating a bucket you own answers 200 in us-east-1 (legacy)
// and 409 BucketAlreadyOwnedByYou elsewhere; objects served on demand are listed where they are served.
import * as assert from 'node:assert/strict';
import * as s3sdk from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { clientsFor, credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const BUCKET = 'sagemaker-us-east-1-123456789012';

describe('emulator S3 fidelity', function () {
  let emulator: RunningEmulator;
  let s3: s3sdk.S3Client;
  before(async () => {
    emulator = await emulatorForTest();
    s3 = clientsFor(emulator.url).s3;
  });
  after(async () => emulator.close());

  const errorOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: Error) => e.name,
    );

  it("a multipart object's ETag is the MD5 of its parts' MD5s and their count, not the MD5 of its bytes (seed 004's model.tar.gz)", async () => {
    const MiB = 1024 * 1024;
    const parts = [Buffer.alloc(5 * MiB, 1), Buffer.alloc(MiB, 2)];
    const upload = await s3.send(new s3sdk.CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'model/model.tar.gz' }));
    const etags: string[] = [];
    for (const [i, body] of parts.entries())
      etags.push(
        (
          await s3.send(
            new s3sdk.UploadPartCommand({
              Bucket: BUCKET,
              Key: 'model/model.tar.gz',
              UploadId: upload.UploadId,
              PartNumber: i + 1,
              Body: body,
            }),
          )
        ).ETag ?? '',
      );
    const done = await s3.send(
      new s3sdk.CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'model/model.tar.gz',
        UploadId: upload.UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    const md5 = (b: Buffer) => createHash('md5').update(b).digest();
    const expected = `"${createHash('md5')
      .update(Buffer.concat(parts.map(md5)))
      .digest('hex')}-2"`;
    assert.equal(done.ETag, expected);
    assert.equal(
      (await s3.send(new s3sdk.HeadObjectCommand({ Bucket: BUCKET, Key: 'model/model.tar.gz' }))).ETag,
      expected,
    );
  });

  it('refuses a multipart upload whose parts before the last are under 5 MiB, or that names no parts', async () => {
    const upload = await s3.send(new s3sdk.CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'small-parts.bin' }));
    const etags: string[] = [];
    for (const n of [1, 2])
      etags.push(
        (
          await s3.send(
            new s3sdk.UploadPartCommand({
              Bucket: BUCKET,
              Key: 'small-parts.bin',
              UploadId: upload.UploadId,
              PartNumber: n,
              Body: Buffer.alloc(1024, n),
            }),
          )
        ).ETag ?? '',
      );
    assert.equal(
      await errorOf(
        s3.send(
          new s3sdk.CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: 'small-parts.bin',
            UploadId: upload.UploadId,
            MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
          }),
        ),
      ),
      'EntityTooSmall',
    );
    assert.equal(
      await errorOf(
        s3.send(
          new s3sdk.CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: 'small-parts.bin',
            UploadId: upload.UploadId,
          }),
        ),
      ),
      'MalformedXML',
    );
  });

  it('CreateBucket of a bucket you own: 200 in us-east-1, BucketAlreadyOwnedByYou in other Regions', async () => {
    await s3.send(new s3sdk.CreateBucketCommand({ Bucket: 'fidelity-east' }));
    await s3.send(new s3sdk.CreateBucketCommand({ Bucket: 'fidelity-east' }));
    const west = new s3sdk.S3Client({
      endpoint: emulator.url,
      region: 'eu-west-1',
      credentials,
      maxAttempts: 1,
      forcePathStyle: true,
    });
    await west.send(
      new s3sdk.CreateBucketCommand({
        Bucket: 'fidelity-west',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    assert.equal(
      await errorOf(
        west.send(
          new s3sdk.CreateBucketCommand({
            Bucket: 'fidelity-west',
            CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
          }),
        ),
      ),
      'BucketAlreadyOwnedByYou',
    );
  });

  it("lists an Autopilot job's explainability report where GetObject serves it", async () => {
    const prefix = 'abalone-v0/output/abalone-v0/documentation/explainability/output/';
    const listed = await s3.send(new s3sdk.ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    assert.deepEqual(
      listed.Contents?.map((o) => o.Key),
      [`${prefix}analysis.json`],
    );
    const got = await s3.send(new s3sdk.GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}analysis.json` }));
    const body = await got.Body!.transformToString();
    assert.equal(listed.Contents?.[0].Size, Buffer.byteLength(body), 'the listed size is the served size');
    assert.equal(listed.Contents?.[0].ETag, got.ETag);
    const running = await s3.send(
      new s3sdk.ListObjectsV2Command({
        Bucket: BUCKET,
        Prefix: 'abalone-v1/output/abalone-regression-v2/documentation/',
      }),
    );
    assert.equal(running.KeyCount, 0, 'a job still running has written no report, and none is listed');
  });

  it("lists each registry version's model.tar.gz", async () => {
    const listed = await s3.send(new s3sdk.ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'AbalonePackageGroup/v3/' }));
    assert.deepEqual(
      listed.Contents?.map((o) => o.Key),
      ['AbalonePackageGroup/v3/evaluation/evaluation.json', 'AbalonePackageGroup/v3/model/model.tar.gz'],
    );
  });
});
