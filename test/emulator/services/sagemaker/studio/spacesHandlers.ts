// Spaces: a domain's private (one owner) or shared storage plus the settings of the one app that runs on it
// (JupyterLab or Code Editor): instance type, SageMaker Distribution image, lifecycle configuration, EBS size
// and idle shutdown. A space is InService from its creation; it "runs" when its app does (appsHandlers.ts).
import type { OperationHandler } from '../../../engine/contract';
import { page } from '../../support/paging';
import type { World } from '../../world';
import { sortBy } from './domainsHandlers';
import { spaceUrl } from './studioDefaults';
import { findSpace, statusOf, studioState, type Space } from './studioState';

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
  };
}
