// The AWS query protocol (IAM): a form-encoded request (Action, Version, members flattened as
// `Name.member.1`, `Map.entry.1.key`) in, an XML `<ActionResponse><ActionResult>` document out.
import { randomUUID } from 'node:crypto';
import { parseTimestamp } from './jsonShapes';
import { resolve, type ServiceModel, type Shape } from './models';
import { toXml, xmlDocument } from './xmlShapes';

const NAMESPACES: Record<string, string> = { iam: 'https://iam.amazonaws.com/doc/2010-05-08/' };

/** Reads the members of `npmShape` found under `prefix` in the form parameters. */
export function fromQuery(model: ServiceModel, params: URLSearchParams, npmShape: Shape, prefix = ''): unknown {
  const shape = resolve(model, npmShape);
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(shape.members ?? {})) {
        const value = fromQuery(model, params, member, at(member.locationName ?? key));
        if (value !== undefined) out[key] = value;
      }
      return prefix && Object.keys(out).length === 0 ? undefined : out;
    }
    case 'list': {
      const items: unknown[] = [];
      for (let i = 1; ; i++) {
        const item = fromQuery(model, params, shape.member ?? {}, `${prefix}.member.${i}`);
        if (item === undefined) break;
        items.push(item);
      }
      return items.length ? items : params.has(prefix) ? [] : undefined;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let i = 1; params.has(`${prefix}.entry.${i}.key`); i++)
        out[params.get(`${prefix}.entry.${i}.key`)!] = fromQuery(
          model,
          params,
          shape.value ?? {},
          `${prefix}.entry.${i}.value`,
        );
      return Object.keys(out).length ? out : undefined;
    }
    default: {
      const raw = params.get(prefix);
      if (raw === null) return undefined;
      if (shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double')
        return Number(raw);
      if (shape.type === 'boolean') return raw === 'true';
      if (shape.type === 'timestamp') return parseTimestamp(raw);
      return raw;
    }
  }
}

export function queryResponse(
  model: ServiceModel,
  operation: string,
  output: Record<string, unknown>,
  requestId: string,
): Buffer {
  const shape = model.operations[operation].output ?? { type: 'structure', members: {} };
  const result = toXml(model, output, shape, `${operation}Result`);
  const ns = NAMESPACES[model.service] ?? '';
  return Buffer.from(
    xmlDocument(
      `<${operation}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`,
    ),
  );
}

export function queryError(code: string, message: string, requestId: string = randomUUID()): Buffer {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return Buffer.from(
    xmlDocument(
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    ),
  );
}
