// Answers for the training job prompts, as a user gives them in the real dialogs: the Start Training Job
// wizard (src/commands/training/startTrainingWizard.ts) step by step from a TrainingPlan, its confirmation,
// and the New AutoGluon Container Project prompts. Each registers exactly the prompts the command will show,
// so a script that drifts from the command fails withWindow.
import * as vscode from 'vscode';
import type { TrainingJobSummary } from '@aws-sdk/client-sagemaker';
import { channelsText, type TrainingPlan } from '../../../../src/model/trainingJobPlan';
import type { ExplorerNode } from '../../../../src/views/tree/explorerNode';
import type { ResourceListProvider } from '../../../../src/views/tree/resourceListProvider';
import type { InputPrompt, PickPrompt, TestWindow } from '../testWindow';
import { host, until } from '../workbench';

export const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';

/** The Training Jobs view, as the extension registered it. */
export async function trainingJobsProvider(): Promise<ResourceListProvider<TrainingJobSummary>> {
  return (await host()).views.providers.trainingJobs as unknown as ResourceListProvider<TrainingJobSummary>;
}

/** A job's node in the Training Jobs view, listed afresh (refreshed as its Refresh button does), as menus pass it. */
export async function trainingJobNode(name: string): Promise<ExplorerNode> {
  const provider = await trainingJobsProvider();
  return until(`${name} in the Training Jobs view`, async () => {
    provider.refresh();
    return (await provider.getChildren()).find((n) => n.resource?.kind === 'training-job' && n.resource.name === name);
  });
}

export type TrainingStep =
  | 'name'
  | 'image'
  | 'instanceType'
  | 'instanceCount'
  | 'volume'
  | 'runtime'
  | 'capacity'
  | 'spotWait'
  | 'checkpoint'
  | 'role'
  | 'channels'
  | 'output'
  | 'hyperparameters'
  | 'metrics';

const ORDER: TrainingStep[] = [
  'name',
  'image',
  'instanceType',
  'instanceCount',
  'volume',
  'runtime',
  'capacity',
  'role',
  'channels',
  'output',
  'hyperparameters',
  'metrics',
];

export interface TrainingWizardOptions {
  /** The step whose value the wizard refuses: its message is recorded and the wizard cancelled there. */
  refusedAt?: TrainingStep;
  /** The step at which the user presses Escape (after what it offered is recorded). */
  cancelAt?: TrainingStep;
  /**
   * After the wizard: 'Start' (default) answers the confirmation; 'decline' dismisses it; 'none' when the command
   * refuses the plan before asking, or the wizard was refused or cancelled (then the default).
   */
  then?: 'Start' | 'decline' | 'none';
}

export interface TrainingWizardAnswers {
  /** What each step offered: an input's value, the kept image or hyperparameters (the "keep" item's description). */
  offered: Partial<Record<TrainingStep, string>>;
  /** Validation messages the wizard showed for refused values. */
  refusals: string[];
  /** Labels of the picked repository's images, as listed (newest first). */
  images?: string[];
}

const hyperSummary = (h: Record<string, string>) =>
  Object.entries(h)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || 'none';
const metricsText = (plan: Partial<TrainingPlan>) =>
  plan.metricDefinitions?.map((d) => `${d.name}=${d.regex}`).join(';; ');

/**
 * Scripts the Start Training Job wizard (and its confirmation) on `ui` from `plan`: every field given is typed
 * or picked, every field left out accepted as offered (the image and hyperparameters kept, on-demand capacity).
 */
