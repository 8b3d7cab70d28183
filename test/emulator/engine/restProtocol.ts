// REST protocols (REST-JSON for SageMaker Runtime, REST-XML for S3): finding the operation from
// method, path and query as the model's `requestUri` templates describe them, binding URI labels,
// query strings and headers to input members, and writing outputs back to headers and body.
import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { HTTP_STATUS } from './contract';
import { fromJson, parseTimestamp, toJson } from './jsonShapes';
import { resolve, type Operation, type Shape, type ServiceModel } from './models';
import { fromXml, parseXml, toXml, xmlDocument } from './xmlShapes';

export interface RestRequest {
  method: string;
  /** Raw (still percent-encoded) path. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Match {
  operation: Operation;
  labels: Record<string, string>;
  score: number;
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const templateSegments = template.split('/');
  const pathSegments = path.split('/');
  pathSegments.shift();
  templateSegments.shift();
  const labels: Record<string, string> = {};
  for (let i = 0; i < templateSegments.length; i++) {
    const segment = templateSegments[i];
    const label = /^\{([^}+]+)(\+?)\}$/.exec(segment);
    if (label && label[2] === '+') {
      const rest = pathSegments.slice(i).join('/');
      if (rest === '') return undefined;
      labels[label[1]] = decodeURIComponent(rest);
      return labels;
    }
    const actual = pathSegments[i];
    if (actual === undefined) return segment === '' ? labels : undefined;
    if (label) {
      if (actual === '') return undefined;
      labels[label[1]] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  const extra = pathSegments.slice(templateSegments.length).filter((s) => s !== '');
  return extra.length === 0 ? labels : undefined;
}

/** The most specific implemented operation whose template, literal query keys and required query members fit. */
export function matchRestOperation(
  model: ServiceModel,
  request: RestRequest,
  implemented: Iterable<string>,
): Match | undefined {
  let best: Match | undefined;
  for (const name of implemented) {
    const operation = model.operations[name];
    if (!operation) continue;
    const method = operation.http?.method ?? 'POST';
    if (method !== request.method) continue;
    const [template, literalQuery] = (operation.http?.requestUri ?? '/').split('?');
    const labels = matchTemplate(template, request.path);
    if (!labels) continue;
    let score = template.split('/').length;
    let fits = true;
    for (const pair of literalQuery ? literalQuery.split('&') : []) {
      const [key, value] = pair.split('=');
      const actual = request.query.get(key);
      if (actual === null || (value !== undefined && actual !== value)) fits = false;
      score += 10;
    }
    const input = resolve(model, operation.input);
    for (const required of input.required ?? []) {
      const member = input.members?.[required];
      if (member?.location === 'querystring') {
        if (request.query.get(member.locationName ?? required) === null) fits = false;
        score += 10;
      }
      if (member?.location === 'header' && member.locationName?.toLowerCase().startsWith('x-amz-copy-source')) {
        if (request.headers[member.locationName.toLowerCase()] === undefined) fits = false;
        score += 10;
      }
    }
    if (fits && (!best || score > best.score)) best = { operation, labels, score };
  }
  return best;
}

function scalarFrom(raw: string, shape: Shape): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Number(raw);
    case 'boolean':
      return raw === 'true';
    case 'timestamp':
      return parseTimestamp(raw);
    default:
      return raw;
  }
}

/** The document element of an XML body, past an `<?xml ...?>` declaration (which the SDKs send). */
function xmlRoot(body: Buffer): unknown {
  const parsed = parseXml(body.toString('utf8'));
  const root = Object.keys(parsed).find((name) => !name.startsWith('?'));
  return root === undefined ? undefined : parsed[root];
}

