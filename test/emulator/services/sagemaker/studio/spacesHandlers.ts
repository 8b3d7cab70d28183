// Spaces: a domain's private (one owner) or shared storage plus the settings of the one app that runs on it
// (JupyterLab or Code Editor): instance type, SageMaker Distribution image, lifecycle configuration, EBS size
// and idle shutdown. A space is InService from its creation; it "runs" when its app does (appsHandlers.ts).
import { AwsError, type OperationHandler } from '../../../engine/contract';
import { page } from '../../support/paging';
import type { World } from '../../world';
import { sortBy } from './domainsHandlers';
import { spaceUrl } from './studioDefaults';
import { checkSpaceSettings, defaultEbs } from './spaceRules';
import { studioGateway } from './studioGateway';
import {
  findDomain,
  findSpace,
  findUserProfile,
  key,
  liveAppOf,
  statusOf,
  studioState,
  type Space,
} from './studioState';

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CREATE_SECONDS = 10;
const UPDATE_SECONDS = 10;
const DELETE_SECONDS = 30;

/** `update` over `base`, structures merged member by member (lists and values replaced), as UpdateSpace applies. */
export function merged(base: Settings, update: Settings): Settings {
  const out: Settings = { ...base };
  for (const [name, value] of Object.entries(update)) {
    if (value === undefined) continue;
    out[name] =
      value && typeof value === 'object' && !Array.isArray(value) && base[name] && typeof base[name] === 'object'
        ? merged(base[name], value)
        : value;
  }
  return out;
}

/** A space can change only while no app runs on it (Studio asks to stop the space first). */
function refuseWhileRunning(world: World, space: Space, action: string): void {
  const app = liveAppOf(world, space);
  const status = app ? statusOf(world, app) : undefined;
  if (app && status !== 'Failed')
    throw new AwsError(
      'ResourceInUse',
      `Space '${space.arn}' cannot be ${action} while its ${app.appType} app '${app.appName}' is ${status}: delete the app (stop the space) first.`,
    );
}

export function describeSpace(world: World, space: Space, region: string) {
  return {
    DomainId: space.domainId,
    SpaceArn: space.arn,
    SpaceName: space.name,
    HomeEfsFileSystemUid: space.homeEfsFileSystemUid,
    Status: statusOf(world, space),
    LastModifiedTime: space.lastModifiedTime,
    CreationTime: space.creationTime,
    SpaceSettings: space.settings,
    OwnershipSettings: space.owner ? { OwnerUserProfileName: space.owner } : undefined,
    SpaceSharingSettings: space.sharingType ? { SharingType: space.sharingType } : undefined,
    SpaceDisplayName: space.displayName,
    Url: spaceUrl(space.arn, region),
  };
}

function summary(world: World, space: Space) {
  const storage = space.settings.SpaceStorageSettings?.EbsStorageSettings;
  return {
    DomainId: space.domainId,
    SpaceName: space.name,
    Status: statusOf(world, space),
    CreationTime: space.creationTime,
    LastModifiedTime: space.lastModifiedTime,
    SpaceSettingsSummary: {
      AppType: space.settings.AppType,
      SpaceStorageSettings: storage ? { EbsStorageSettings: storage } : undefined,
    },
    SpaceSharingSettingsSummary: space.sharingType ? { SharingType: space.sharingType } : undefined,
    OwnershipSettingsSummary: space.owner ? { OwnerUserProfileName: space.owner } : undefined,
    SpaceDisplayName: space.displayName,
  };
}

