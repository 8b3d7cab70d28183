// Input validation as AWS's front end does it: required members, types, enum, length, range and
// pattern, reported in the "N validation errors detected: Value X at 'path' failed to satisfy
// constraint: ..." form with the member path in lowerCamelCase.
import { AwsError } from './contract';
import { fullMember, resolve, type Shape, type ServiceModel } from './models';

const patternCache = new Map<string, RegExp | null>();

/** Java's POSIX classes (ASCII only in Java) have no JS Unicode-property equivalent. */
const JAVA_POSIX_CLASSES: Record<string, string> = {
  Print: '\\x20-\\x7E',
  Graph: '\\x21-\\x7E',
  Alnum: '0-9A-Za-z',
  Alpha: 'A-Za-z',
  Digit: '0-9',
  Upper: 'A-Z',
  Lower: 'a-z',
  Space: ' \\t\\n\\x0B\\f\\r',
  Punct: '!-\\/:-@\\[-`{-~',
  ASCII: '\\x00-\\x7F',
};

/** Replaces \p{Print} and friends by ranges, bracketed unless already inside a character class. */
function javaToJs(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const m = /^\\p\{(\w+)\}/.exec(pattern.slice(i));
      const range = m ? JAVA_POSIX_CLASSES[m[1]] : undefined;
      if (m && range) {
        out += inClass ? range : `[${range}]`;
        i += m[0].length - 1;
      } else {
        out += pattern.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

function compilePattern(javaPattern: string): RegExp | null {
  if (patternCache.has(javaPattern)) return patternCache.get(javaPattern)!;
  const pattern = javaToJs(javaPattern);
  let re: RegExp | null = null;
  // AWS matches the whole value (Java's Matcher.matches). The models' patterns are Java regexes:
  // most compile as unicode JS regexes; the rest without the u flag; otherwise they are skipped.
  for (const flags of ['u', '']) {
    try {
      re = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      re = null;
    }
  }
  patternCache.set(javaPattern, re);
  return re;
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (Buffer.isBuffer(value)) return value.length;
  if (value && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

class Validator {
  readonly errors: string[] = [];
  constructor(
    private readonly model: ServiceModel,
    /** Outputs: members the model doesn't know are errors too (the handler made them up). */
    private readonly strict = false,
  ) {}

  fail(value: unknown, at: string, constraint: string): void {
    this.errors.push(`Value ${show(value)} at '${at}' failed to satisfy constraint: ${constraint}`);
  }

  check(value: unknown, npmShape: Shape, full: Shape | undefined, at: string): void {
    const shape = resolve(this.model, npmShape);
    const type = shape.type ?? 'string';
    if (value === undefined || value === null) return;
    switch (type) {
      case 'structure': {
        if (typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) {
          this.fail(value, at, 'Member must be a structure');
          return;
        }
        const record = value as Record<string, unknown>;
        for (const required of shape.required ?? []) {
          if (record[required] === undefined || record[required] === null) {
            this.fail(null, at ? `${at}.${camel(required)}` : camel(required), 'Member must not be null');
          }
        }
        if (this.strict) {
          for (const name of Object.keys(record)) {
            if (!shape.members?.[name] && record[name] !== undefined)
              this.errors.push(`'${at ? `${at}.` : ''}${camel(name)}' is not a member of the model's shape`);
          }
        }
        for (const [name, member] of Object.entries(shape.members ?? {})) {
          if (record[name] === undefined) continue;
          this.check(
            record[name],
            member,
            fullMember(this.model, full, name),
            at ? `${at}.${camel(name)}` : camel(name),
          );
        }
        return;
      }
      case 'list': {
        if (!Array.isArray(value)) {
          this.fail(value, at, 'Member must be a list');
          return;
        }
        this.limits(value, full, at);
        value.forEach((item, i) =>
          this.check(item, shape.member ?? {}, fullMember(this.model, full, '', 'member'), `${at}.${i + 1}.member`),
        );
        return;
      }
      case 'map': {
        if (typeof value !== 'object' || Array.isArray(value)) {
          this.fail(value, at, 'Member must be a map');
          return;
        }
        this.limits(value, full, at);
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          this.check(k, shape.key ?? {}, fullMember(this.model, full, '', 'key'), `${at}.${k}.key`);
          this.check(v, shape.value ?? {}, fullMember(this.model, full, '', 'value'), `${at}.${k}.value`);
        }
        return;
      }
      case 'string': {
        if (typeof value !== 'string') {
          this.fail(value, at, 'Member must be a string');
          return;
        }
        if (full?.enum && !full.enum.includes(value)) {
          this.fail(value, at, `Member must satisfy enum value set: [${full.enum.join(', ')}]`);
          return;
        }
        this.limits(value, full, at);
        if (full?.pattern) {
          const re = compilePattern(full.pattern);
          if (re && !re.test(value))
            this.fail(value, at, `Member must satisfy regular expression pattern: ${full.pattern}`);
        }
        return;
      }
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        if (
          typeof value !== 'number' ||
          Number.isNaN(value) ||
          ((type === 'integer' || type === 'long') && !Number.isInteger(value))
        ) {
          this.fail(value, at, `Member must be a${type === 'integer' ? 'n' : ''} ${type}`);
          return;
        }
        if (full?.min !== undefined && value < full.min)
          this.fail(value, at, `Member must have value greater than or equal to ${full.min}`);
        if (full?.max !== undefined && value > full.max)
          this.fail(value, at, `Member must have value less than or equal to ${full.max}`);
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') this.fail(value, at, 'Member must be a boolean');
        return;
      case 'timestamp':
        if (!(value instanceof Date) || Number.isNaN(value.getTime()))
          this.fail(value, at, 'Member must be a timestamp');
        return;
      case 'blob':
        if (
          this.strict &&
          !Buffer.isBuffer(value) &&
          typeof value !== 'string' &&
          !(value && typeof (value as { pipe?: unknown }).pipe === 'function')
        ) {
          this.fail(value, at, 'Member must be a blob');
        }
        return;
      default:
        return;
    }
  }

  private limits(value: unknown, full: Shape | undefined, at: string): void {
    const length = lengthOf(value);
    if (length === undefined || !full) return;
    if (full.min !== undefined && length < full.min)
      this.fail(value, at, `Member must have length greater than or equal to ${full.min}`);
    if (full.max !== undefined && length > full.max)
      this.fail(value, at, `Member must have length less than or equal to ${full.max}`);
  }
}

/** Throws the ValidationException AWS would return for `input`, or returns quietly. */
export function validateInput(
  model: ServiceModel,
  operation: string,
  input: Record<string, unknown>,
  fullInputShape: Shape | undefined,
): void {
  const op = model.operations[operation];
  if (!op?.input) return;
  const validator = new Validator(model);
  validator.check(input, op.input, fullInputShape, '');
  const errors = validator.errors;
  if (errors.length === 0) return;
  const count = `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected`;
  throw new AwsError('ValidationException', `${count}: ${errors.join('; ')}`);
}

/** What is wrong with a handler's output against the operation's output shape (conformance). */
export function outputProblems(
  model: ServiceModel,
  operation: string,
  output: unknown,
  fullOutputShape: Shape | undefined,
): string[] {
  const op = model.operations[operation];
  if (!op?.output) return [];
  const validator = new Validator(model, true);
  validator.check(output ?? {}, op.output, fullOutputShape, '');
  return validator.errors;
}
