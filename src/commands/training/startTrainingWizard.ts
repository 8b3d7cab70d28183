// The training job plan asked step by step (Back keeps what was typed): name, image from ECR (repository,
// then its tags newest first, or a typed URI), compute, runtime, spot capacity, role, input channels,
// output, hyperparameters (kept, or edited as JSON in an editor and checked before going on) and metric
// definitions. Each value is checked as it is typed.
import * as vscode from 'vscode';
import type { RepositoryChoice } from '../../aws/ecr/imagesApi';
import { s3UriProblem } from '../../model/autoMlPlan';
import { instanceTypeProblem } from '../../model/deployPlan';
import {
  TRAINING_INSTANCE_TYPES,
  channelsText,
  ecrImageProblem,
  instanceCountProblem,
  maxRuntimeSecondsProblem,
  parseChannels,
  parseHyperParameters,
  parseMetricDefinitions,
  spotWaitProblem,
  trainingJobNameProblem,
  volumeSizeProblem,
  type TrainingPlan,
} from '../../model/trainingJobPlan';
import type { TrainingWizardHelpers } from './startTrainingJobCommand';
import { executionRoleStep } from '../../ui/executionRoleStep';
import { MultiStepInput, type Step } from '../../ui/multiStepInput';

const TITLE = vscode.l10n.t('Start training job');
type Item<T> = vscode.QuickPickItem & { value: T };

const gb = (bytes?: number) => (bytes === undefined ? '' : vscode.l10n.t('{0} GB', (bytes / 1e9).toFixed(2)));

