// The seam between the emulator's engine (HTTP, wire protocols, model validation, faults) and
// its services (resource stores, state machines, seeded scenarios). The engine turns a request
// into the operation's input object (as the official API model shapes it) and the handler's
// return value into the wire response, so handlers deal in plain model-shaped objects only.

/** Services the emulator speaks, keyed by the `aws-sdk` v2 model file prefix. */
export type ServiceName =
  | 'sagemaker'
  | 'runtime.sagemaker'
  | 'codepipeline'
  | 'codecommit'
  | 'logs'
  | 'ecr'
  | 'application-autoscaling'
  | 'monitoring'
  | 'iam'
  | 'pricing'
  | 's3';

/** An error AWS would return: `code` is the error type (e.g. ValidationException). */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    /** Extra members some errors carry on the wire (S3: BucketName, Key ...). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * Real wall-clock time plus an offset that tests may advance. Resource lifecycles are written
 * in AWS seconds (how long the step takes on AWS) and scaled to real milliseconds by `scale`.
 */
export interface Clock {
  /** Current emulator time (epoch ms). */
  now(): number;
  /** Real milliseconds that `awsSeconds` of AWS time take at the configured time scale. */
  duration(awsSeconds: number): number;
  /** Move emulator time forward (tests). */
  advance(ms: number): void;
}

export interface RequestContext {
  service: ServiceName;
  operation: string;
  region: string;
  /** 12-digit account id; the emulator always answers as 123456789012. */
  accountId: string;
  clock: Clock;
  /** x-amzn-RequestId / x-amz-request-id the engine will send. */
  requestId: string;
  /** Where the emulator was reached (http://host:port), for URLs it hands out that point back at it. */
  origin: string;
}

/**
 * Input: the operation's input shape as a plain object (timestamps as Date, blobs as Buffer,
 * REST members from URI/query/headers already merged in). Output: the output shape likewise;
 * a streaming blob payload may be a Buffer or a Node Readable.
 */
export type OperationHandler = (input: any, ctx: RequestContext) => unknown | Promise<unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type ServiceHandlers = Partial<Record<ServiceName, Record<string, OperationHandler>>>;

export type ScenarioName = 'seeded' | 'large' | 'empty';

/**
 * What services/ exports (from `test/emulator/services/index.ts`):
 *   export function createWorld(clock: Clock): World;            // every resource store
 *   export function loadScenario(world: World, name: ScenarioName): void;
 *   export function buildHandlers(world: World): ServiceHandlers;
 * `World` is defined in services/ and opaque to the engine.
 */
export interface ServicesModule<World> {
  createWorld(clock: Clock): World;
  loadScenario(world: World, name: ScenarioName): void;
  buildHandlers(world: World): ServiceHandlers;
}

/** A handler may set this on its output to choose the HTTP status (S3 ranged GET: 206). */
export const HTTP_STATUS = Symbol('httpStatus');
