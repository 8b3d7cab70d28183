// Answers the Start Autopilot Experiment wizard (src/commands/autopilot/startAutoMlWizard.ts) step by step from
// a plan, as a user would: every step named in the plan is typed or picked, every other one accepted as
// offered. What the wizard offered (the data's columns, the roles, the objectives) is recorded in `seen`.
import type { ModeChoice, ProblemChoice } from '../../../../src/model/autoMlPlan';
import type { TestWindow } from '../testWindow';
import { activeLabel, watchPickers } from './activeItems';

export interface AutopilotWizardPlan {
  jobName?: string;
  inputS3Uri?: string;
  target?: string;
  problemType?: ProblemChoice;
  /** Needed unless the problem type is detected (auto): the objective step is then skipped. */
  objective?: string;
  mode?: ModeChoice;
  maxCandidates?: number;
  maxRuntimeSeconds?: number;
  outputS3Uri?: string;
  /** A role ARN: picked from the offered roles when listed there, else typed. */
  roleArn?: string;
  autoDeploy?: boolean;
  /** False when no role can be listed (IAM refused ListRoles): the wizard then asks for the ARN straight away. */
  rolesListed?: boolean;
  /**
   * The confirmation after the wizard: 'Start' (default) or 'cancel' to press its button or dismiss it; 'none'
   * when the command refuses the plan before asking.
   */
  confirm?: 'Start' | 'cancel' | 'none';
}

export interface AutopilotWizardSeen {
  /** Labels of the target step's items (the columns of the data's header). */
  columns?: string[];
  /** The target step's placeholder (names why the header could not be read). */
  targetPlaceholder?: string;
  /** Labels of the offered execution roles. */
  roles?: string[];
  /** Labels of the objective step's items. */
  objectives?: string[];
  /** The confirmation's detail. */
  detail?: string;
  /** What each step opened with: an input's value, a pick's highlighted item (a kept plan shows here). */
  opened: Partial<Record<AutopilotStep, string>>;
}

export type AutopilotStep =
  | 'jobName'
  | 'inputS3Uri'
  | 'target'
  | 'problemType'
  | 'objective'
  | 'mode'
  | 'maxCandidates'
  | 'maxRuntimeSeconds'
  | 'outputS3Uri'
  | 'role'
  | 'autoDeploy';

const PROBLEM_LABELS: Record<ProblemChoice, string> = {
  auto: 'Detect automatically',
  Regression: 'Regression',
  BinaryClassification: 'Binary classification',
  MulticlassClassification: 'Multiclass classification',
};
const MODE_LABELS: Record<ModeChoice, string> = {
  AUTO: 'Auto',
  ENSEMBLING: 'Ensembling',
  HYPERPARAMETER_TUNING: 'Hyperparameter tuning',
};

/** Scripts every step of the wizard (and its confirmation) on `ui`; returns what the wizard offered. */
export function answerAutopilotWizard(ui: TestWindow, plan: AutopilotWizardPlan): AutopilotWizardSeen {
  const seen: AutopilotWizardSeen = { opened: {} };
  watchPickers(ui);
  const text = (value: string | number | undefined) => (value === undefined ? undefined : String(value));
  const input = (step: AutopilotStep, prompt: RegExp, value: string | undefined) =>
    ui.onInputBox(prompt, async (p) => {
      seen.opened[step] = p.value;
      const refusal = value === undefined ? await p.accept() : await p.type(value);
      if (refusal) throw new Error(`"${p.prompt}" refused "${value ?? p.value}": ${refusal}`);
    });
  input('jobName', /^Job name/, plan.jobName);
  input('inputS3Uri', /^Training data/, plan.inputS3Uri);
  ui.onQuickPick(/^Target column|type the target column/, (p) => {
    seen.columns = p.items.map((i) => i.label);
    seen.opened.target = activeLabel(ui, p);
    seen.targetPlaceholder = p.placeholder;
    if (plan.target === undefined) throw new Error('the plan names no target column');
    if (p.items.some((i) => i.label === plan.target)) p.pick(plan.target);
    else p.type(plan.target);
  });
  const problem = plan.problemType ?? 'auto';
  ui.onQuickPick(/^Problem type/, (p) => {
    seen.opened.problemType = activeLabel(ui, p);
    p.pick(PROBLEM_LABELS[problem]);
  });
  if (problem !== 'auto') {
    ui.onQuickPick(/^Objective metric for/, (p) => {
      seen.objectives = p.items.map((i) => i.label);
      seen.opened.objective = activeLabel(ui, p);
      p.pick(plan.objective ?? p.items[0].label);
    });
  }
  ui.onQuickPick(/^Training mode/, (p) => {
    seen.opened.mode = activeLabel(ui, p);
    p.pick(MODE_LABELS[plan.mode ?? 'AUTO']);
  });
  input('maxCandidates', /^Maximum number of candidates/, text(plan.maxCandidates));
  input('maxRuntimeSeconds', /^Limit on the whole job/, text(plan.maxRuntimeSeconds));
  input('outputS3Uri', /^Output location/, plan.outputS3Uri);
  const typeRole = () => input('role', /^Execution role ARN/, plan.roleArn);
  if (plan.rolesListed === false) typeRole();
  else {
    ui.onQuickPick(/^Execution role$/, (p) => {
      seen.roles = p.items.map((i) => i.label);
      seen.opened.role = activeLabel(ui, p);
      const listed = p.items.find(
        (i) => i.detail !== undefined && i.detail === (plan.roleArn ?? p.items.find((x) => x.detail)?.detail),
      );
      if (listed) return p.pick(listed.label);
      // Not among the listed roles: typed in the box that follows (scripted only now, as only now it is asked).
      typeRole();
      p.pick('$(edit) Type a role ARN…');
    });
  }
  ui.onQuickPick(/^Deploy the best candidate/, (p) => {
    seen.opened.autoDeploy = activeLabel(ui, p);
    p.pick(plan.autoDeploy ? 'Yes' : 'No');
  });
  const confirm = plan.confirm ?? 'Start';
  if (confirm !== 'none') {
    ui.onMessage(/^Start Autopilot experiment .*\?$/, confirm === 'Start' ? 'Start' : undefined);
  }
  return seen;
}