export function answerTrainingWizard(
  ui: TestWindow,
  plan: Partial<TrainingPlan>,
  options: TrainingWizardOptions = {},
): TrainingWizardAnswers {
  const answers: TrainingWizardAnswers = { offered: {}, refusals: [] };
  const stop = options.refusedAt ?? options.cancelAt;
  const cancelled = (step: TrainingStep) => options.cancelAt === step;
  const input = (step: TrainingStep, prompt: RegExp, value: string | number | undefined) =>
    ui.onInputBox(prompt, async (p: InputPrompt) => {
      answers.offered[step] = p.value;
      if (cancelled(step)) return p.cancel();
      const typed = value === undefined ? undefined : String(value);
      const refusal = typed === undefined ? await p.accept() : await p.type(typed);
      if (!refusal) return;
      answers.refusals.push(refusal);
      if (options.refusedAt !== step)
        throw new Error(`Start training job refused ${step} "${typed ?? p.value}": ${refusal}`);
      p.cancel();
    });
  const pick = (step: TrainingStep, placeholder: RegExp, answer: (p: PickPrompt) => void) =>
    ui.onQuickPick(placeholder, (p) => {
      if (cancelled(step)) return p.cancel();
      answer(p);
    });
  const steps = stop
    ? ORDER.slice(0, ORDER.indexOf(stop === 'spotWait' || stop === 'checkpoint' ? 'capacity' : stop) + 1)
    : ORDER;
  for (const step of steps) {
    if (step === 'name') input(step, /^Training job name \(unique/, plan.jobName);
    if (step === 'image') {
      pick(step, /^Training image: pick a repository|^ECR repositories could not be listed/, (p) => {
        const keep = p.items.find((i) => i.label === '$(check) Keep this image');
        answers.offered.image = keep?.description;
        if (plan.image === undefined || keep?.description === plan.image) return p.pick('$(check) Keep this image');
        const image = plan.image;
        const repository = p.items.find(
          (i) => i.description && (image.startsWith(`${i.description}:`) || image.startsWith(`${i.description}@`)),
        );
        if (!repository) {
          input('image', /^Training image URI$/, image);
          return p.pick('$(edit) Type an image URI…');
        }
        ui.onQuickPick(/^Image of .* \(newest first\)$/, (images) => {
          answers.images = images.items.map((i) => i.label);
          images.pick(image.slice(repository.description!.length + 1));
        });
        p.pick(repository.label);
      });
    }
    if (step === 'instanceType') {
      pick(step, /^Instance type \(or type another ml/, (p) => {
        const type = plan.instanceType ?? 'ml.m5.xlarge';
        if (p.items.some((i) => i.label === type)) p.pick(type);
        else p.type(type);
      });
    }
    if (step === 'instanceCount') input(step, /^Number of instances/, plan.instanceCount);
    if (step === 'volume') input(step, /^Storage volume per instance/, plan.volumeSizeInGB);
    if (step === 'runtime') input(step, /^Maximum runtime in seconds/, plan.maxRuntimeSeconds);
    if (step === 'capacity') {
      pick(step, /^Capacity$/, (p) => {
        if (!plan.spot) return p.pick('On-demand');
        input('spotWait', /^Longest wait for spot capacity/, plan.spot.maxWaitSeconds);
        if (options.refusedAt !== 'spotWait' && options.cancelAt !== 'spotWait')
          input('checkpoint', /^Checkpoint location/, plan.spot.checkpointS3Uri);
        p.pick('Managed spot training');
      });
    }
    if (step === 'role') {
      const arn = plan.roleArn ?? ROLE;
      pick(step, /^Execution role$/, (p) => {
        if (p.items.some((i) => i.detail === arn)) return p.pick((i) => i.detail === arn);
        input('role', /^Execution role ARN$/, arn);
        p.pick('$(edit) Type a role ARN…');
      });
    }
    if (step === 'channels') input(step, /^Input channels: /, plan.channels && channelsText(plan.channels));
    if (step === 'output') input(step, /^Output path \(/, plan.outputS3Uri);
    if (step === 'hyperparameters') {
      pick(step, /^Hyperparameters \(passed/, (p) => {
        const keep = p.items.find((i) => i.label === 'Use these hyperparameters');
        answers.offered.hyperparameters = keep?.description;
        const wanted = plan.hyperParameters;
        if (!wanted || keep?.description === hyperSummary(wanted)) return p.pick('Use these hyperparameters');
        // Edited as JSON in the editor the wizard opens, then "Continue"; the untitled editor is closed unsaved.
        ui.onQuickPick(/^Edit the JSON in the editor/, async (next) => {
          const editor = vscode.window.activeTextEditor;
          if (!editor || editor.document.languageId !== 'json')
            throw new Error('The wizard opened no JSON editor for the hyperparameters');
          const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
          await editor.edit((edit) => edit.replace(whole, `${JSON.stringify(wanted, null, 2)}\n`));
          next.pick('Continue with the edited hyperparameters');
          await new Promise((resolve) => setImmediate(resolve));
          if (vscode.window.activeTextEditor?.document === editor.document)
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        });
        p.pick('$(json) Edit as JSON in an editor…');
      });
    }
    if (step === 'metrics') input(step, /^Metric definitions: /, metricsText(plan));
  }
  const then = options.then ?? (stop ? 'none' : 'Start');
  if (then !== 'none') ui.onMessage(/^Start training job .*\?$/, then === 'Start' ? 'Start' : undefined);
  return answers;
}

/** The modal confirmations the commands asked (question and detail), in order. */
export function confirmations(ui: TestWindow): Array<{ question: string; detail: string }> {
  return ui.messages.filter((m) => m.modal).map((m) => ({ question: m.message, detail: m.detail ?? '' }));
}

export interface ProjectAnswers {
  /** The project (folder and ECR repository) name typed. */
  name: string;
  /** The account id typed; left out, the offered one (the last role's account) is accepted. */
  account?: string;
  /** When the name is refused as typed: its message is recorded and the prompt cancelled. */
  refused?: boolean;
  /** The answer to "Replace N existing file(s)?", when files exist already. */
  replace?: 'Replace' | 'keep';
}

/** Scripts New AutoGluon Container Project (in the one workspace folder): name, account, and the replace question. */
export function answerNewAutoGluonProject(
  ui: TestWindow,
  answers: ProjectAnswers,
): { refusals: string[]; accountOffered?: string } {
  const seen: { refusals: string[]; accountOffered?: string } = { refusals: [] };
  ui.onInputBox(/^Project folder and ECR repository name$/, async (p) => {
    const refusal = await p.type(answers.name);
    if (!refusal) return;
    seen.refusals.push(refusal);
    if (!answers.refused) throw new Error(`New AutoGluon project refused "${answers.name}": ${refusal}`);
    p.cancel();
  });
  if (answers.refused) return seen;
  ui.onInputBox(/^AWS account id of the ECR registry/, async (p) => {
    seen.accountOffered = p.value;
    const refusal = answers.account === undefined ? await p.accept() : await p.type(answers.account);
    if (refusal)
      throw new Error(`New AutoGluon project refused the account "${answers.account ?? p.value}": ${refusal}`);
  });
  if (answers.replace)
    ui.onMessage(/^Replace \d+ existing file\(s\)\?$/, answers.replace === 'Replace' ? 'Replace' : undefined);
  return seen;
}
