// The Autopilot plan asked step by step (Back keeps what was typed): name, training data, target (the
// columns of the data's header), problem type, objective valid for it, mode, limits, output, role, and
// whether to deploy the best candidate. Each value is checked as it is typed.
import * as vscode from 'vscode';
import type { RoleChoice } from '../../aws/iam/rolesApi';
import {
  OBJECTIVES,
  jobNameProblem,
  maxCandidatesProblem,
  maxRuntimeProblem,
  s3UriProblem,
  type AutoMlPlan,
  type ModeChoice,
  type ProblemChoice,
} from '../../model/autoMlPlan';
import { executionRoleStep } from '../../ui/executionRoleStep';
import { MultiStepInput, type Step } from '../../ui/multiStepInput';

const TITLE = vscode.l10n.t('Start Autopilot experiment');
type Item<T> = vscode.QuickPickItem & { value: T };

export async function askAutoMlPlan(
  defaults: AutoMlPlan,
  helpers: { columns(s3Uri: string): Promise<string[]>; roles: Promise<readonly RoleChoice[]> },
): Promise<AutoMlPlan | undefined> {
  const askDeploy: Step<AutoMlPlan> = async (input, s) => {
    const items = [
      { label: vscode.l10n.t('No'), description: vscode.l10n.t('deploy later from the leaderboard'), value: false },
      {
        label: vscode.l10n.t('Yes'),
        description: vscode.l10n.t('an endpoint with a generated name, billed until deleted'),
        value: true,
      },
    ];
    s.autoDeploy = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Deploy the best candidate when the job ends?'),
        items,
        activeItem: items[s.autoDeploy ? 1 : 0],
      })
    ).value;
    return undefined;
  };
  const askRole = executionRoleStep<AutoMlPlan>(TITLE, helpers.roles, () => askDeploy);
  const askOutput: Step<AutoMlPlan> = async (input, s) => {
    s.outputS3Uri = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Output location (models, reports, notebooks)'),
        value: s.outputS3Uri || s.inputS3Uri.replace(/[^/]*$/, `${s.jobName}/output`),
        validate: (v) => s3UriProblem(v, vscode.l10n.t('The output location')),
      })
    ).trim();
    return askRole;
  };
  const askRuntime: Step<AutoMlPlan> = async (input, s) => {
    const text = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t("Limit on the whole job's runtime in seconds (empty: none)"),
      value: s.maxRuntimeSeconds ? String(s.maxRuntimeSeconds) : '',
      validate: maxRuntimeProblem,
    });
    s.maxRuntimeSeconds = text.trim() ? Number(text) : undefined;
    return askOutput;
  };
  const askCandidates: Step<AutoMlPlan> = async (input, s) => {
    const text = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Maximum number of candidates (empty: SageMaker decides)'),
      value: s.maxCandidates ? String(s.maxCandidates) : '',
      validate: maxCandidatesProblem,
    });
    s.maxCandidates = text.trim() ? Number(text) : undefined;
    return askRuntime;
  };
  const askMode: Step<AutoMlPlan> = async (input, s) => {
    const items: Array<Item<ModeChoice>> = [
      { label: vscode.l10n.t('Auto'), description: vscode.l10n.t('SageMaker picks by data size'), value: 'AUTO' },
      {
        label: vscode.l10n.t('Ensembling'),
        description: vscode.l10n.t('AutoGluon stack ensembles, fast on smaller data'),
        value: 'ENSEMBLING',
      },
      {
        label: vscode.l10n.t('Hyperparameter tuning'),
        description: vscode.l10n.t('tunes XGBoost, linear learner, MLP; writes the notebooks'),
        value: 'HYPERPARAMETER_TUNING',
      },
    ];
    s.mode = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Training mode'),
        items,
        activeItem: items.find((i) => i.value === s.mode),
      })
    ).value;
    return askCandidates;
  };
  const askObjective: Step<AutoMlPlan> = async (input, s) => {
    if (s.problemType === 'auto') {
      s.objective = undefined;
      return askMode(input, s);
    }
    const options = OBJECTIVES[s.problemType];
    const items: Array<Item<string>> = options.map((o, i) => ({
      label: o,
      description: i === 0 ? vscode.l10n.t('default') : undefined,
      value: o,
    }));
    s.objective = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Objective metric for {0}', s.problemType),
        items,
        activeItem: items.find((i) => i.value === s.objective),
      })
    ).value;
    return askMode;
  };
  const askProblem: Step<AutoMlPlan> = async (input, s) => {
    const items: Array<Item<ProblemChoice>> = [
      { label: vscode.l10n.t('Detect automatically'), value: 'auto' },
      {
        label: vscode.l10n.t('Regression'),
        description: vscode.l10n.t('a number (abalone rings)'),
        value: 'Regression',
      },
      { label: vscode.l10n.t('Binary classification'), value: 'BinaryClassification' },
      { label: vscode.l10n.t('Multiclass classification'), value: 'MulticlassClassification' },
    ];
    s.problemType = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Problem type'),
        items,
        activeItem: items.find((i) => i.value === s.problemType),
      })
    ).value;
    return askObjective;
  };
  const askTarget: Step<AutoMlPlan> = async (input, s) => {
    let problem = '';
    const columns = helpers
      .columns(s.inputS3Uri)
      .then((cols) => cols.map((c) => ({ label: c, value: c })))
      .catch((e: Error) => {
        problem = e.message;
        return [] as Array<Item<string>>;
      });
    const items = await columns;
    // Parquet data (no header to read) or a column typed by hand: the typed name is taken as is.
    const placeholder = problem
      ? vscode.l10n.t('{0} — type the target column, or go Back', problem)
      : vscode.l10n.t('Target column (from the header of {0}), or type it', s.inputS3Uri);
    const picked = await input.pick({
      title: TITLE,
      placeholder,
      items,
      activeItem: items.find((i) => i.value === s.target),
      acceptTyped: (typed) => (typed ? { label: typed, value: typed } : undefined),
    });
    s.target = picked.value;
    return askProblem;
  };
  const askData: Step<AutoMlPlan> = async (input, s) => {
    s.inputS3Uri = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Training data: a CSV object or a prefix of CSV files, with a header row'),
        value: s.inputS3Uri,
        placeholder: 's3://my-bucket/abalone/input/',
        // Checked as typed without a call; the header is read once, for the next step.
        validate: (v) => s3UriProblem(v, vscode.l10n.t('The training data')),
      })
    ).trim();
    return askTarget;
  };
  const askName: Step<AutoMlPlan> = async (input, s) => {
    s.jobName = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Job name (at most 32 characters)'),
        value: s.jobName,
        validate: jobNameProblem,
      })
    ).trim();
    return askData;
  };
  return MultiStepInput.run(askName, structuredClone(defaults), 11);
}
