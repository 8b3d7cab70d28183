// Everything the emulator knows, shared by all services. One world answers for every region
// (ARNs name the region of the request); stores that several services touch (S3 objects, log
// events) live here, each service keeps the rest in its own typed slot via `state()`.
import { createHash } from 'node:crypto';
import type { Clock } from '../engine/contract';

export const ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  lastModified: Date;
  etag: string;
  metadata: Record<string, string>;
}

export interface Bucket {
  name: string;
  region: string;
  creationDate: Date;
  objects: Map<string, StoredObject>;
}

/** Answers for objects a service makes on demand (e.g. an Autopilot candidate's model) instead of storing. */
export type ObjectResolver = (bucket: string, key: string) => StoredObject | undefined;

export class S3Store {
  readonly buckets = new Map<string, Bucket>();
  private readonly resolvers: ObjectResolver[] = [];

  constructor(private readonly clock: Clock) {}

  ensureBucket(name: string, region = DEFAULT_REGION): Bucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = { name, region, creationDate: new Date(this.clock.now()), objects: new Map() };
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  put(
    bucketName: string,
    key: string,
    body: Buffer | string,
    contentType = 'application/octet-stream',
    metadata: Record<string, string> = {},
  ): StoredObject {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const object: StoredObject = {
      body: bytes,
      contentType,
      lastModified: new Date(this.clock.now()),
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      metadata,
    };
    this.ensureBucket(bucketName).objects.set(key, object);
    return object;
  }

  get(bucketName: string, key: string): StoredObject | undefined {
    const bucket = this.buckets.get(bucketName);
    if (!bucket) return undefined;
    return (
      bucket.objects.get(key) ??
      this.resolvers.reduce<StoredObject | undefined>((found, resolve) => found ?? resolve(bucketName, key), undefined)
    );
  }

  addResolver(resolve: ObjectResolver): void {
    this.resolvers.push(resolve);
  }
}

/** Splits s3://bucket/key into its parts. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match ? { bucket: match[1], key: match[2] } : undefined;
}

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
}

export interface LogGroup {
  name: string;
  creationTime: number;
  streams: Map<string, LogStream>;
}

export class LogStore {
  readonly groups = new Map<string, LogGroup>();

  constructor(private readonly clock: Clock) {}

  ensureGroup(name: string): LogGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = { name, creationTime: this.clock.now(), streams: new Map() };
      this.groups.set(name, group);
    }
    return group;
  }

  ensureStream(groupName: string, streamName: string): LogStream {
    const group = this.ensureGroup(groupName);
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: this.clock.now(), events: [] };
      group.streams.set(streamName, stream);
    }
    return stream;
  }

  /** Appends lines with the given timestamps (or now), keeping events in time order. */
  append(groupName: string, streamName: string, lines: Array<string | { message: string; timestamp: number }>): void {
    const stream = this.ensureStream(groupName, streamName);
    const now = this.clock.now();
    for (const line of lines) {
      const event = typeof line === 'string' ? { message: line, timestamp: now } : line;
      stream.events.push({ ...event, ingestionTime: Math.max(now, event.timestamp) });
    }
    stream.events.sort((a, b) => a.timestamp - b.timestamp);
  }
}

export class World {
  readonly accountId = ACCOUNT_ID;
  readonly s3: S3Store;
  readonly logs: LogStore;
  private readonly slots = new Map<string, unknown>();
  private readonly settlers: Array<() => void> = [];
  private readonly pending: Array<Promise<unknown>> = [];

  constructor(readonly clock: Clock) {
    this.s3 = new S3Store(clock);
    this.logs = new LogStore(clock);
  }

  /** A service's own state, created on first use. */
  state<T>(key: string, create: () => T): T {
    if (!this.slots.has(key)) this.slots.set(key, create());
    return this.slots.get(key) as T;
  }

  /**
   * Registers work that must happen once time has passed (e.g. writing a finished lifecycle
   * script's log lines); every request settles the world first, so effects appear on time.
   */
  addSettler(settle: () => void): void {
    this.settlers.push(settle);
  }

  /** Seeding work that is asynchronous (building archives); the server listens once it is done. */
  defer(work: Promise<unknown>): void {
    this.pending.push(work);
  }

  async whenReady(): Promise<void> {
    await Promise.all(this.pending);
  }

  settle(): void {
    for (const settle of this.settlers) settle();
  }

  arn(service: string, region: string, resource: string): string {
    return `arn:aws:${service}:${region}:${this.accountId}:${resource}`;
  }

  now(): Date {
    return new Date(this.clock.now());
  }
}
