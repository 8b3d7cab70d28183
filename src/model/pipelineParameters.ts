// The parameters a SageMaker pipeline declares (from DescribePipeline's PipelineDefinition JSON) and the
// checks SageMaker applies to a value of each type, so a typo is caught before StartPipelineExecution.
import * as l10n from '@vscode/l10n';

export interface PipelineParameter {
  name: string;
  type: 'String' | 'Integer' | 'Float' | 'Boolean';
  defaultValue?: string;
  enumValues?: string[];
}

export function parseDefinitionParameters(definition: string | undefined): PipelineParameter[] {
  if (!definition) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    throw new Error(l10n.t('The pipeline definition is not valid JSON'));
  }
  const list = (parsed as { Parameters?: unknown }).Parameters;
  if (!Array.isArray(list)) return [];
  return list
    .map((p: { Name?: unknown; Type?: unknown; DefaultValue?: unknown; EnumValues?: unknown }) => ({
      name: String(p.Name ?? ''),
      type: (['String', 'Integer', 'Float', 'Boolean'].includes(String(p.Type))
        ? p.Type
        : 'String') as PipelineParameter['type'],
      defaultValue: p.DefaultValue === undefined ? undefined : String(p.DefaultValue),
      enumValues: Array.isArray(p.EnumValues) ? p.EnumValues.map(String) : undefined,
    }))
    .filter((p) => p.name);
}

/** Why `value` is not acceptable for `parameter`, or undefined when it is. */
export function parameterProblem(parameter: PipelineParameter, value: string): string | undefined {
  if (value === '' && parameter.defaultValue === undefined)
    return l10n.t('{0} has no default: give a value', parameter.name);
  if (value === '') return undefined;
  switch (parameter.type) {
    case 'Integer':
      if (!/^-?\d+$/.test(value))
        return l10n.t('{0} is an Integer: "{1}" is not a whole number', parameter.name, value);
      break;
    case 'Float':
      if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value))
        return l10n.t('{0} is a Float: "{1}" is not a number', parameter.name, value);
      break;
    case 'Boolean':
      if (!/^(true|false)$/i.test(value)) return l10n.t('{0} is a Boolean: use true or false', parameter.name);
      break;
  }
  if (parameter.enumValues && !parameter.enumValues.includes(value))
    return l10n.t('{0} must be one of {1}', parameter.name, parameter.enumValues.join(', '));
  return undefined;
}

/** Only the values that differ from their defaults are sent; the rest take the defaults. */
export function changedParameters(
  parameters: readonly PipelineParameter[],
  values: Record<string, string>,
): Array<{ Name: string; Value: string }> {
  return parameters
    .filter((p) => values[p.name] !== undefined && values[p.name] !== '' && values[p.name] !== p.defaultValue)
    .map((p) => ({ Name: p.name, Value: values[p.name] }));
}
