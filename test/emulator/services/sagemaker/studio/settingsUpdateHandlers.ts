// UpdateDomain and UpdateUserProfile: the settings given are merged into the current ones member by member
// (lists such as LifecycleConfigArns replaced whole), checked as CreateDomain/CreateUserProfile check them, and
// the resource goes Updating for a moment before InService again, as on AWS. Only an InService domain or
// profile can be updated (ResourceInUse otherwise).
import { AwsError, type OperationHandler } from '../../../engine/contract';
import type { World } from '../../world';
import { checkLifecycleConfigArns } from './lifecycleConfigsHandlers';
import { checkInstanceType, SPACE_APP_SETTINGS } from './spaceRules';
import { merged } from './spacesHandlers';
import { findDomain, findUserProfile, statusOf } from './studioState';

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const UPDATE_SECONDS = 5;

function checkUserSettings(world: World, region: string, settings: Settings | undefined): void {
  checkLifecycleConfigArns(world, region, settings);
  for (const [appType, member] of Object.entries(SPACE_APP_SETTINGS))
    checkInstanceType(appType, settings?.[member]?.DefaultResourceSpec?.InstanceType);
}

export function settingsUpdateHandlers(world: World): Record<string, OperationHandler> {
  const updating = () => ({
    phases: [{ status: 'Updating' as const, seconds: UPDATE_SECONDS }, { status: 'InService' as const }],
    since: world.clock.now(),
  });
  return {
    UpdateDomain: (input, ctx) => {
      const domain = findDomain(world, ctx.region, input.DomainId);
      const status = statusOf(world, domain);
      if (status !== 'InService')
        throw new AwsError('ResourceInUse', `Domain '${domain.arn}' is ${status} and cannot be updated now.`);
      const defaults = input.DefaultUserSettings
        ? merged(domain.defaultUserSettings ?? {}, input.DefaultUserSettings)
        : domain.defaultUserSettings;
      const space = input.DefaultSpaceSettings
        ? merged(domain.defaultSpaceSettings ?? {}, input.DefaultSpaceSettings)
        : domain.defaultSpaceSettings;
      checkUserSettings(world, ctx.region, defaults);
      checkLifecycleConfigArns(world, ctx.region, space);
      domain.defaultUserSettings = defaults;
      domain.defaultSpaceSettings = space;
      domain.lastModifiedTime = world.now();
      domain.transition = updating();
      return { DomainArn: domain.arn };
    },
    UpdateUserProfile: (input, ctx) => {
      const profile = findUserProfile(world, ctx.region, input.DomainId, input.UserProfileName);
      const status = statusOf(world, profile);
      if (status !== 'InService')
        throw new AwsError('ResourceInUse', `User profile '${profile.arn}' is ${status} and cannot be updated now.`);
      const settings = input.UserSettings
        ? merged(profile.userSettings ?? {}, input.UserSettings)
        : profile.userSettings;
      checkUserSettings(world, ctx.region, settings);
      profile.userSettings = settings;
      profile.lastModifiedTime = world.now();
      profile.transition = updating();
      return { UserProfileArn: profile.arn };
    },
  };
}
