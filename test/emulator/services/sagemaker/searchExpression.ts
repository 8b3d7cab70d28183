// SageMaker Search expressions (Filters, NestedFilters, SubExpressions, And/Or) evaluated against a
// resource's record, with the ValidationExceptions the API reference documents: an expression needs
// at least one element, at most 50 in all, one Contains, order operators only on numbers and times,
// In and Contains only on text, and a property the resource has. Property types come from the
// resource's shape in the official model, so an unknown property is refused as SageMaker does.
import { AwsError } from '../../engine/contract';
import { fullMember, fullShape, loadModel, type Shape } from '../../engine/models';

export interface Filter {
  Name: string;
  Operator?: string;
  Value?: string;
}

export interface SearchExpression {
  Filters?: Filter[];
  NestedFilters?: Array<{ NestedPropertyName: string; Filters: Filter[] }>;
  SubExpressions?: SearchExpression[];
  Operator?: 'And' | 'Or';
}

type Kind = 'text' | 'number' | 'time' | 'boolean' | 'unknown';
type Doc = { [member: string]: unknown };

/** Map-like properties addressed as `<Prefix>.<key>` (the key may itself contain dots). */
const KEYED: { [prefix: string]: Kind } = {
  HyperParameters: 'text',
  Metrics: 'number',
  Tags: 'text',
  Environment: 'text',
};
/** Keys SageMaker allows Contains on any number of times (experiments); for every other name one Contains in all. */
const MULTI_CONTAINS =
  /^(Experiment|Trial|TrialComponent)\.(DisplayName|ExperimentName|TrialName|TrialComponentName|Tags|InputArtifacts|OutputArtifacts)$/;
const MAX_ELEMENTS = 50;

function invalid(message: string): never {
  throw new AwsError('ValidationException', message);
}

/** The kind of a property of `resourceShape`, or a ValidationException when the resource has no such property. */
export function propertyKind(resourceShape: string, name: string): Kind {
  const [head] = name.split('.');
  if (head in KEYED) {
    if (name.length <= head.length + 1) invalid(`Property name ${name} is invalid: give the key after ${head}.`);
    return KEYED[head];
  }
  const model = loadModel('sagemaker');
  let shape: Shape | undefined = fullShape(model, resourceShape);
  if (!shape) return 'unknown'; // Lenient start without botocore's model: no property check.
  for (const segment of name.split('.')) {
    while (shape?.type === 'list') shape = fullMember(model, shape, '', 'member');
    const member: Shape | undefined =
      shape?.type === 'structure' && shape.members?.[segment] ? fullMember(model, shape, segment) : undefined;
    if (!member) invalid(`Property name ${name} is not valid for resource ${resourceShape}.`);
    shape = member;
  }
  while (shape?.type === 'list') shape = fullMember(model, shape, '', 'member');
  switch (shape?.type) {
    case 'string':
      return 'text';
    case 'timestamp':
      return 'time';
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'unknown';
  }
}

/** Checks the whole expression before any record is looked at, as SageMaker refuses a malformed one outright. */
export function validateExpression(resourceShape: string, expression: SearchExpression): void {
  let elements = 0;
  let contains = 0;
  const checkFilter = (filter: Filter) => {
    const operator = filter.Operator ?? 'Equals';
    const kind = propertyKind(resourceShape, filter.Name);
    if (operator === 'Exists' || operator === 'NotExists') return;
    if (filter.Value === undefined) invalid(`Filter on ${filter.Name} with operator ${operator} needs a Value.`);
    if (operator === 'Contains' && !MULTI_CONTAINS.test(filter.Name) && ++contains > 1)
      invalid("'CONTAINS' operator usage limit of 1 exceeded.");
    if ((operator === 'Contains' || operator === 'In') && (kind === 'number' || kind === 'time' || kind === 'boolean'))
      invalid(`Operator ${operator} is only supported for text properties; ${filter.Name} is not text.`);
    if (/^(Greater|Less)Than/.test(operator)) {
      if (kind === 'text' && filter.Name.split('.')[0] !== 'HyperParameters')
        invalid(`Operator ${operator} is not supported for text property ${filter.Name}.`);
      if (kind === 'time' ? Number.isNaN(Date.parse(filter.Value)) : !Number.isFinite(Number(filter.Value)))
        invalid(`Value ${filter.Value} of ${filter.Name} is not a ${kind === 'time' ? 'timestamp' : 'number'}.`);
    }
  };
  const walk = (e: SearchExpression) => {
    const parts = (e.Filters?.length ?? 0) + (e.NestedFilters?.length ?? 0) + (e.SubExpressions?.length ?? 0);
    if (parts === 0) invalid('A SearchExpression must contain at least one Filter, NestedFilter or SubExpression.');
    elements += parts;
    if (elements > MAX_ELEMENTS)
      invalid(
        `A SearchExpression can contain at most ${MAX_ELEMENTS} SubExpressions, NestedFilters and Filters in all.`,
      );
    for (const filter of e.Filters ?? []) checkFilter(filter);
    for (const nested of e.NestedFilters ?? []) {
      propertyKind(resourceShape, nested.NestedPropertyName);
      for (const filter of nested.Filters) {
        if (!filter.Name.startsWith(`${nested.NestedPropertyName}.`))
          invalid(`Nested filter ${filter.Name} must name a property of ${nested.NestedPropertyName}.`);
        checkFilter(filter);
      }
    }
    for (const sub of e.SubExpressions ?? []) walk(sub);
  };
  walk(expression);
}

