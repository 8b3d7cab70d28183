// CreateDomain, DescribeDomain, ListDomains and the user profiles of a domain. A domain and a profile take a
// few minutes in Pending before InService, as on AWS; the seeded ones are InService.
import { AwsError, type OperationHandler } from '../../../engine/contract';
import { page } from '../../support/paging';
import type { World } from '../../world';
import { domainUrl } from './studioDefaults';
import { findDomain, findUserProfile, key, statusOf, studioState, type Domain, type UserProfile } from './studioState';
import { checkLifecycleConfigArns } from './lifecycleConfigsHandlers';
import { checkInstanceType, SPACE_APP_SETTINGS } from './spaceRules';

const DOMAIN_PENDING_SECONDS = 240;

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** User settings (a domain's defaults or a profile's): lifecycle configurations and instance types per app type. */
function checkUserSettings(world: World, region: string, settings: Settings | undefined): void {
  checkLifecycleConfigArns(world, region, settings);
  for (const [appType, member] of Object.entries(SPACE_APP_SETTINGS))
    checkInstanceType(appType, settings?.[member]?.DefaultResourceSpec?.InstanceType);
}
const PROFILE_PENDING_SECONDS = 60;

function domainId(world: World): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    let id = 'd-';
    for (let i = 0; i < 12; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
    if (!studioState(world).domains.has(id)) return id;
  }
}

function describeDomain(world: World, domain: Domain, region: string) {
  return {
    DomainArn: domain.arn,
    DomainId: domain.id,
    DomainName: domain.name,
    HomeEfsFileSystemId: domain.homeEfsFileSystemId,
    Status: statusOf(world, domain),
    CreationTime: domain.creationTime,
    LastModifiedTime: domain.lastModifiedTime,
    AuthMode: domain.authMode,
    DefaultUserSettings: domain.defaultUserSettings,
    DefaultSpaceSettings: domain.defaultSpaceSettings,
    DomainSettings: domain.domainSettings,
    AppNetworkAccessType: domain.appNetworkAccessType,
    SubnetIds: domain.subnetIds,
    Url: domainUrl(domain.id, region),
    VpcId: domain.vpcId,
  };
}

function describeProfile(world: World, profile: UserProfile) {
  return {
    DomainId: profile.domainId,
    UserProfileArn: profile.arn,
    UserProfileName: profile.name,
    HomeEfsFileSystemUid: profile.homeEfsFileSystemUid,
    Status: statusOf(world, profile),
    LastModifiedTime: profile.lastModifiedTime,
    CreationTime: profile.creationTime,
    UserSettings: profile.userSettings,
  };
}

/** Sorted by SortBy (CreationTime or LastModifiedTime) and SortOrder, as the Studio lists document. */
export function sortBy<T extends { creationTime: Date; lastModifiedTime?: Date }>(
  items: T[],
  input: { SortBy?: string; SortOrder?: string },
  defaultOrder: 'Ascending' | 'Descending',
  name?: (item: T) => string,
): T[] {
  const direction = (input.SortOrder ?? defaultOrder) === 'Ascending' ? 1 : -1;
  const value = (item: T): string | number =>
    input.SortBy === 'Name' && name
      ? name(item)
      : input.SortBy === 'LastModifiedTime'
        ? (item.lastModifiedTime ?? item.creationTime).getTime()
        : item.creationTime.getTime();
  return [...items].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    return (va < vb ? -1 : va > vb ? 1 : 0) * direction;
  });
}

