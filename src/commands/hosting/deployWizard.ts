// The deploy plan asked step by step (Back keeps what was typed): endpoint name, compute (instance type or
// serverless), instance count or memory and concurrency, data capture, execution role. Every value is
// checked as it is typed with the same rules the command applies before calling AWS.
import * as vscode from 'vscode';
import type { DeploySource } from '../../aws/sagemaker/deploySources';
import {
  INSTANCE_TYPES,
  SERVERLESS_MEMORY_MB,
  instanceCountProblem,
  instanceTypeProblem,
  maxConcurrencyProblem,
  resourceNameProblem,
  roleArnProblem,
  type DeployPlan,
} from '../../model/deployPlan';
import { MultiStepInput, type Step } from '../../ui/multiStepInput';

interface State {
  plan: DeployPlan;
}

type ComputeItem = vscode.QuickPickItem & { value: string };

export async function askDeployPlan(source: DeploySource, defaults: DeployPlan): Promise<DeployPlan | undefined> {
  const title = vscode.l10n.t('Deploy {0}', source.label);
  const state: State = { plan: structuredClone(defaults) };
  const askRole: Step<State> = async (input, s) => {
    s.plan.roleArn = (
      await input.inputBox({
        title,
        prompt: vscode.l10n.t('Execution role the model runs with (it must be able to read the model artefact)'),
        value: s.plan.roleArn,
        validate: roleArnProblem,
      })
    ).trim();
    return undefined;
  };
  const askCapture: Step<State> = async (input, s) => {
    const items = [
      { label: vscode.l10n.t('Off'), description: vscode.l10n.t('no data capture'), value: false },
      {
        label: vscode.l10n.t('On'),
        description: vscode.l10n.t(
          'capture requests and responses to s3://{0}/data-capture/{1}',
          source.bucket ?? vscode.l10n.t('<artefact bucket>'),
          s.plan.endpointName,
        ),
        value: true,
      },
    ];
    s.plan.dataCapture = (
      await input.pick({
        title,
        placeholder: vscode.l10n.t('Data capture (for Model Monitor)'),
        items,
        activeItem: items[s.plan.dataCapture ? 1 : 0],
      })
    ).value;
    return askRole;
  };
  const askConcurrency: Step<State> = async (input, s) => {
    const c = s.plan.compute.kind === 'serverless' ? s.plan.compute : undefined;
    const text = await input.inputBox({
      title,
      prompt: vscode.l10n.t('Max concurrent invocations (1–200)'),
      value: String(c?.maxConcurrency ?? 5),
      validate: maxConcurrencyProblem,
    });
    if (c) c.maxConcurrency = Number(text.trim());
    s.plan.dataCapture = false;
    return askRole;
  };
  const askMemory: Step<State> = async (input, s) => {
    const c = s.plan.compute.kind === 'serverless' ? s.plan.compute : undefined;
    const items = SERVERLESS_MEMORY_MB.map((mb) => ({ label: vscode.l10n.t('{0} MB', mb), value: mb }));
    const picked = await input.pick({
      title,
      placeholder: vscode.l10n.t('Memory per concurrent invocation'),
      items,
      activeItem: items.find((i) => i.value === c?.memoryMb),
    });
    if (c) c.memoryMb = picked.value;
    return askConcurrency;
  };
  const askCount: Step<State> = async (input, s) => {
    const c = s.plan.compute.kind === 'instances' ? s.plan.compute : undefined;
    const text = await input.inputBox({
      title,
      prompt: vscode.l10n.t('Number of {0} instances', c?.instanceType ?? ''),
      value: String(c?.count ?? 1),
      validate: instanceCountProblem,
    });
    if (c) c.count = Number(text.trim());
    return askCapture;
  };
  const askCompute: Step<State> = async (input, s) => {
    const items: ComputeItem[] = [
      ...INSTANCE_TYPES.map((t) => ({
        label: t,
        description: vscode.l10n.t('real-time, billed per instance-hour'),
        value: t,
      })),
      {
        label: vscode.l10n.t('Serverless'),
        description: vscode.l10n.t('scales to zero, billed per request; no GPU, no data capture'),
        value: 'serverless',
      },
    ];
    const current = s.plan.compute.kind === 'instances' ? s.plan.compute.instanceType : 'serverless';
    const picked = await input.pick({
      title,
      placeholder: vscode.l10n.t('Instance type (or type another ml.* type), or Serverless'),
      items,
      activeItem: items.find((i) => i.value === current),
      acceptTyped: (typed) => (typed && !instanceTypeProblem(typed) ? { label: typed, value: typed } : undefined),
    });
    if (picked.value === 'serverless') {
      if (s.plan.compute.kind !== 'serverless')
        s.plan.compute = { kind: 'serverless', memoryMb: 2048, maxConcurrency: 5 };
      return askMemory;
    }
    s.plan.compute = {
      kind: 'instances',
      instanceType: picked.value,
      count: s.plan.compute.kind === 'instances' ? s.plan.compute.count : 1,
    };
    return askCount;
  };
  const askName: Step<State> = async (input, s) => {
    s.plan.endpointName = (
      await input.inputBox({
        title,
        prompt: vscode.l10n.t('Name of the new endpoint'),
        value: s.plan.endpointName,
        validate: (name) => resourceNameProblem(name),
      })
    ).trim();
    return askCompute;
  };
  const result = await MultiStepInput.run(askName, state, 5);
  return result?.plan;
}