/** Values at a dotted path; lists on the way fan out (a filter matches when any value does). */
export function valuesAt(record: Doc, name: string): unknown[] {
  const [head, ...rest] = name.split('.');
  if (head in KEYED) {
    const value = (record[head] as Doc | undefined)?.[rest.join('.')];
    return value === undefined ? [] : [value];
  }
  let current: unknown[] = [record];
  for (const segment of name.split('.')) {
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .flatMap((v) =>
        v && typeof v === 'object' && !(v instanceof Date) && (v as Doc)[segment] !== undefined
          ? [(v as Doc)[segment]]
          : [],
      );
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function comparable(value: unknown, wanted: string): [number, number] | undefined {
  if (value instanceof Date) return [value.getTime(), Date.parse(wanted)];
  const a = Number(value);
  const b = Number(wanted);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}

function matchesValue(value: unknown, operator: string, wanted: string): boolean {
  const pair = comparable(value, wanted);
  switch (operator) {
    case 'Equals':
      return pair ? pair[0] === pair[1] : String(value) === wanted;
    case 'NotEquals':
      return pair ? pair[0] !== pair[1] : String(value) !== wanted;
    case 'GreaterThan':
      return !!pair && pair[0] > pair[1];
    case 'GreaterThanOrEqualTo':
      return !!pair && pair[0] >= pair[1];
    case 'LessThan':
      return !!pair && pair[0] < pair[1];
    case 'LessThanOrEqualTo':
      return !!pair && pair[0] <= pair[1];
    case 'In':
      return wanted
        .split(',')
        .map((v) => v.trim())
        .includes(String(value));
    case 'Contains':
      return String(value).includes(wanted);
    default:
      return false;
  }
}

function matchesFilter(record: Doc, filter: Filter): boolean {
  const operator = filter.Operator ?? 'Equals';
  const values = valuesAt(record, filter.Name);
  if (operator === 'Exists') return values.length > 0;
  if (operator === 'NotExists') return values.length === 0;
  if (operator === 'NotEquals') return values.every((v) => matchesValue(v, operator, filter.Value!));
  return values.some((v) => matchesValue(v, operator, filter.Value!));
}

export function matches(record: Doc, expression: SearchExpression): boolean {
  const results: boolean[] = [
    ...(expression.Filters ?? []).map((f) => matchesFilter(record, f)),
    // A nested filter holds when one element of the list satisfies all its filters.
    ...(expression.NestedFilters ?? []).map((n) =>
      valuesAt(record, n.NestedPropertyName).some((element) =>
        n.Filters.every((f) => matchesFilter({ [n.NestedPropertyName]: element }, f)),
      ),
    ),
    ...(expression.SubExpressions ?? []).map((sub) => matches(record, sub)),
  ];
  return expression.Operator === 'Or' ? results.some(Boolean) : results.every(Boolean);
}

/** Sort key of a record for SortBy (records without the property sort last either way). */
export function sortKey(record: Doc, name: string): number | string | undefined {
  const value = valuesAt(record, name)[0];
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.getTime();
  return typeof value === 'number' ? value : String(value);
}
