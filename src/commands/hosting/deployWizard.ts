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
  const title = `Deploy ${source.label}`;
  const state: State = { plan: structuredClone(defaults) };
  const askRole: Step<State> = async (input, s) => {
    s.plan.roleArn = (
      await input.inputBox({
        title,
        prompt: 'Execution role the model runs with (it must be able to read the model artefact)',
        value: s.plan.roleArn,
        validate: roleArnProblem,
      })
    ).trim();
    return undefined;
  };
  const askCapture: Step<State> = async (input, s) => {
    const items = [
      { label: 'Off', description: 'no data capture', value: false },
      {
        label: 'On',
        description: `capture requests and responses to s3://${source.bucket ?? '<artefact bucket>'}/data-capture/${s.plan.endpointName}`,
        value: true,
      },
    ];
    s.plan.dataCapture = (
      await input.pick({
        title,
        placeholder: 'Data capture (for Model Monitor)',
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
      prompt: 'Max concurrent invocations (1–200)',
      value: String(c?.maxConcurrency ?? 5),
      validate: maxConcurrencyProblem,
    });
    if (c) c.maxConcurrency = Number(text.trim());
    s.plan.dataCapture = false;
    return askRole;
  };
  const askMemory: Step<State> = async (input, s) => {
    const c = s.plan.compute.kind === 'serverless' ? s.plan.compute : undefined;
    const items = SERVERLESS_MEMORY_MB.map((mb) => ({ label: `${mb} MB`, value: mb }));
    const picked = await input.pick({
      title,
      placeholder: 'Memory per concurrent invocation',
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
      prompt: `Number of ${c?.instanceType ?? ''} instances`,
      value: String(c?.count ?? 1),
      validate: instanceCountProblem,
    });
    if (c) c.count = Number(text.trim());
    return askCapture;
  };
  const askCompute: Step<State> = async (input, s) => {
    const items: ComputeItem[] = [
      ...INSTANCE_TYPES.map((t) => ({ label: t, description: 'real-time, billed per instance-hour', value: t })),
      {
        label: 'Serverless',
        description: 'scales to zero, billed per request; no GPU, no data capture',
        value: 'serverless',
      },
    ];
    const current = s.plan.compute.kind === 'instances' ? s.plan.compute.instanceType : 'serverless';
    const picked = await input.pick({
      title,
      placeholder: 'Instance type (or type another ml.* type), or Serverless',
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
        prompt: 'Name of the new endpoint',
        value: s.plan.endpointName,
        validate: (name) => resourceNameProblem(name),
      })
    ).trim();
    return askCompute;
  };
  const result = await MultiStepInput.run(askName, state, 5);
  return result?.plan;
}
