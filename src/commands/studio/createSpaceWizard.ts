// The create-space plan asked step by step (Back keeps what was entered), each typed value checked as it is
// typed with the rules the command applies before calling SageMaker.
import * as vscode from 'vscode';
import {
  SPACE_APP_TYPES,
  SPACE_INSTANCE_TYPES,
  appTypeLabel,
  idleLimits,
  idleMinutesProblem,
  spaceInstanceTypeProblem,
  spaceNameProblem,
  storageProblem,
  type SpacePlan,
} from '../../model/studioSpaces';
import { imageText, lifecycleConfigName } from '../../model/studioText';
import { MultiStepInput, type Step } from '../../ui/multiStepInput';
import type { SpaceChoices } from './createSpaceCommand';

const TITLE = vscode.l10n.t('Create Studio space');
const TYPE_INSTANCE = vscode.l10n.t('$(edit) Type an instance type…');
type Item<T> = vscode.QuickPickItem & { value: T };

/** SageMaker Distribution comes as a CPU and a GPU image of each version: the other flavour of the default. */
function otherFlavour(arn: string): string | undefined {
  const match = /^(.*image\/sagemaker-distribution-)(cpu|gpu)$/.exec(arn);
  return match ? `${match[1]}${match[2] === 'cpu' ? 'gpu' : 'cpu'}` : undefined;
}

export async function askSpacePlan(choices: SpaceChoices): Promise<SpacePlan | undefined> {
  const plan: SpacePlan = {
    domainId: choices.domainId,
    name: '',
    owner: choices.owner ?? choices.profiles[0] ?? '',
    sharing: 'Private',
    appType: 'JupyterLab',
    instanceType: 'ml.t3.medium',
    image: { arn: '' },
    storageGb: choices.defaultStorageGb,
  };
  const askLifecycle: Step<SpacePlan> = async (input, s) => {
    const arns = choices.lifecycleConfigs(s.owner, s.appType);
    const items: Promise<Array<Item<string | undefined>>> = arns.then((list) => [
      { label: vscode.l10n.t('None'), value: undefined },
      ...list.map((arn) => ({ label: lifecycleConfigName(arn), detail: arn, value: arn })),
    ]);
    s.lifecycleConfigArn = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t(
          'Lifecycle configuration run at each start ({0} ones attached to the domain or {1})',
          appTypeLabel(s.appType),
          s.owner,
        ),
        items,
      })
    ).value;
    return undefined;
  };
  const askIdle: Step<SpacePlan> = async (input, s) => {
    const limits = choices.idle[s.appType];
    const { min, max } = idleLimits(limits);
    const typed = await input.inputBox({
      title: TITLE,
      prompt: vscode.l10n.t('Idle shutdown in minutes ({0} to {1}; empty leaves it to the domain)', min, max),
      value: s.idleMinutes === undefined ? '' : String(s.idleMinutes),
      validate: (v) => idleMinutesProblem(v, limits),
    });
    s.idleMinutes = typed.trim() ? Number(typed.trim()) : undefined;
    return askLifecycle;
  };
  const askStorage: Step<SpacePlan> = async (input, s) => {
    s.storageGb = Number(
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Storage in GB (/home/sagemaker-user; 5 to {0})', choices.maximumStorageGb ?? 16384),
        value: String(s.storageGb),
        validate: (v) => storageProblem(v, choices.maximumStorageGb),
      }),
    );
    return askIdle;
  };
  const askImage: Step<SpacePlan> = async (input, s) => {
    const image = choices.defaultImage[s.appType];
    const items: Array<Item<SpacePlan['image']>> = [];
    if (image) {
      items.push({
        label: imageText({ SageMakerImageArn: image.arn, SageMakerImageVersionAlias: image.versionAlias })!,
        description: vscode.l10n.t('domain default'),
        value: image,
      });
      const other = otherFlavour(image.arn);
      if (other)
        items.push({
          label: imageText({ SageMakerImageArn: other, SageMakerImageVersionAlias: image.versionAlias })!,
          value: { arn: other, versionAlias: image.versionAlias },
        });
    }
    if (items.length === 0) {
      s.image = { arn: '' };
      return askStorage;
    }
    s.image = (await input.pick({ title: TITLE, placeholder: vscode.l10n.t('Image'), items })).value;
    return askStorage;
  };
  const askTypedInstance: Step<SpacePlan> = async (input, s) => {
    s.instanceType = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Instance type the {0} app runs on, like ml.m5.xlarge', appTypeLabel(s.appType)),
        value: s.instanceType,
        validate: (v) => spaceInstanceTypeProblem(s.appType, v.trim()),
      })
    ).trim();
    return askImage;
  };
  const askInstance: Step<SpacePlan> = async (input, s) => {
    const items: Array<Item<string>> = [
      ...SPACE_INSTANCE_TYPES[s.appType].map((t) => ({ label: t, value: t })),
      { label: TYPE_INSTANCE, value: '' },
    ];
    const picked = await input.pick({
      title: TITLE,
      placeholder: vscode.l10n.t('Instance type'),
      items,
      activeItem: items.find((i) => i.value === s.instanceType),
    });
    if (!picked.value) return askTypedInstance;
    s.instanceType = picked.value;
    return askImage;
  };
  const askAppType: Step<SpacePlan> = async (input, s) => {
    const items = SPACE_APP_TYPES.map((t) => ({ label: appTypeLabel(t), value: t }));
    s.appType = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Application'),
        items,
        activeItem: items.find((i) => i.value === s.appType),
      })
    ).value;
    return askInstance;
  };
  const askSharing: Step<SpacePlan> = async (input, s) => {
    const items: Array<Item<SpacePlan['sharing']>> = [
      {
        label: vscode.l10n.t('Private'),
        detail: vscode.l10n.t('Only {0} sees and uses it', s.owner),
        value: 'Private',
      },
      {
        label: vscode.l10n.t('Shared'),
        detail: vscode.l10n.t('Every user profile of the domain can open it, together'),
        value: 'Shared',
      },
    ];
    s.sharing = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Sharing'),
        items,
        activeItem: items.find((i) => i.value === s.sharing),
      })
    ).value;
    return askAppType;
  };
  const askOwner: Step<SpacePlan> = async (input, s) => {
    const items = choices.profiles.map((p) => ({ label: p, value: p }));
    s.owner = (
      await input.pick({
        title: TITLE,
        placeholder: vscode.l10n.t('Owner (user profile)'),
        items,
        activeItem: items.find((i) => i.value === s.owner),
      })
    ).value;
    return askSharing;
  };
  const askName: Step<SpacePlan> = async (input, s) => {
    s.name = (
      await input.inputBox({
        title: TITLE,
        prompt: vscode.l10n.t('Space name'),
        value: s.name,
        validate: (v) => spaceNameProblem(v, choices.existingSpaces),
      })
    ).trim();
    return askOwner;
  };
  return MultiStepInput.run(askName, plan, 9);
}