export async function askTrainingPlan(
  defaults: TrainingPlan,
  helpers: TrainingWizardHelpers,
): Promise<TrainingPlan | undefined> {
  const askMetrics: Step<TrainingPlan> = async (input, s) => {
    const current = s.metricDefinitions.map((d) => `${d.name}=${d.regex}`).join(';; ');
    const text = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Metric definitions: name=regex with one capture group, separated by ";;" (empty: none)'),
      value: current,
      validate: (v) => parseMetricDefinitions(v).problem,
    });
    s.metricDefinitions = parseMetricDefinitions(text).definitions;
    return undefined;
  };
  const askHyper: Step<TrainingPlan> = async (input, s) => {
    const summary =
      Object.entries(s.hyperParameters)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || vscode.l10n.t('none');
    const choice = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Hyperparameters (passed to the container as hyperparameters.json)'),
        items: [
          { label: vscode.l10n.t('Use these hyperparameters'), description: summary, value: 'keep' as const },
          { label: vscode.l10n.t('$(json) Edit as JSON in an editor…'), value: 'edit' as const },
        ],
      })
    ).value;
    if (choice === 'keep') return askMetrics;
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content: `${JSON.stringify(s.hyperParameters, null, 2)}\n`,
    });
    await vscode.window.showTextDocument(document, { preview: false });
    let problem: string | undefined;
    for (;;) {
      await input.pick({
        title: TITLE,
        placeholder: problem ?? vscode.l10n.t('Edit the JSON in the editor, then continue here'),
        items: [{ label: vscode.l10n.t('Continue with the edited hyperparameters'), value: 'done' }],
      });
      const parsed = parseHyperParameters(document.getText());
      problem = parsed.problem;
      if (!problem) {
        s.hyperParameters = parsed.value;
        return askMetrics;
      }
    }
  };
  const askOutput: Step<TrainingPlan> = async (input, s) => {
    s.outputS3Uri = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Output path (model.tar.gz goes to <path>/<job name>/output/)'),
        value: s.outputS3Uri,
        placeholder: 's3://my-bucket/abalone-autogluon/output',
        validate: (v) => s3UriProblem(v, vscode.l10n.t('The output path')),
      })
    ).trim();
    return askHyper;
  };
  const askChannels: Step<TrainingPlan> = async (input, s) => {
    const text = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Input channels: name=s3://… separated by spaces (checked to hold data before starting)'),
      value: channelsText(s.channels),
      placeholder: vscode.l10n.t(
        'training=s3://my-bucket/abalone/training.csv testing=s3://my-bucket/abalone/testing.csv',
      ),
      validate: (v) => parseChannels(v).problem,
    });
    s.channels = parseChannels(text).channels;
    return askOutput;
  };
  const askRole = executionRoleStep<TrainingPlan>(TITLE, helpers.roles, () => askChannels);
  const askSpot: Step<TrainingPlan> = async (input, s) => {
    const useSpot = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Capacity'),
        items: [
          {
            label: vscode.l10n.t('On-demand'),
            description: vscode.l10n.t('starts as soon as instances are free'),
            value: false,
          },
          {
            label: vscode.l10n.t('Managed spot training'),
            description: vscode.l10n.t('cheaper; may wait for capacity, resumes from checkpoints'),
            value: true,
          },
        ],
        activeItem: undefined,
      })
    ).value;
    if (!useSpot) {
      s.spot = undefined;
      return askRole;
    }
    const wait = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t(
        'Longest wait for spot capacity plus training, in seconds (at least {0})',
        s.maxRuntimeSeconds,
      ),
      value: String(s.spot?.maxWaitSeconds ?? s.maxRuntimeSeconds * 2),
      validate: (v) => spotWaitProblem(v, s.maxRuntimeSeconds),
    });
    const checkpoint = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Checkpoint location (the container saves to /opt/ml/checkpoints)'),
      value:
        s.spot?.checkpointS3Uri ??
        (s.outputS3Uri ? `${s.outputS3Uri.replace(/\/$/, '')}/checkpoints/${s.jobName}` : ''),
      validate: (v) => s3UriProblem(v, vscode.l10n.t('The checkpoint location')),
    });
    s.spot = { maxWaitSeconds: Number(wait), checkpointS3Uri: checkpoint.trim() };
    return askRole;
  };
  const askRuntime: Step<TrainingPlan> = async (input, s) => {
    s.maxRuntimeSeconds = Number(
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Maximum runtime in seconds (the job is stopped after it)'),
        value: String(s.maxRuntimeSeconds),
        validate: maxRuntimeSecondsProblem,
      }),
    );
    return askSpot;
  };
  const askVolume: Step<TrainingPlan> = async (input, s) => {
    s.volumeSizeInGB = Number(
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Storage volume per instance, in GB'),
        value: String(s.volumeSizeInGB),
        validate: volumeSizeProblem,
      }),
    );
    return askRuntime;
  };
  const askCount: Step<TrainingPlan> = async (input, s) => {
    s.instanceCount = Number(
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Number of instances (AutoGluon Tabular trains on one)'),
        value: String(s.instanceCount),
        validate: instanceCountProblem,
      }),
    );
    return askVolume;
  };
  const askInstance: Step<TrainingPlan> = async (input, s) => {
    const types = TRAINING_INSTANCE_TYPES.includes(s.instanceType)
      ? TRAINING_INSTANCE_TYPES
      : [s.instanceType, ...TRAINING_INSTANCE_TYPES];
    const items: Array<Item<string>> = types.map((t) => ({ label: t, value: t }));
    s.instanceType = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Instance type (or type another ml.* type)'),
        items,
        activeItem: items.find((i) => i.value === s.instanceType),
        acceptTyped: (t) => (!instanceTypeProblem(t) ? { label: t, value: t } : undefined),
      })
    ).value;
    return askCount;
  };
  const typeImage: Step<TrainingPlan> = async (input, s) => {
    s.image = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Training image URI'),
        value: s.image,
        placeholder: '123456789012.dkr.ecr.us-east-1.amazonaws.com/autogluon-training:latest',
        validate: ecrImageProblem,
      })
    ).trim();
    return askInstance;
  };
  const askImage: Step<TrainingPlan> = async (input, s) => {
    let problem = '';
    const repositories = helpers.repositories().catch((e: Error) => ((problem = e.message), [] as RepositoryChoice[]));
    const items: Promise<Array<Item<RepositoryChoice | 'keep' | 'type'>>> = repositories.then((repos) => [
      ...(s.image
        ? [{ label: vscode.l10n.t('$(check) Keep this image'), description: s.image, value: 'keep' as const }]
        : []),
      ...repos.map((r) => ({ label: r.name, description: r.uri, value: r })),
      { label: vscode.l10n.t('$(edit) Type an image URI…'), value: 'type' as const },
    ]);
    const picked = (
      await input.pick({
        title: TITLE,
        placeholder: problem
          ? vscode.l10n.t('ECR repositories could not be listed ({0})', problem)
          : vscode.l10n.t('Training image: pick a repository of this account'),
        items,
      })
    ).value;
    if (picked === 'keep') return askInstance;
    if (picked === 'type') return typeImage;
    const images = await input.pick({
      title: TITLE,
      placeholder: vscode.l10n.t('Image of {0} (newest first)', picked.name),
      items: helpers.images(picked).then((list) =>
        list.map((i) => ({
          label: i.uri.slice(picked.uri.length + 1),
          description: [i.pushedAt?.toLocaleString(), gb(i.sizeInBytes)].filter(Boolean).join(' · '),
          value: i.uri,
        })),
      ),
    });
    s.image = images.value;
    return askInstance;
  };
  const askName: Step<TrainingPlan> = async (input, s) => {
    s.jobName = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Training job name (unique in the account and region, at most 63 characters)'),
        value: s.jobName,
        validate: trainingJobNameProblem,
      })
    ).trim();
    return askImage;
  };
  return MultiStepInput.run(askName, structuredClone(defaults), 12);
}
