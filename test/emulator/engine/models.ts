// Official API models the emulator speaks and validates with. Structure (every current operation,
// required members, wire locations) comes from the `aws-sdk` v2 npm package's `apis/*.min.json`;
// constraints (enum, min, max, pattern) from botocore's full `service-2.json` where Debian's
// python3-botocore installed it, matched to the npm shapes by member path, since the npm model
// strips them and renames shapes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { BOTOCORE_UPDATES } from './botocoreUpdates';
import type { ServiceName } from './contract';

export interface Shape {
  type?: string;
  shape?: string;
  members?: Record<string, Shape>;
  member?: Shape;
  key?: Shape;
  value?: Shape;
  required?: string[];
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  payload?: string;
  streaming?: boolean;
  flattened?: boolean;
  xmlNamespace?: { uri: string };
  timestampFormat?: string;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  error?: { httpStatusCode?: number; code?: string };
  jsonvalue?: boolean;
  union?: boolean;
}

export interface Operation {
  name: string;
  http?: { method: string; requestUri: string; responseCode?: number };
  input?: Shape;
  output?: Shape;
}

export interface ServiceModel {
  service: ServiceName;
  protocol: 'json' | 'rest-json' | 'rest-xml' | 'query';
  targetPrefix?: string;
  signingName: string;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
  /** botocore's full model, when available. */
  full?: {
    operations: Record<string, { input?: { shape: string }; output?: { shape: string } }>;
    shapes: Record<string, Shape>;
  };
}

const BOTOCORE_DATA = process.env.SMW_BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/botocore/data';
const BOTOCORE_NAMES: Record<ServiceName, string> = {
  sagemaker: 'sagemaker',
  'runtime.sagemaker': 'sagemaker-runtime',
  codepipeline: 'codepipeline',
  codecommit: 'codecommit',
  logs: 'logs',
  ecr: 'ecr',
  'application-autoscaling': 'application-autoscaling',
  monitoring: 'cloudwatch',
  iam: 'iam',
  pricing: 'pricing',
  s3: 's3',
};

const cache = new Map<ServiceName, ServiceModel>();

/** Services AWS moved from the query protocol to AWS JSON 1.0, with the target prefix they use now. */
const JSON_SUCCESSORS: Partial<Record<ServiceName, string>> = { monitoring: 'GraniteServiceVersion20100801' };

function npmModelFile(service: ServiceName): string {
  const apis = path.dirname(require.resolve('aws-sdk/apis/metadata.json'));
  const file = fs
    .readdirSync(apis)
    .find(
      (f) =>
        f.startsWith(`${service}-`) &&
        f.endsWith('.min.json') &&
        /^\d{4}-\d{2}-\d{2}\.min\.json$/.test(f.slice(service.length + 1)),
    );
  if (!file) throw new Error(`aws-sdk has no model for ${service}`);
  return path.join(apis, file);
}

/** Debian's model plus what AWS added since (botocoreUpdates.ts): new shapes, members, enum values, constraints. */
function withUpdates(service: ServiceName, full: ServiceModel['full']): ServiceModel['full'] {
  const updates = (BOTOCORE_UPDATES as Partial<Record<ServiceName, Record<string, Shape>>>)[service];
  if (!full || !updates) return full;
  for (const [name, update] of Object.entries(updates)) {
    const shape = full.shapes[name];
    if (!shape) {
      full.shapes[name] = update;
      continue;
    }
    if (update.members) shape.members = { ...update.members, ...shape.members };
    for (const limit of ['pattern', 'min', 'max'] as const)
      if (update[limit] !== undefined && shape[limit] === undefined) Object.assign(shape, { [limit]: update[limit] });
    if (update.enum) shape.enum = [...(shape.enum ?? []), ...update.enum.filter((v) => !shape.enum?.includes(v))];
  }
  return full;
}

function readBotocore(service: ServiceName): ServiceModel['full'] {
  const dir = path.join(BOTOCORE_DATA, BOTOCORE_NAMES[service]);
  if (!fs.existsSync(dir)) return undefined;
  const version = fs.readdirSync(dir).sort().at(-1);
  if (!version) return undefined;
  const plain = path.join(dir, version, 'service-2.json');
  if (fs.existsSync(plain)) return JSON.parse(fs.readFileSync(plain, 'utf8'));
  const gz = `${plain}.gz`;
  if (fs.existsSync(gz)) return JSON.parse(zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8'));
  return undefined;
}

export function loadModel(service: ServiceName): ServiceModel {
  const cached = cache.get(service);
  if (cached) return cached;
  const raw = JSON.parse(fs.readFileSync(npmModelFile(service), 'utf8'));
  const operations: Record<string, Operation> = {};
  for (const [name, op] of Object.entries<Omit<Operation, 'name'>>(raw.operations)) operations[name] = { name, ...op };
  // CloudWatch's models here say `query`; the SDK v3 client speaks its newer AWS JSON 1.0 wire (query-compatible).
  const json10 = JSON_SUCCESSORS[service];
  const model: ServiceModel = {
    service,
    protocol: json10 ? 'json' : raw.metadata.protocol,
    targetPrefix: json10 ?? raw.metadata.targetPrefix,
    signingName: raw.metadata.signingName ?? raw.metadata.endpointPrefix,
    operations,
    shapes: raw.shapes,
    full: withUpdates(service, readBotocore(service)),
  };
  cache.set(service, model);
  return model;
}

/** Reads every service's models now (each is otherwise read on its service's first request). */
export function preloadModels(): void {
  for (const service of Object.keys(BOTOCORE_NAMES) as ServiceName[]) loadModel(service);
}

export function hasFullModels(): boolean {
  return fs.existsSync(path.join(BOTOCORE_DATA, 'sagemaker'));
}

/** Follows `shape` references of the npm model; inline members keep their own location info. */
export function resolve(model: ServiceModel, shape: Shape | undefined): Shape {
  if (!shape) return { type: 'structure', members: {} };
  if (!shape.shape) return { type: 'string', ...shape };
  const target = model.shapes[shape.shape];
  // Member-level properties (locationName, location ...) override the referenced shape's.
  const { shape: _ref, ...own } = shape;
  return { type: 'string', ...resolve(model, target), ...own };
}

/** The full (botocore) shape that corresponds to the npm shape, for constraints. */
export function fullShape(model: ServiceModel, name: string | undefined): Shape | undefined {
  if (!name || !model.full) return undefined;
  return model.full.shapes[name];
}

export function fullMember(
  model: ServiceModel,
  parent: Shape | undefined,
  member: string,
  kind: 'member' | 'key' | 'value' = 'member',
): Shape | undefined {
  if (!parent) return undefined;
  const ref =
    kind === 'member' && parent.type === 'structure'
      ? parent.members?.[member]
      : kind === 'member'
        ? parent.member
        : parent[kind];
  return ref?.shape ? fullShape(model, ref.shape) : undefined;
}

export function fullInput(model: ServiceModel, operation: string): Shape | undefined {
  return fullShape(model, model.full?.operations[operation]?.input?.shape);
}

export function fullOutput(model: ServiceModel, operation: string): Shape | undefined {
  return fullShape(model, model.full?.operations[operation]?.output?.shape);
}

/** JSON 1.1 services by their X-Amz-Target prefix. */
export function serviceForTarget(prefix: string, services: Iterable<ServiceName>): ServiceName | undefined {
  for (const service of services) {
    const model = loadModel(service);
    if (model.protocol === 'json' && model.targetPrefix === prefix) return service;
  }
  return undefined;
}
