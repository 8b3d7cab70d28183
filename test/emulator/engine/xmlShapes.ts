// REST-XML documents (S3) to and from model-shaped objects.
import { XMLParser } from 'fast-xml-parser';
import { resolve, type Shape, type ServiceModel } from './models';

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function scalar(value: unknown, type: string | undefined): string {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (type === 'timestamp' && typeof value === 'number') return new Date(value).toISOString();
  return String(value);
}

/** Serializes `value` as the element `name`; flattened lists repeat the element itself. */
export function toXml(
  model: ServiceModel,
  value: unknown,
  npmShape: Shape,
  name: string,
  rootNamespace = false,
): string {
  if (value === undefined || value === null) return '';
  const shape = resolve(model, npmShape);
  const attrs = rootNamespace ? ` xmlns="${S3_NAMESPACE}"` : '';
  switch (shape.type) {
    case 'structure': {
      let inner = '';
      for (const [key, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || item === null) continue;
        const memberShape = resolve(model, member);
        const elementName = member.locationName ?? key;
        if (memberShape.type === 'list' && (memberShape.flattened || member.flattened)) {
          for (const element of item as unknown[])
            inner += toXml(model, element, memberShape.member ?? {}, memberShape.member?.locationName ?? elementName);
        } else {
          inner += toXml(model, item, member, elementName);
        }
      }
      return `<${name}${attrs}>${inner}</${name}>`;
    }
    case 'list': {
      const memberName = shape.member?.locationName ?? 'member';
      const inner = (value as unknown[])
        .map((element) => toXml(model, element, shape.member ?? {}, memberName))
        .join('');
      return `<${name}${attrs}>${inner}</${name}>`;
    }
    case 'map': {
      const inner = Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key>${toXml(model, v, shape.value ?? {}, 'value')}</entry>`)
        .join('');
      return `<${name}${attrs}>${inner}</${name}>`;
    }
    default:
      return `<${name}${attrs}>${escapeXml(scalar(value, shape.type))}</${name}>`;
  }
}

export function xmlDocument(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false });

export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Converts a parsed XML element into the shape's object form. */
export function fromXml(model: ServiceModel, value: unknown, npmShape: Shape): unknown {
  const shape = resolve(model, npmShape);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null) return {};
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(shape.members ?? {})) {
        const memberShape = resolve(model, member);
        const elementName = member.locationName ?? key;
        if (memberShape.type === 'list' && (memberShape.flattened || member.flattened)) {
          const items = asArray(record[memberShape.member?.locationName ?? elementName]);
          if (items.length > 0) out[key] = items.map((item) => fromXml(model, item, memberShape.member ?? {}));
        } else if (record[elementName] !== undefined) {
          out[key] = fromXml(model, record[elementName], member);
        }
      }
      return out;
    }
    case 'list': {
      const wrapper = value as Record<string, unknown>;
      return asArray(wrapper?.[shape.member?.locationName ?? 'member']).map((item) =>
        fromXml(model, item, shape.member ?? {}),
      );
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Number(value);
    case 'boolean':
      return value === 'true';
    case 'timestamp':
      return new Date(String(value));
    default:
      return typeof value === 'string' ? value : String(value ?? '');
  }
}
