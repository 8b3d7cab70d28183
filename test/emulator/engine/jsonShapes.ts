// Converting between JSON wire values and model-shaped objects: timestamps are epoch seconds on
// the wire and Date in handlers, blobs base64 on the wire and Buffer in handlers.
import { resolve, type Shape, type ServiceModel } from './models';

export function parseTimestamp(value: unknown): Date | unknown {
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string') {
    const asNumber = Number(value);
    const date = Number.isFinite(asNumber) && value.trim() !== '' ? new Date(asNumber * 1000) : new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

export function fromJson(model: ServiceModel, value: unknown, npmShape: Shape): unknown {
  if (value === null || value === undefined) return value;
  const shape = resolve(model, npmShape);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const member = shape.members?.[key];
        out[key] = member ? fromJson(model, item, member) : item;
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => fromJson(model, item, shape.member ?? {})) : value;
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        out[key] = fromJson(model, item, shape.value ?? {});
      return out;
    }
    case 'timestamp':
      return parseTimestamp(value);
    case 'blob':
      return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
    default:
      return value;
  }
}

/** Serializes a handler's output for JSON protocols; members the model doesn't know are not sent. */
export function toJson(model: ServiceModel, value: unknown, npmShape: Shape): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = resolve(model, npmShape);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(shape.members ?? {})) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || member.location) continue;
        const converted = toJson(model, item, member);
        if (converted !== undefined)
          out[member.locationName && model.protocol === 'rest-json' ? member.locationName : key] = converted;
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => toJson(model, item, shape.member ?? {})) : value;
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        out[key] = toJson(model, item, shape.value ?? {});
      return out;
    }
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : value;
    default:
      return value;
  }
}