export function parseRestInput(model: ServiceModel, match: Match, request: RestRequest): Record<string, unknown> {
  const shape = resolve(model, match.operation.input);
  const input: Record<string, unknown> = {};
  const bodyMembers: Record<string, Shape> = {};
  for (const [key, member] of Object.entries(shape.members ?? {})) {
    const memberShape = resolve(model, member);
    const wireName = member.locationName ?? key;
    switch (member.location) {
      case 'uri':
        if (match.labels[wireName] !== undefined) input[key] = match.labels[wireName];
        break;
      case 'querystring': {
        if (memberShape.type === 'list') {
          const all = request.query.getAll(wireName);
          if (all.length > 0) input[key] = all;
        } else {
          const value = request.query.get(wireName);
          if (value !== null) input[key] = scalarFrom(value, memberShape);
        }
        break;
      }
      case 'header': {
        const value = request.headers[wireName.toLowerCase()];
        if (value !== undefined) input[key] = scalarFrom(Array.isArray(value) ? value.join(',') : value, memberShape);
        break;
      }
      case 'headers': {
        const prefix = wireName.toLowerCase();
        const map: Record<string, string> = {};
        for (const [header, value] of Object.entries(request.headers)) {
          if (header.startsWith(prefix) && value !== undefined) map[header.slice(prefix.length)] = String(value);
        }
        if (Object.keys(map).length > 0) input[key] = map;
        break;
      }
      default:
        if (shape.payload !== key) bodyMembers[key] = member;
    }
  }
  if (shape.payload) {
    const member = shape.members?.[shape.payload] ?? {};
    const memberShape = resolve(model, member);
    if (memberShape.type === 'blob' || memberShape.type === 'string') {
      input[shape.payload] = memberShape.type === 'string' ? request.body.toString('utf8') : request.body;
    } else if (request.body.length > 0) {
      input[shape.payload] =
        model.protocol === 'rest-xml'
          ? fromXml(model, xmlRoot(request.body), member)
          : fromJson(model, JSON.parse(request.body.toString('utf8')), member);
    }
  } else if (Object.keys(bodyMembers).length > 0 && request.body.length > 0) {
    const doc =
      model.protocol === 'rest-xml'
        ? fromXml(model, xmlRoot(request.body), { type: 'structure', members: bodyMembers })
        : fromJson(model, JSON.parse(request.body.toString('utf8')), { type: 'structure', members: bodyMembers });
    Object.assign(input, doc);
  }
  return input;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | Readable;
}

function headerValue(value: unknown, shape: Shape): string {
  if (value instanceof Date) return value.toUTCString();
  if (shape.jsonvalue) return Buffer.from(JSON.stringify(value)).toString('base64');
  return String(value);
}

/** XML root element names that differ from `<Operation>Result`. */
const XML_ROOTS: Record<string, string> = {
  ListObjectsV2: 'ListBucketResult',
  ListObjects: 'ListBucketResult',
  ListBuckets: 'ListAllMyBucketsResult',
  CreateMultipartUpload: 'InitiateMultipartUploadResult',
  GetBucketLocation: 'LocationConstraint',
};

export function serializeRestOutput(
  model: ServiceModel,
  operation: Operation,
  output: Record<string, unknown>,
): WireResponse {
  const shape = resolve(model, operation.output);
  const headers: Record<string, string> = {};
  let status = (output as { [HTTP_STATUS]?: number })[HTTP_STATUS] ?? operation.http?.responseCode ?? 200;
  const bodyMembers: Record<string, Shape> = {};
  for (const [key, member] of Object.entries(shape.members ?? {})) {
    const value = output[key];
    const wireName = member.locationName ?? key;
    switch (member.location) {
      case 'header':
        if (value !== undefined && value !== null)
          headers[wireName.toLowerCase()] = headerValue(value, resolve(model, member));
        break;
      case 'headers':
        for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>))
          headers[`${wireName}${k}`.toLowerCase()] = String(v);
        break;
      case 'statusCode':
        if (typeof value === 'number') status = value;
        break;
      default:
        if (shape.payload !== key) bodyMembers[key] = member;
    }
  }
  if (shape.payload) {
    const member = shape.members?.[shape.payload] ?? {};
    const memberShape = resolve(model, member);
    const value = output[shape.payload];
    if (value instanceof Readable) return { status, headers, body: value };
    if (memberShape.type === 'blob' || memberShape.type === 'string') {
      return {
        status,
        headers,
        body: value === undefined ? Buffer.alloc(0) : Buffer.isBuffer(value) ? value : Buffer.from(String(value)),
      };
    }
    if (value === undefined) return { status, headers, body: Buffer.alloc(0) };
    if (model.protocol === 'rest-xml') {
      headers['content-type'] = 'application/xml';
      return {
        status,
        headers,
        body: Buffer.from(xmlDocument(toXml(model, value, member, member.locationName ?? shape.payload, true))),
      };
    }
    headers['content-type'] = 'application/json';
    return { status, headers, body: Buffer.from(JSON.stringify(toJson(model, value, member))) };
  }
  if (Object.keys(bodyMembers).length === 0) return { status, headers, body: Buffer.alloc(0) };
  const docShape: Shape = { type: 'structure', members: bodyMembers };
  if (model.protocol === 'rest-xml') {
    headers['content-type'] = 'application/xml';
    if (operation.name === 'GetBucketLocation') {
      const location = output.LocationConstraint ? String(output.LocationConstraint) : '';
      return {
        status,
        headers,
        body: Buffer.from(
          xmlDocument(
            `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${location}</LocationConstraint>`,
          ),
        ),
      };
    }
    const root = XML_ROOTS[operation.name] ?? `${operation.name}Result`;
    return { status, headers, body: Buffer.from(xmlDocument(toXml(model, output, docShape, root, true))) };
  }
  headers['content-type'] = 'application/json';
  return { status, headers, body: Buffer.from(JSON.stringify(toJson(model, output, docShape))) };
}
