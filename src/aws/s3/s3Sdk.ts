// The S3 SDK pieces the extension uses, in a module of their own so they load on first use (a webpack chunk):
// activation and the list views never read S3.
export {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