export function spacesHandlers(world: World): Record<string, OperationHandler> {
  const state = studioState(world);
  return {
    ListSpaces: (input) => {
      const needle = input.SpaceNameContains?.toLowerCase();
      const visible = [...state.spaces.values()].filter(
        (s) =>
          (!input.DomainIdEquals || s.domainId === input.DomainIdEquals) &&
          (!needle || s.name.toLowerCase().includes(needle)),
      );
      // Documented: SortBy "The default is CreationTime", SortOrder "The default is Ascending".
      const { items, NextToken } = page(sortBy(visible, input, 'Ascending'), input.NextToken, input.MaxResults);
      return { Spaces: items.map((s) => summary(world, s)), NextToken };
    },
    DescribeSpace: (input, ctx) =>
      describeSpace(world, findSpace(world, ctx.region, input.DomainId, input.SpaceName), ctx.region),
    CreateSpace: (input, ctx) => {
      const domain = findDomain(world, ctx.region, input.DomainId);
      const id = key(domain.id, input.SpaceName);
      const arn = world.arn('sagemaker', ctx.region, `space/${domain.id}/${input.SpaceName}`);
      if (state.spaces.has(id)) throw new AwsError('ResourceInUse', `Space '${arn}' already exists.`);
      const owner: string | undefined = input.OwnershipSettings?.OwnerUserProfileName;
      const sharing: 'Private' | 'Shared' | undefined = input.SpaceSharingSettings?.SharingType;
      if ((owner === undefined) !== (sharing === undefined))
        throw new AwsError(
          'ValidationException',
          'OwnershipSettings and SpaceSharingSettings must be specified together (a private or shared space has an owner).',
        );
      if (owner) findUserProfile(world, ctx.region, domain.id, owner);
      const settings: Settings = { ...(input.SpaceSettings ?? {}) };
      const appType = checkSpaceSettings(world, domain, owner, settings);
      if (appType && !settings.SpaceStorageSettings)
        settings.SpaceStorageSettings = { EbsStorageSettings: { EbsVolumeSizeInGb: defaultEbs(domain) } };
      const now = world.now();
      const space: Space = {
        domainId: domain.id,
        name: input.SpaceName,
        arn,
        displayName: input.SpaceDisplayName,
        settings,
        owner,
        sharingType: sharing,
        homeEfsFileSystemUid: String(200001 + state.userProfiles.size + state.spaces.size),
        creationTime: now,
        lastModifiedTime: now,
        transition: {
          phases: [{ status: 'Pending', seconds: CREATE_SECONDS }, { status: 'InService' }],
          since: world.clock.now(),
        },
      };
      state.spaces.set(id, space);
      return { SpaceArn: arn };
    },
    UpdateSpace: (input, ctx) => {
      const space = findSpace(world, ctx.region, input.DomainId, input.SpaceName);
      const domain = findDomain(world, ctx.region, input.DomainId);
      const status = statusOf(world, space);
      if (status !== 'InService')
        throw new AwsError('ResourceInUse', `Space '${space.arn}' is ${status} and cannot be updated now.`);
      refuseWhileRunning(world, space, 'updated');
      const update: Settings = input.SpaceSettings ?? {};
      if (update.AppType && space.settings.AppType && update.AppType !== space.settings.AppType)
        throw new AwsError(
          'ValidationException',
          `The AppType of space ${space.name} is ${space.settings.AppType} and cannot be changed to ${update.AppType}.`,
        );
      const settings = merged(space.settings, update);
      checkSpaceSettings(world, domain, space.owner, settings);
      const before = space.settings.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb;
      const after = settings.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb;
      if (before !== undefined && after !== undefined && after < before)
        throw new AwsError(
          'ValidationException',
          `EbsVolumeSizeInGb of space ${space.name} can only be increased (from ${before} GB, asked ${after} GB).`,
        );
      space.settings = settings;
      if (input.SpaceDisplayName !== undefined) space.displayName = input.SpaceDisplayName;
      space.lastModifiedTime = world.now();
      space.transition = {
        phases: [{ status: 'Updating', seconds: UPDATE_SECONDS }, { status: 'InService' }],
        since: world.clock.now(),
      };
      return { SpaceArn: space.arn };
    },
    DeleteSpace: (input, ctx) => {
      const space = findSpace(world, ctx.region, input.DomainId, input.SpaceName);
      const status = statusOf(world, space);
      if (status === 'Deleting') throw new AwsError('ResourceInUse', `Space '${space.arn}' is already being deleted.`);
      refuseWhileRunning(world, space, 'deleted');
      space.transition = { phases: [{ status: 'Deleting' }], since: world.clock.now() };
      // With its storage: the folder that plays /home/sagemaker-user goes.
      void studioGateway(world).discard(space.domainId, space.name);
      const goneAt = world.clock.now() + world.clock.duration(DELETE_SECONDS);
      const id = key(space.domainId, space.name);
      world.addSettler(() => {
        if (world.clock.now() < goneAt || state.spaces.get(id) !== space) return;
        state.spaces.delete(id);
        for (const [appId, app] of state.apps)
          if (app.domainId === space.domainId && app.spaceName === space.name) state.apps.delete(appId);
      });
      return {};
    },
  };
}