export function domainsHandlers(world: World): Record<string, OperationHandler> {
  const state = studioState(world);
  return {
    ListDomains: (input, ctx) => {
      // ListDomains documents no sort; AWS lists them oldest first.
      const sorted = sortBy([...state.domains.values()], {}, 'Ascending');
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        Domains: items.map((d) => ({
          DomainArn: d.arn,
          DomainId: d.id,
          DomainName: d.name,
          Status: statusOf(world, d),
          CreationTime: d.creationTime,
          LastModifiedTime: d.lastModifiedTime,
          Url: domainUrl(d.id, ctx.region),
        })),
        NextToken,
      };
    },
    DescribeDomain: (input, ctx) => describeDomain(world, findDomain(world, ctx.region, input.DomainId), ctx.region),
    CreateDomain: (input, ctx) => {
      const taken = [...state.domains.values()].find((d) => d.name === input.DomainName);
      if (taken) throw new AwsError('ResourceInUse', `Domain with name ${input.DomainName} already exists.`);
      checkUserSettings(world, ctx.region, input.DefaultUserSettings);
      const id = domainId(world);
      const now = world.now();
      const domain: Domain = {
        id,
        name: input.DomainName,
        arn: world.arn('sagemaker', ctx.region, `domain/${id}`),
        authMode: input.AuthMode,
        defaultUserSettings: input.DefaultUserSettings,
        defaultSpaceSettings: input.DefaultSpaceSettings,
        domainSettings: input.DomainSettings,
        appNetworkAccessType: input.AppNetworkAccessType ?? 'PublicInternetOnly',
        vpcId: input.VpcId,
        subnetIds: input.SubnetIds,
        homeEfsFileSystemId: `fs-${id
          .slice(2)
          .padEnd(17, '0')
          .replace(/[^0-9a-f]/g, '0')}`,
        creationTime: now,
        lastModifiedTime: now,
        transition: {
          phases: [{ status: 'Pending', seconds: DOMAIN_PENDING_SECONDS }, { status: 'InService' }],
          since: world.clock.now(),
        },
      };
      state.domains.set(id, domain);
      return { DomainArn: domain.arn, Url: domainUrl(id, ctx.region) };
    },
    ListUserProfiles: (input) => {
      const needle = input.UserProfileNameContains?.toLowerCase();
      const visible = [...state.userProfiles.values()].filter(
        (p) =>
          (!input.DomainIdEquals || p.domainId === input.DomainIdEquals) &&
          (!needle || p.name.toLowerCase().includes(needle)),
      );
      // Documented: SortBy "The default is CreationTime", SortOrder "The default is Ascending".
      const { items, NextToken } = page(sortBy(visible, input, 'Ascending'), input.NextToken, input.MaxResults);
      return {
        UserProfiles: items.map((p) => ({
          DomainId: p.domainId,
          UserProfileName: p.name,
          Status: statusOf(world, p),
          CreationTime: p.creationTime,
          LastModifiedTime: p.lastModifiedTime,
        })),
        NextToken,
      };
    },
    DescribeUserProfile: (input, ctx) =>
      describeProfile(world, findUserProfile(world, ctx.region, input.DomainId, input.UserProfileName)),
    CreateUserProfile: (input, ctx) => {
      const domain = findDomain(world, ctx.region, input.DomainId);
      const id = key(domain.id, input.UserProfileName);
      const existing = state.userProfiles.get(id);
      if (existing) throw new AwsError('ResourceInUse', `User profile '${existing.arn}' already exists.`);
      checkUserSettings(world, ctx.region, input.UserSettings);
      const now = world.now();
      const profile: UserProfile = {
        domainId: domain.id,
        name: input.UserProfileName,
        arn: world.arn('sagemaker', ctx.region, `user-profile/${domain.id}/${input.UserProfileName}`),
        userSettings: input.UserSettings,
        homeEfsFileSystemUid: String(200001 + state.userProfiles.size + state.spaces.size),
        creationTime: now,
        lastModifiedTime: now,
        transition: {
          phases: [{ status: 'Pending', seconds: PROFILE_PENDING_SECONDS }, { status: 'InService' }],
          since: world.clock.now(),
        },
      };
      state.userProfiles.set(id, profile);
      return { UserProfileArn: profile.arn };
    },
  };
}
