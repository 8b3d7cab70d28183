// Answers for the notebook instance wizards, step by step as a user answers them: Create Notebook Instance
// (name, type, role, volume, lifecycle configuration, code repository, root and internet access, the
// confirmation) and Create Lifecycle Configuration (name, template, its value, the confirmation).
import type * as vscode from 'vscode';
import type { TemplateChoice } from '../../../../src/model/lifecycleTemplates';
import { TEMPLATE_LABELS } from '../../../../src/model/lifecycleTemplates';
import type { NotebookInstancePlan } from '../../../../src/model/notebookInstancePlan';
import type { PickPrompt, TestWindow } from '../testWindow';
import { activeLabel, watchPickers } from './activeItems';

const valueOf = (item: vscode.QuickPickItem) => (item as { value?: unknown }).value;
/** A step is told by its prompt or placeholder (every step of the create wizard has the same title). */
const step = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** What the create wizard showed: its choices, and the value each step opened with (a kept plan shows here). */
export interface CreateWizardSeen {
  roles: string[];
  repositories: string[];
  lifecycleConfigs: string[];
  opened: {
    name?: string;
    instanceType?: string;
    roleArn?: string;
    volume?: string;
    lifecycle?: string;
    rootAccess?: string;
    directInternetAccess?: string;
  };
}

const picked = (p: PickPrompt) => p.items.find((i) => i.picked)?.label;

/**
 * Scripts every step of Create Notebook Instance to enter `plan`, and the confirmation (`confirm: false`
 * dismisses it). `rolesListed: false` when IAM cannot list roles (the ARN is typed at once). Returns what the
 * wizard offered, filled in as its steps are shown.
 */
export function answerCreateNotebookWizard(
  ui: TestWindow,
  plan: NotebookInstancePlan,
  options: { confirm?: boolean; rolesListed?: false } = {},
): CreateWizardSeen {
  const seen: CreateWizardSeen = { roles: [], repositories: [], lifecycleConfigs: [], opened: {} };
  watchPickers(ui);
  ui.onInputBox(step('Name'), async (p) => {
    seen.opened.name = p.value;
    const refusal = await p.type(plan.name);
    if (refusal) throw new Error(`the name ${plan.name} was refused: ${refusal}`);
  });
  ui.onQuickPick(step('Instance type'), (p) => {
    seen.opened.instanceType = activeLabel(ui, p);
    p.pick(plan.instanceType);
  });
  const typeRole = () =>
    ui.onInputBox(step('IAM execution role ARN'), async (p) => {
      seen.opened.roleArn = p.value;
      const refusal = await p.type(plan.roleArn);
      if (refusal) throw new Error(`the role ${plan.roleArn} was refused: ${refusal}`);
    });
  if (options.rolesListed === false) typeRole();
  else {
    ui.onQuickPick(step('Execution role'), (p) => {
      seen.roles = p.items.map((i) => String(valueOf(i) ?? '')).filter(Boolean);
      if (seen.roles.includes(plan.roleArn)) return p.pick((i) => valueOf(i) === plan.roleArn);
      // A role not offered is typed, in the step that opens next.
      typeRole();
      p.pick('$(edit) Type a role ARN…');
    });
  }
  ui.onInputBox(step('ML storage volume in GB'), async (p) => {
    seen.opened.volume = p.value;
    const refusal = await p.type(String(plan.volumeSizeInGB));
    if (refusal) throw new Error(`the volume ${plan.volumeSizeInGB} was refused: ${refusal}`);
  });
  const l = plan.lifecycle;
  ui.onQuickPick(step('Lifecycle configuration'), (p) => {
    seen.lifecycleConfigs = p.items.filter((i) => i.description === 'existing').map((i) => i.label);
    seen.opened.lifecycle = activeLabel(ui, p);
    p.pick(l.kind === 'none' ? 'None' : l.kind === 'existing' ? l.name : '$(add) New from a template…');
  });
  if (l.kind === 'new') {
    ui.onInputBox(step('Name of the new lifecycle configuration'), async (p) => {
      const refusal = await p.type(l.name);
      if (refusal) throw new Error(`the configuration name ${l.name} was refused: ${refusal}`);
    });
    ui.onQuickPick(step('Template of the new lifecycle configuration'), (p) =>
      p.pick(TEMPLATE_LABELS[l.template.kind].label),
    );
    const t = l.template;
    const [prompt, value] =
      t.kind === 's3-sync'
        ? ['S3 location the notebooks are copied from on start', t.s3Uri ?? '']
        : t.kind === 'auto-stop'
          ? ['Idle minutes before the instance stops itself', String(t.idleMinutes)]
          : ['Packages to install into the python3 environment', (t.packages ?? []).join(' ')];
    ui.onInputBox(step(prompt), async (p) => {
      const refusal = await p.type(value);
      if (refusal) throw new Error(`"${value}" was refused: ${refusal}`);
    });
  }
  ui.onQuickPick(step('Default code repository'), (p) => {
    seen.repositories = p.items.slice(1).map((i) => i.label);
    p.pick((i) =>
      plan.defaultCodeRepository === undefined ? i.label === 'None' : valueOf(i) === plan.defaultCodeRepository,
    );
  });
  ui.onQuickPick(step('Root access'), (p) => {
    seen.opened.rootAccess = picked(p);
    p.pick(`Root access: ${plan.rootAccess ? 'on' : 'off'}`);
  });
  ui.onQuickPick(step('Direct internet access'), (p) => {
    seen.opened.directInternetAccess = picked(p);
    p.pick(`Direct internet access: ${plan.directInternetAccess ? 'on' : 'off'}`);
  });
  ui.onMessage(`Create notebook instance ${plan.name}?`, options.confirm === false ? undefined : 'Create');
  return seen;
}

/**
 * Scripts Create Lifecycle Configuration: the name, the template ('empty' for none) and its values, and the
 * confirmation (`confirm: false` dismisses it; `confirm: 'never'` scripts none, for a create refused before it).
 */
export function answerLifecycleConfigWizard(
  ui: TestWindow,
  name: string,
  template: TemplateChoice | 'empty',
  options: { confirm?: boolean | 'never' } = {},
): void {
  ui.onInputBox('New lifecycle configuration', name);
  ui.onQuickPick('Start from', (p) => p.pick(template === 'empty' ? 'Empty' : TEMPLATE_LABELS[template.kind].label));
  if (template !== 'empty') {
    if (template.kind === 's3-sync') ui.onInputBox('Sync notebooks from S3', template.s3Uri ?? '');
    else if (template.kind === 'auto-stop') ui.onInputBox('Stop when idle', String(template.idleMinutes));
    else {
      ui.onInputBox('Conda environment', template.environment ?? 'python3');
      ui.onInputBox(
        `Packages to install into ${template.environment ?? 'python3'}`,
        (template.packages ?? []).join(' '),
      );
    }
  }
  if (options.confirm !== 'never')
    ui.onMessage(`Create lifecycle configuration ${name}?`, options.confirm === false ? undefined : 'Create');
}
