// S3, path-style, the subset the extension and the seeds use: buckets, listing, ranged reads,
// uploads (single and multipart). Written into the one emulator server rather than pulling in
// an old standalone S3 server (s3rver: 2021, ~140 packages) for a dozen operations.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { AwsError, HTTP_STATUS, type OperationHandler } from '../../engine/contract';
import type { ServiceModule } from '../serviceModule';
import type { Bucket, World } from '../world';
import { listGeneratedObjects } from './generatedObjects';
import { virtualKeys } from './virtualListing';

const BUCKET_NAME = /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function bucketOf(world: World, name: string): Bucket {
  const bucket = world.s3.buckets.get(name);
  if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: name });
  return bucket;
}

function parseRange(range: string, size: number): { start: number; end: number } | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end)
    throw new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: range,
      ActualObjectSize: size,
    });
  return { start, end };
}

interface MultipartUpload {
  bucket: string;
  key: string;
  contentType: string;
  parts: Map<number, Buffer>;
}

function handlers(world: World): Record<string, OperationHandler> {
  const uploads = world.state('s3.multipart', () => new Map<string, MultipartUpload>());
  const objectHead = (bucket: string, key: string) => {
    const object = (bucketOf(world, bucket), world.s3.get(bucket, key));
    if (!object) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
    return object;
  };
  return {
    ListBuckets: () => ({
      Buckets: [...world.s3.buckets.values()].map((b) => ({
        Name: b.name,
        CreationDate: b.creationDate,
        BucketRegion: b.region,
      })),
      Owner: { ID: createHash('sha256').update(world.accountId).digest('hex'), DisplayName: 'sagemaker-workbench' },
    }),
    CreateBucket: (input, ctx) => {
      if (!BUCKET_NAME.test(input.Bucket))
        throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, {
          BucketName: input.Bucket,
        });
      const owned = world.s3.buckets.get(input.Bucket);
      // Documented legacy behaviour: re-creating a bucket you own in us-east-1 answers 200 (other Regions: 409).
      if (
        owned &&
        owned.region === 'us-east-1' &&
        ctx.region === 'us-east-1' &&
        !input.CreateBucketConfiguration?.LocationConstraint
      )
        return { Location: `/${input.Bucket}` };
      if (owned)
        throw new AwsError(
          'BucketAlreadyOwnedByYou',
          'Your previous request to create the named bucket succeeded and you already own it.',
          409,
          { BucketName: input.Bucket },
        );
      world.s3.ensureBucket(input.Bucket, input.CreateBucketConfiguration?.LocationConstraint ?? ctx.region);
      return { Location: `/${input.Bucket}` };
    },
    HeadBucket: (input) => {
      const bucket = bucketOf(world, input.Bucket);
      return { BucketRegion: bucket.region };
    },
    GetBucketLocation: (input) => {
      const bucket = bucketOf(world, input.Bucket);
      return { LocationConstraint: bucket.region === 'us-east-1' ? undefined : bucket.region };
    },
    ListObjectsV2: (input) => {
      const bucket = bucketOf(world, input.Bucket);
      const prefix: string = input.Prefix ?? '';
      const delimiter: string | undefined = input.Delimiter || undefined;
      const maxKeys: number = input.MaxKeys ?? 1000;
      const after: string = input.ContinuationToken
        ? Buffer.from(input.ContinuationToken, 'base64').toString('utf8')
        : (input.StartAfter ?? '');
      const keys = [...bucket.objects.keys(), ...virtualKeys(world, bucket.name)]
        .filter((k) => k.startsWith(prefix) && k > after)
        .sort();
      const contents: string[] = [];
      const prefixes: string[] = [];
      let last = '';
      let truncated = false;
      for (const key of keys) {
        if (contents.length + prefixes.length >= maxKeys) {
          truncated = true;
          break;
        }
        const rest = key.slice(prefix.length);
        const cut = delimiter ? rest.indexOf(delimiter) : -1;
        if (cut >= 0) {
          const common = prefix + rest.slice(0, cut + delimiter!.length);
          if (prefixes.at(-1) !== common) prefixes.push(common);
          last = common + '\uffff';
        } else {
          contents.push(key);
          last = key;
        }
      }
      return {
        Name: bucket.name,
        Prefix: prefix,
        Delimiter: delimiter,
        MaxKeys: maxKeys,
        KeyCount: contents.length + prefixes.length,
        IsTruncated: truncated,
        ContinuationToken: input.ContinuationToken,
        NextContinuationToken: truncated ? Buffer.from(last).toString('base64') : undefined,
        StartAfter: input.StartAfter,
        Contents: contents.map((key) => {
          const o = bucket.objects.get(key) ?? world.s3.get(bucket.name, key)!;
          return {
            Key: key,
            LastModified: o.lastModified,
            ETag: o.etag,
            Size: o.body.length,
            StorageClass: 'STANDARD',
          };
        }),
        CommonPrefixes: prefixes.length > 0 ? prefixes.map((p) => ({ Prefix: p })) : undefined,
      };
    },
    HeadObject: (input) => {
      const o = objectHead(input.Bucket, input.Key);
      return {
        ContentLength: o.body.length,
        ContentType: o.contentType,
        ETag: o.etag,
        LastModified: o.lastModified,
        Metadata: o.metadata,
        AcceptRanges: 'bytes',
      };
    },
    GetObject: (input) => {
      const o = objectHead(input.Bucket, input.Key);
      const range = input.Range ? parseRange(input.Range, o.body.length) : undefined;
      const bytes = range ? o.body.subarray(range.start, range.end + 1) : o.body;
      const output: Record<string | symbol, unknown> = {
        Body: Readable.from([bytes]),
        ContentLength: bytes.length,
        ContentType: o.contentType,
        ETag: o.etag,
        LastModified: o.lastModified,
        Metadata: o.metadata,
        AcceptRanges: 'bytes',
        ContentRange: range ? `bytes ${range.start}-${range.end}/${o.body.length}` : undefined,
      };
      if (range) output[HTTP_STATUS] = 206;
      return output;
    },
    PutObject: (input) => {
      bucketOf(world, input.Bucket);
      const o = world.s3.put(
        input.Bucket,
        input.Key,
        input.Body ?? Buffer.alloc(0),
        input.ContentType ?? 'binary/octet-stream',
        input.Metadata ?? {},
      );
      return { ETag: o.etag };
    },
    DeleteObject: (input) => {
      bucketOf(world, input.Bucket).objects.delete(input.Key);
      return {};
    },
    CreateMultipartUpload: (input) => {
      bucketOf(world, input.Bucket);
      const uploadId = randomUUID();
      uploads.set(uploadId, {
        bucket: input.Bucket,
        key: input.Key,
        contentType: input.ContentType ?? 'binary/octet-stream',
        parts: new Map(),
      });
      return { Bucket: input.Bucket, Key: input.Key, UploadId: uploadId };
    },
    UploadPart: (input) => {
      const upload = uploads.get(input.UploadId);
      if (!upload)
        throw new AwsError('NoSuchUpload', 'The specified upload does not exist.', 404, { UploadId: input.UploadId });
      const body: Buffer = input.Body ?? Buffer.alloc(0);
      upload.parts.set(input.PartNumber, body);
      return { ETag: `"${createHash('md5').update(body).digest('hex')}"` };
    },
    CompleteMultipartUpload: (input) => {
      const upload = uploads.get(input.UploadId);
      if (!upload)
        throw new AwsError('NoSuchUpload', 'The specified upload does not exist.', 404, { UploadId: input.UploadId });
      // As S3 documents CompleteMultipartUpload: the parts must be listed, in ascending order, each with
      // the ETag UploadPart returned, and every part but the last at least 5 MiB.
      const listed: Array<{ PartNumber: number; ETag?: string }> = input.MultipartUpload?.Parts ?? [];
      if (listed.length === 0)
        throw new AwsError(
          'MalformedXML',
          'The XML you provided was not well-formed or did not validate against our published schema',
          400,
        );
      listed.forEach((p, i) => {
        if (i > 0 && p.PartNumber <= listed[i - 1].PartNumber)
          throw new AwsError(
            'InvalidPartOrder',
            'The list of parts was not in ascending order. Parts must be ordered by part number.',
            400,
            { UploadId: input.UploadId },
          );
      });
      const md5 = (b: Buffer) => createHash('md5').update(b).digest();
      const ordered = listed.map((p, i) => {
        const part = upload.parts.get(p.PartNumber);
        const etag = part && `"${md5(part).toString('hex')}"`;
        if (!part || (p.ETag !== undefined && p.ETag.replace(/"/g, '') !== etag!.replace(/"/g, ''))) {
          throw new AwsError(
            'InvalidPart',
            "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
            400,
            { UploadId: input.UploadId, PartNumber: p.PartNumber, ETag: p.ETag ?? '' },
          );
        }
        if (i < listed.length - 1 && part.length < 5 * 1024 * 1024) {
          throw new AwsError(
            'EntityTooSmall',
            'Your proposed upload is smaller than the minimum allowed object size.',
            400,
            { ProposedSize: part.length, MinSizeAllowed: 5 * 1024 * 1024, PartNumber: p.PartNumber, ETag: etag! },
          );
        }
        return part;
      });
      const o = world.s3.put(upload.bucket, upload.key, Buffer.concat(ordered), upload.contentType);
      // A multipart object's ETag is the MD5 of its parts' MD5 digests, then "-" and the number of parts.
      o.etag = `"${createHash('md5')
        .update(Buffer.concat(ordered.map(md5)))
        .digest('hex')}-${ordered.length}"`;
      uploads.delete(input.UploadId);
      return { Bucket: upload.bucket, Key: upload.key, ETag: o.etag, Location: `/${upload.bucket}/${upload.key}` };
    },
    AbortMultipartUpload: (input) => {
      uploads.delete(input.UploadId);
      return {};
    },
  };
}

export const s3Module: ServiceModule = {
  name: 's3',
  handlers: (world) => {
    listGeneratedObjects(world);
    return { s3: handlers(world) };
  },
};
