// Answers for the hosting and model registry prompts, as a user gives them in the real dialogs: the Deploy
// wizard step by step from a plan, its confirmation and failure dialog, the update/roll back pickers, the
// Test Endpoint and Register Model prompts. Each registers exactly the prompts the command will show, so a
// script that drifts from the command fails withWindow.
import { CONTENT_TYPES } from '../../../../src/model/invokePayload';
import type { InputPrompt, TestWindow } from '../testWindow';
import { activeLabel, watchPickers } from './activeItems';

export const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
export const V4 = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/abalonepackagegroup/4';
export const ROW = 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15';

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export type DeployStep = 'name' | 'compute' | 'count' | 'capture' | 'memory' | 'concurrency' | 'role';

/** The Deploy wizard's answers, as typed or picked; a step left out keeps the value it offers. */
export interface DeployWizardPlan {
  endpointName?: string;
  /** An offered instance type, 'Serverless', or another ml.* type typed in. */
  compute?: string;
  count?: string;
  dataCapture?: 'On' | 'Off';
  /** '2048 MB' etc. */
  memory?: string;
  concurrency?: string;
  roleArn?: string;
  /** The step whose typed value the wizard refuses: its message is recorded and the wizard cancelled there. */
  refusedAt?: DeployStep;
  /**
   * After the wizard: 'confirm' (default) answers the confirmation with Deploy; 'decline' dismisses it;
   * 'none' when the command refuses the plan before confirming, or the wizard was refused.
   */
  then?: 'confirm' | 'decline' | 'none';
  /** The button clicked on the failure dialog, if one is expected. */
  afterFailure?: 'Delete What Was Created' | 'Show Logs' | 'dismiss';
}

export interface DeployAnswers {
  /** Validation messages the wizard showed for refused values. */
  refusals: string[];
  /** Values each step offered (its default; a pick's highlighted item), by step. */
  offered: Partial<Record<DeployStep, string>>;
}

