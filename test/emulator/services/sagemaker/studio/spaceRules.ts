// What SageMaker checks in a space's settings and an app's resource spec beyond the model: the app type a
// space runs, the instance types that app type allows, the domain's storage maximum, and lifecycle
// configurations that exist, match the app type and are attached to the domain or the owner's profile.
import { AwsError } from '../../../engine/contract';
import type { World } from '../../world';
import { lifecycleConfigByArn } from './lifecycleConfigsHandlers';
import { DEFAULT_EBS_GB } from './studioDefaults';
import { notFound, studioState, key, type Domain, type SpaceAppType } from './studioState';

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const SPACE_APP_SETTINGS: Record<SpaceAppType, 'JupyterLabAppSettings' | 'CodeEditorAppSettings'> = {
  JupyterLab: 'JupyterLabAppSettings',
  CodeEditor: 'CodeEditorAppSettings',
};

/** GPU families whose Studio quota is 0 apps in a new account (a start answers ResourceLimitExceeded). */
const ZERO_QUOTA = /^ml\.(p4d|p4de|p5|p5e|p5en|trn1|trn1n|trn2)\./;

export function spaceAppType(settings: Settings | undefined): SpaceAppType | undefined {
  const type = settings?.AppType;
  if (type === undefined) return undefined;
  if (type !== 'JupyterLab' && type !== 'CodeEditor')
    throw new AwsError(
      'ValidationException',
      `AppType ${type} is not supported for a space: spaces run JupyterLab or CodeEditor apps.`,
    );
  return type;
}

/** JupyterLab and Code Editor run on ml.* instances; `system` is Studio Classic's JupyterServer only. */
export function checkInstanceType(appType: string, instanceType: string | undefined): void {
  if (instanceType === 'system')
    throw new AwsError(
      'ValidationException',
      `Invalid instance type 'system' for ${appType} App. Only ml.* instance types are supported.`,
    );
}

export function checkQuota(appType: string, instanceType: string): void {
  if (ZERO_QUOTA.test(instanceType))
    throw new AwsError(
      'ResourceLimitExceeded',
      `The account-level service limit 'Studio ${appType} Apps running on ${instanceType} instance' is 0 Apps, with current utilization of 0 Apps and a request delta of 1 Apps. Please use AWS Service Quotas to request an increase for this quota.`,
    );
}

function maxEbs(domain: Domain): number | undefined {
  return domain.defaultUserSettings?.SpaceStorageSettings?.DefaultEbsStorageSettings?.MaximumEbsVolumeSizeInGb;
}

export function defaultEbs(domain: Domain): number {
  return (
    domain.defaultUserSettings?.SpaceStorageSettings?.DefaultEbsStorageSettings?.DefaultEbsVolumeSizeInGb ??
    DEFAULT_EBS_GB
  );
}

/** The lifecycle configurations the domain's defaults and the profile's settings list for the app type. */
function attachedArns(world: World, domain: Domain, owner: string | undefined, appType: SpaceAppType): string[] {
  const member = SPACE_APP_SETTINGS[appType];
  const profile = owner ? studioState(world).userProfiles.get(key(domain.id, owner)) : undefined;
  return [
    ...(domain.defaultUserSettings?.[member]?.LifecycleConfigArns ?? []),
    ...(profile?.userSettings?.[member]?.LifecycleConfigArns ?? []),
  ];
}

/** A lifecycle configuration an app of the space may run. */
export function checkSpaceLifecycleConfig(
  world: World,
  domain: Domain,
  owner: string | undefined,
  appType: SpaceAppType,
  arn: string | undefined,
): void {
  if (!arn || arn === 'None') return;
  const config = lifecycleConfigByArn(world, arn);
  if (!config) throw notFound('Studio lifecycle config', arn);
  if (config.appType !== appType)
    throw new AwsError(
      'ValidationException',
      `Lifecycle config ${arn} is of app type ${config.appType} and cannot be used for ${appType} apps.`,
    );
  if (!attachedArns(world, domain, owner, appType).includes(arn))
    throw new AwsError(
      'ValidationException',
      `Lifecycle config ${arn} is not attached to the domain ${domain.id} or to the user profile${owner ? ` ${owner}` : ''} for ${appType} apps (LifecycleConfigArns).`,
    );
}

/** Checks a space's settings against its domain; answers the app type. */
export function checkSpaceSettings(
  world: World,
  domain: Domain,
  owner: string | undefined,
  settings: Settings,
): SpaceAppType | undefined {
  const appType = spaceAppType(settings);
  for (const [type, member] of Object.entries(SPACE_APP_SETTINGS))
    if (settings[member] && appType !== type)
      throw new AwsError(
        'ValidationException',
        `${member} can only be set for a space whose AppType is ${type}${appType ? `, not ${appType}` : ''}.`,
      );
  if (appType) {
    const spec = settings[SPACE_APP_SETTINGS[appType]]?.DefaultResourceSpec;
    checkInstanceType(appType, spec?.InstanceType);
    checkSpaceLifecycleConfig(world, domain, owner, appType, spec?.LifecycleConfigArn);
  }
  const size = settings.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb;
  const limit = maxEbs(domain);
  if (size !== undefined && limit !== undefined && size > limit)
    throw new AwsError(
      'ValidationException',
      `EbsVolumeSizeInGb ${size} exceeds the maximum of ${limit} GB that domain ${domain.id} allows (MaximumEbsVolumeSizeInGb).`,
    );
  return appType;
}
