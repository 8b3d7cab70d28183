// Answers for the Studio space wizard (Create Studio Space), step by step as a user answers it: name, owner,
// sharing, application, instance type (picked or typed), image, storage, idle shutdown, lifecycle
// configuration and the confirmation. Values a step must refuse first are typed before the good one, and the
// refusals are recorded.
import type { TestWindow } from '../testWindow';

/** A step is told by its prompt or placeholder (every step has the wizard's title). */
const step = (text: string, exact = false) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${exact ? '$' : ''}`);

export interface SpaceAnswers {
  name: string;
  owner: string;
  sharing: 'Private' | 'Shared';
  /** As the wizard labels it: JupyterLab or Code Editor. */
  application: 'JupyterLab' | 'Code Editor';
  /** Picked from the list, or typed when `typed`. */
  instanceType: string;
  typed?: boolean;
  /** The image's label, e.g. "SageMaker Distribution 2.1.0 (CPU)". */
  image: string;
  storageGb: number;
  /** Empty for none. */
  idleMinutes: string;
  /** A configuration's name, or None. */
  lifecycle: string;
  /** Typed first and expected to be refused, per step. */
  refusedFirst?: { name?: string[]; instanceType?: string[]; storage?: string[]; idle?: string[] };
}

export interface SpaceWizardSeen {
  owners: string[];
  instanceTypes: string[];
  images: string[];
  lifecycleConfigs: string[];
  /** The validation message of each value typed in `refusedFirst`, in order. */
  refusals: string[];
}

export function answerCreateSpaceWizard(
  ui: TestWindow,
  answers: SpaceAnswers,
  options: { confirm?: boolean | 'never' } = {},
): SpaceWizardSeen {
  const seen: SpaceWizardSeen = { owners: [], instanceTypes: [], images: [], lifecycleConfigs: [], refusals: [] };
  const typeAll = async (
    p: { type(v: string): Promise<string | undefined> },
    refused: string[] | undefined,
    value: string,
  ) => {
    for (const bad of refused ?? []) {
      const refusal = await p.type(bad);
      if (!refusal) throw new Error(`"${bad}" was taken; it should have been refused`);
      seen.refusals.push(refusal);
    }
    const refusal = await p.type(value);
    if (refusal) throw new Error(`"${value}" was refused: ${refusal}`);
  };
  const r = answers.refusedFirst ?? {};
  ui.onInputBox(step('Space name'), (p) => typeAll(p, r.name, answers.name));
  ui.onQuickPick(step('Owner (user profile)'), (p) => {
    seen.owners = p.items.map((i) => i.label);
    p.pick(answers.owner);
  });
  ui.onQuickPick(step('Sharing', true), (p) => p.pick(answers.sharing));
  ui.onQuickPick(step('Application', true), (p) => p.pick(answers.application));
  ui.onQuickPick(step('Instance type', true), (p) => {
    seen.instanceTypes = p.items.map((i) => i.label);
    p.pick(answers.typed ? '$(edit) Type an instance type…' : answers.instanceType);
  });
  if (answers.typed) ui.onInputBox(step('Instance type the'), (p) => typeAll(p, r.instanceType, answers.instanceType));
  ui.onQuickPick(step('Image', true), (p) => {
    seen.images = p.items.map((i) => i.label);
    p.pick(answers.image);
  });
  ui.onInputBox(step('Storage in GB'), (p) => typeAll(p, r.storage, String(answers.storageGb)));
  ui.onInputBox(step('Idle shutdown in minutes'), (p) => typeAll(p, r.idle, answers.idleMinutes));
  ui.onQuickPick(step('Lifecycle configuration run at each start'), (p) => {
    seen.lifecycleConfigs = p.items.map((i) => i.label);
    p.pick(answers.lifecycle);
  });
  if (options.confirm !== 'never')
    ui.onMessage(`Create space ${answers.name}?`, options.confirm === false ? undefined : 'Create');
  return seen;
}
