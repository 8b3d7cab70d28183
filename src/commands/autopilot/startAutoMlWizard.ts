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

const TITLE = 'Start Autopilot experiment';
type Item<T> = vscode.QuickPickItem & { value: T };

export async function askAutoMlPlan(
  defaults: AutoMlPlan,
  helpers: { columns(s3Uri: string): Promise<string[]>; roles: RoleChoice[] },
): Promise<AutoMlPlan | undefined> {
  const askDeploy: Step<AutoMlPlan> = async (input, s) => {
    const items = [
      { label: 'No', description: 'deploy later from the leaderboard', value: false },
      { label: 'Yes', description: 'an endpoint with a generated name, billed until deleted', value: true },
    ];
    s.autoDeploy = (
      await input.pick({
        title: TITLE,
        placeholder: 'Deploy the best candidate when the job ends?',
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
        prompt: 'Output location (models, reports, notebooks)',
        value: s.outputS3Uri || s.inputS3Uri.replace(/[^/]*$/, `${s.jobName}/output`),
        validate: (v) => s3UriProblem(v, 'The output location'),
      })
    ).trim();
    return askRole;
  };
  const askRuntime: Step<AutoMlPlan> = async (input, s) => {
    const text = await input.inputBox({
      title: TITLE,
      prompt: "Limit on the whole job's runtime in seconds (empty: none)",
      value: s.maxRuntimeSeconds ? String(s.maxRuntimeSeconds) : '',
      validate: maxRuntimeProblem,
    });
    s.maxRuntimeSeconds = text.trim() ? Number(text) : undefined;
    return askOutput;
  };
  const askCandidates: Step<AutoMlPlan> = async (input, s) => {
    const text = await input.inputBox({
      title: TITLE,
      prompt: 'Maximum number of candidates (empty: SageMaker decides)',
      value: s.maxCandidates ? String(s.maxCandidates) : '',
      validate: maxCandidatesProblem,
    });
    s.maxCandidates = text.trim() ? Number(text) : undefined;
    return askRuntime;
  };
  const askMode: Step<AutoMlPlan> = async (input, s) => {
    const items: Array<Item<ModeChoice>> = [
      { label: 'Auto', description: 'SageMaker picks by data size', value: 'AUTO' },
      { label: 'Ensembling', description: 'AutoGluon stack ensembles, fast on smaller data', value: 'ENSEMBLING' },
      {
        label: 'Hyperparameter tuning',
        description: 'tunes XGBoost, linear learner, MLP; writes the notebooks',
        value: 'HYPERPARAMETER_TUNING',
      },
    ];
    s.mode = (
      await input.pick({
        title: TITLE,
        placeholder: 'Training mode',
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
      description: i === 0 ? 'default' : undefined,
      value: o,
    }));
    s.objective = (
      await input.pick({
        title: TITLE,
        placeholder: `Objective metric for ${s.problemType}`,
        items,
        activeItem: items.find((i) => i.value === s.objective),
      })
    ).value;
    return askMode;
  };
  const askProblem: Step<AutoMlPlan> = async (input, s) => {
    const items: Array<Item<ProblemChoice>> = [
      { label: 'Detect automatically', value: 'auto' },
      { label: 'Regression', description: 'a number (abalone rings)', value: 'Regression' },
      { label: 'Binary classification', value: 'BinaryClassification' },
      { label: 'Multiclass classification', value: 'MulticlassClassification' },
    ];
    s.problemType = (
      await input.pick({
        title: TITLE,
        placeholder: 'Problem type',
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
      ? `${problem} — type the target column, or go Back`
      : `Target column (from the header of ${s.inputS3Uri}), or type it`;
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
        prompt: 'Training data: a CSV object or a prefix of CSV files, with a header row',
        value: s.inputS3Uri,
        placeholder: 's3://my-bucket/abalone/input/',
        // Checked as typed without a call; the header is read once, for the next step.
        validate: (v) => s3UriProblem(v, 'The training data'),
      })
    ).trim();
    return askTarget;
  };
  const askName: Step<AutoMlPlan> = async (input, s) => {
    s.jobName = (
      await input.inputBox({
        title: TITLE,
        prompt: 'Job name (at most 32 characters)',
        value: s.jobName,
        validate: jobNameProblem,
      })
    ).trim();
    return askData;
  };
  return MultiStepInput.run(askName, structuredClone(defaults), 11);
}