/** Scripts the Deploy wizard (title "Deploy <label>") from `plan`, its confirmation and its failure dialog. */
export function answerDeployWizard(ui: TestWindow, label: string, plan: DeployWizardPlan = {}): DeployAnswers {
  const answers: DeployAnswers = { refusals: [], offered: {} };
  watchPickers(ui);
  const serverless = plan.compute === 'Serverless';
  const steps: DeployStep[] = serverless
    ? ['name', 'compute', 'memory', 'concurrency', 'role']
    : ['name', 'compute', 'count', 'capture', 'role'];
  const last = plan.refusedAt ? steps.indexOf(plan.refusedAt) : steps.length - 1;
  const input = (step: DeployStep, prompt: RegExp, value: string | undefined) =>
    ui.onInputBox(prompt, async (p: InputPrompt) => {
      answers.offered[step] = p.value;
      const refusal = value === undefined ? await p.accept() : await p.type(value);
      if (!refusal) return;
      answers.refusals.push(refusal);
      if (plan.refusedAt !== step) throw new Error(`Deploy wizard refused ${step} "${value}": ${refusal}`);
      p.cancel();
    });
  for (const step of steps.slice(0, last + 1)) {
    if (step === 'name') input(step, /^Name of the new endpoint$/, plan.endpointName);
    if (step === 'count') input(step, /^Number of .* instances$/, plan.count);
    if (step === 'concurrency') input(step, /^Max concurrent invocations/, plan.concurrency);
    // The role offered (the source's or the last one used) is kept; an empty one gets the seeded role.
    if (step === 'role') {
      ui.onInputBox(/^Execution role the model runs with/, async (p: InputPrompt) => {
        answers.offered.role = p.value;
        const value = plan.roleArn ?? (p.value || ROLE);
        const refusal = await p.type(value);
        if (!refusal) return;
        answers.refusals.push(refusal);
        if (plan.refusedAt !== 'role') throw new Error(`Deploy wizard refused the role "${value}": ${refusal}`);
        p.cancel();
      });
    }
    if (step === 'compute') {
      ui.onQuickPick(/^Instance type \(or type another/, (p) => {
        answers.offered.compute = activeLabel(ui, p);
        if (!plan.compute) return p.pick((i) => i.label === 'ml.m5.large');
        if (p.items.some((i) => i.label === plan.compute)) return p.pick(plan.compute);
        return p.type(plan.compute);
      });
    }
    if (step === 'capture') {
      ui.onQuickPick(/^Data capture/, (p) => {
        answers.offered.capture = activeLabel(ui, p);
        p.pick(plan.dataCapture ?? 'Off');
      });
    }
    if (step === 'memory') {
      ui.onQuickPick(/^Memory per concurrent invocation$/, (p) => {
        answers.offered.memory = activeLabel(ui, p);
        p.pick(plan.memory ?? '2048 MB');
      });
    }
  }
  const then = plan.then ?? (plan.refusedAt ? 'none' : 'confirm');
  if (then !== 'none')
    ui.onMessage(
      new RegExp(`^Deploy ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to a new endpoint `),
      then === 'confirm' ? 'Deploy' : undefined,
    );
  if (plan.afterFailure)
    ui.onMessage(/ (failed|stopped at)\b/, plan.afterFailure === 'dismiss' ? undefined : plan.afterFailure);
  return answers;
}

/** The modal confirmations the command asked (question and detail), in order. */
export function confirmations(ui: TestWindow): Array<{ question: string; detail: string }> {
  return ui.messages.filter((m) => m.modal).map((m) => ({ question: m.message, detail: m.detail ?? '' }));
}

/** Test Endpoint with one typed line; `contentType` is picked (or typed through Other…) when it is asked. */
export function answerTypedInvocation(
  ui: TestWindow,
  endpoint: string,
  line: string,
  contentType?: string,
  options: { hasEditor?: boolean } = {},
): void {
  if (options.hasEditor) ui.onQuickPick(exactly(`Test ${endpoint}: what to send`), (p) => p.pick('Type a line…'));
  ui.onInputBox(exactly(`Test ${endpoint}`), async (p) => {
    const refusal = await p.type(line);
    if (refusal) throw new Error(`Test ${endpoint} refused the line: ${refusal}`);
  });
  if (contentType === undefined) return;
  ui.onQuickPick(new RegExp(`^Content type ${endpoint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} takes`), (p) =>
    p.pick(p.items.some((i) => i.label === contentType) ? contentType : 'Other…'),
  );
  if (!(CONTENT_TYPES as readonly string[]).includes(contentType))
    ui.onInputBox(exactly(`Content type for ${endpoint}`), contentType);
}

export interface RegisterPlan {
  /** An existing group's name, or a new one (created through "New group…"). */
  group: string;
  create?: boolean;
  /** The statistics URI typed ('' for none). */
  metrics: string;
  approval?: 'PendingManualApproval' | 'Approved';
  /** 'metrics' when the typed URI is refused as typed (the message is recorded and the prompt cancelled). */
  refusedAt?: 'metrics';
  /** false when the command refuses after the metrics (no approval, no confirmation asked). */
  confirm?: boolean;
}

/** Scripts Register Model: group, metrics location, approval status and the confirmation. */
export function answerRegisterModel(
  ui: TestWindow,
  plan: RegisterPlan,
): { refusals: string[]; groupsOffered: string[] } {
  const seen = { refusals: [] as string[], groupsOffered: [] as string[] };
  ui.onQuickPick(/^Register in which model package group\?$/, (p) => {
    seen.groupsOffered = p.items.map((i) => i.label);
    p.pick(plan.create ? '$(add) New group…' : plan.group);
  });
  if (plan.create) ui.onInputBox(/^New model package group$/, plan.group);
  ui.onInputBox(/^Model quality statistics of /, async (p) => {
    const refusal = await p.type(plan.metrics);
    if (!refusal) return;
    seen.refusals.push(refusal);
    if (plan.refusedAt !== 'metrics') throw new Error(`Register refused "${plan.metrics}": ${refusal}`);
    p.cancel();
  });
  if (plan.refusedAt || plan.confirm === false) return seen;
  ui.onQuickPick(/^Approval status of the new version$/, (p) => p.pick(plan.approval ?? 'PendingManualApproval'));
  ui.onMessage(/^Register .* in .*\?$/, 'Register');
  return seen;
}

/** Approve or Reject a version: the description typed (refusals recorded, then cancelled) and the confirmation. */
export function answerDecision(
  ui: TestWindow,
  verb: 'Approve' | 'Reject',
  version: string,
  comment: string | undefined,
  confirm: boolean | 'not asked',
): { refusals: string[] } {
  const seen = { refusals: [] as string[] };
  ui.onInputBox(exactly(`${verb} ${version}`), async (p) => {
    if (comment === undefined) return p.cancel();
    const refusal = await p.type(comment);
    if (refusal) {
      seen.refusals.push(refusal);
      p.cancel();
    }
  });
  if (comment !== undefined && confirm !== 'not asked')
    ui.onMessage(exactly(`${verb} ${version}?`), confirm ? verb : undefined);
  return seen;
}
