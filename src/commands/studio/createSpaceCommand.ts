// Create a Studio space: the wizard's plan (name, owner, sharing, app type, instance type, image, storage, idle
// shutdown, lifecycle configuration) is checked as SageMaker checks it before any call, confirmed with what
// it makes, then created (the space starts Stopped: it runs once started).
import type { DescribeDomainCommandOutput } from '@aws-sdk/client-sagemaker';
import * as vscode from 'vscode';
import {
  createSpace,
  describeDomain,
  describeUserProfile,
  domainSpaces,
  userProfileNames,
} from '../../aws/sagemaker/studioApi';
import {
  APP_SETTINGS_KEY,
  SPACE_APP_TYPES,
  appTypeLabel,
  createSpaceSettings,
  spacePlanProblem,
  type IdleLimits,
  type SpaceAppType,
  type SpacePlan,
} from '../../model/studioSpaces';
import { idleText, imageText, lifecycleConfigName } from '../../model/studioText';
import type { CommandOutcome } from '../../ui/commands';
import { toUserError } from '../../ui/showAwsError';
import type { StudioContext } from './spaceCommands';

export interface SpaceChoices {
  domainId: string;
  profiles: string[];
  existingSpaces: string[];
  /** The owner the wizard opens on (the profile the command ran on). */
  owner?: string;
  defaultImage: Record<SpaceAppType, { arn: string; versionAlias?: string } | undefined>;
  defaultStorageGb: number;
  maximumStorageGb?: number;
  idle: Record<SpaceAppType, IdleLimits>;
  /** Lifecycle configurations a space of this owner and app type may run (the domain's and the profile's LifecycleConfigArns). */
  lifecycleConfigs(owner: string, appType: SpaceAppType): Promise<string[]>;
}

export type AskSpacePlan = (choices: SpaceChoices) => Thenable<SpacePlan | undefined>;
export type Confirm = (question: string, detail: string, action: string) => Thenable<boolean>;

function domainChoices(domainId: string, domain: DescribeDomainCommandOutput) {
  const settings = domain.DefaultUserSettings;
  const defaultImage = {} as SpaceChoices['defaultImage'];
  const idle = {} as SpaceChoices['idle'];
  for (const appType of SPACE_APP_TYPES) {
    const app = settings?.[APP_SETTINGS_KEY[appType]];
    const spec = app?.DefaultResourceSpec;
    defaultImage[appType] = spec?.SageMakerImageArn
      ? { arn: spec.SageMakerImageArn, versionAlias: spec.SageMakerImageVersionAlias }
      : undefined;
    const s = app?.AppLifecycleManagement?.IdleSettings;
    idle[appType] = {
      min: s?.MinIdleTimeoutInMinutes,
      max: s?.MaxIdleTimeoutInMinutes,
      disabled: s?.LifecycleManagement === 'DISABLED',
    };
  }
  const storage = settings?.SpaceStorageSettings?.DefaultEbsStorageSettings;
  return {
    domainId,
    defaultImage,
    idle,
    defaultStorageGb: storage?.DefaultEbsVolumeSizeInGb ?? 5,
    maximumStorageGb: storage?.MaximumEbsVolumeSizeInGb,
  };
}

/** One DescribeDomain, the profiles and spaces (a few pages each); a profile is described when its configurations are offered. */
export async function spaceChoices(ctx: StudioContext, domainId: string, owner?: string): Promise<SpaceChoices> {
  const clients = ctx.session.clients;
  const [domain, profiles, spaces] = await Promise.all([
    describeDomain(clients, domainId),
    userProfileNames(clients, domainId),
    domainSpaces(clients, domainId),
  ]);
  const described = new Map<string, Promise<string[]>>();
  const lifecycleConfigs = async (profile: string, appType: SpaceAppType) => {
    const key = `${profile}|${appType}`;
    let arns = described.get(key);
    if (!arns) {
      const member = APP_SETTINGS_KEY[appType];
      arns = describeUserProfile(clients, domainId, profile).then((p) => [
        ...new Set([
          ...(domain.DefaultUserSettings?.[member]?.LifecycleConfigArns ?? []),
          ...(p.UserSettings?.[member]?.LifecycleConfigArns ?? []),
        ]),
      ]);
      described.set(key, arns);
    }
    return arns;
  };
  return {
    ...domainChoices(domainId, domain),
    profiles,
    existingSpaces: spaces.map((s) => s.SpaceName ?? ''),
    owner,
    lifecycleConfigs,
  };
}

export function planDetail(plan: SpacePlan): string {
  const app = appTypeLabel(plan.appType);
  const image = String(
    imageText({ SageMakerImageArn: plan.image.arn, SageMakerImageVersionAlias: plan.image.versionAlias }),
  );
  return [
    plan.sharing === 'Private'
      ? vscode.l10n.t('{0} space in {1}, private to {2}.', app, plan.domainId, plan.owner)
      : vscode.l10n.t('{0} space in {1}, shared by the domain, owned by {2}.', app, plan.domainId, plan.owner),
    vscode.l10n.t(
      'Runs on {0} with {1}, {2} GB storage, idle shutdown {3}, lifecycle configuration {4}.',
      plan.instanceType,
      image,
      plan.storageGb,
      idleText(plan.idleMinutes),
      plan.lifecycleConfigArn ? lifecycleConfigName(plan.lifecycleConfigArn) : vscode.l10n.t('none'),
    ),
    vscode.l10n.t('It is created Stopped: nothing runs or is billed for compute until it is started.'),
  ].join('\n');
}

export async function createSpaceFromPlan(
  ctx: StudioContext,
  domainId: string,
  owner: string | undefined,
  ask: AskSpacePlan,
  confirm: Confirm,
): Promise<CommandOutcome> {
  const choices = await spaceChoices(ctx, domainId, owner);
  const plan = await ask(choices);
  if (!plan) return { outcome: 'cancelled' };
  const problem = spacePlanProblem(plan, {
    existingSpaces: choices.existingSpaces,
    profiles: choices.profiles,
    maximumStorageGb: choices.maximumStorageGb,
    idle: choices.idle[plan.appType],
    lifecycleConfigArns: await choices.lifecycleConfigs(plan.owner, plan.appType),
  });
  if (problem) return { outcome: 'refused', message: problem };
  if (!(await confirm(vscode.l10n.t('Create space {0}?', plan.name), planDetail(plan), vscode.l10n.t('Create'))))
    return { outcome: 'cancelled' };
  try {
    await createSpace(ctx.session.clients, {
      DomainId: plan.domainId,
      SpaceName: plan.name,
      ...createSpaceSettings(plan),
    });
  } catch (error) {
    return { outcome: 'failed', message: toUserError(error, ctx.session, 'sagemaker', 'CreateSpace').message };
  }
  ctx.changed();
  return { outcome: 'done', message: vscode.l10n.t('Created space {0} (Stopped); start it to work in it.', plan.name) };
}
