// SageMaker Studio as the emulator holds it: domains, their user profiles and spaces, the apps that run in
// spaces, and Studio lifecycle configurations. Statuses follow AWS's state machines on the scaled clock
// (support/lifecycle.ts): nothing ticks, a status is read from when its transition began.
import { AwsError } from '../../../engine/contract';
import { phaseAt, type Phase } from '../../support/lifecycle';
import type { World } from '../../world';

/** Domain, user profile and space statuses share one enum in the model. */
export type ResourceStatus = 'Pending' | 'InService' | 'Updating' | 'Deleting' | 'Failed';
export type AppStatus = 'Pending' | 'InService' | 'Deleting' | 'Deleted' | 'Failed';
/** The app types a space runs (SpaceSettings.AppType) that the emulator serves. */
export type SpaceAppType = 'JupyterLab' | 'CodeEditor';

export interface Transition<S extends string> {
  phases: Phase<S>[];
  since: number;
}

/** Model-shaped settings objects are kept as the caller sent them (with defaults filled in). */
type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Domain {
  id: string;
  name: string;
  arn: string;
  authMode: 'IAM' | 'SSO';
  defaultUserSettings: Settings;
  defaultSpaceSettings?: Settings;
  domainSettings?: Settings;
  appNetworkAccessType: 'PublicInternetOnly' | 'VpcOnly';
  vpcId?: string;
  subnetIds?: string[];
  homeEfsFileSystemId: string;
  creationTime: Date;
  lastModifiedTime: Date;
  transition: Transition<ResourceStatus>;
}

export interface UserProfile {
  domainId: string;
  name: string;
  arn: string;
  userSettings?: Settings;
  homeEfsFileSystemUid: string;
  creationTime: Date;
  lastModifiedTime: Date;
  transition: Transition<ResourceStatus>;
}

export interface Space {
  domainId: string;
  name: string;
  arn: string;
  displayName?: string;
  settings: Settings;
  owner?: string;
  sharingType?: 'Private' | 'Shared';
  homeEfsFileSystemUid: string;
  creationTime: Date;
  lastModifiedTime: Date;
  transition: Transition<ResourceStatus>;
}

export interface App {
  domainId: string;
  spaceName?: string;
  userProfileName?: string;
  appType: string;
  appName: string;
  arn: string;
  resourceSpec: Settings;
  creationTime: Date;
  failureReason?: string;
  /** The lifecycle configuration's output of the current start, until written to CloudWatch Logs. */
  logLines?: string[];
  transition: Transition<AppStatus>;
}

export interface StudioLifecycleConfig {
  name: string;
  arn: string;
  appType: string;
  /** Base64, as sent. */
  content: string;
  creationTime: Date;
}

export interface StudioState {
  domains: Map<string, Domain>;
  /** By `${domainId}/${name}`. */
  userProfiles: Map<string, UserProfile>;
  spaces: Map<string, Space>;
  /** By `${domainId}/${owner}/${appType}/${appName}` where owner is the space or user profile. */
  apps: Map<string, App>;
  lifecycleConfigs: Map<string, StudioLifecycleConfig>;
}

export function studioState(world: World): StudioState {
  return world.state('sagemaker.studio', () => ({
    domains: new Map(),
    userProfiles: new Map(),
    spaces: new Map(),
    apps: new Map(),
    lifecycleConfigs: new Map(),
  }));
}

export function statusOf<S extends string>(world: World, resource: { transition: Transition<S> }): S {
  return phaseAt(resource.transition.phases, resource.transition.since, world.clock).status;
}

export function settled<S extends string>(world: World, status: S): Transition<S> {
  return { phases: [{ status }], since: world.clock.now() };
}

export function key(domainId: string, ...rest: string[]): string {
  return [domainId, ...rest].join('/');
}

export function appKey(domainId: string, owner: string, appType: string, appName: string): string {
  return key(domainId, owner, appType, appName);
}

export function domainArn(world: World, region: string, id: string): string {
  return world.arn('sagemaker', region, `domain/${id}`);
}

/** A Studio resource that does not exist, as SageMaker words it. */
export function notFound(kind: string, arn: string): AwsError {
  return new AwsError('ResourceNotFound', `${kind} '${arn}' does not exist.`);
}

export function findDomain(world: World, region: string, id: string): Domain {
  const domain = studioState(world).domains.get(id);
  if (!domain) throw notFound('Domain', domainArn(world, region, id));
  return domain;
}

export function findUserProfile(world: World, region: string, domainId: string, name: string): UserProfile {
  findDomain(world, region, domainId);
  const profile = studioState(world).userProfiles.get(key(domainId, name));
  if (!profile) throw notFound('User profile', world.arn('sagemaker', region, `user-profile/${domainId}/${name}`));
  return profile;
}

export function findSpace(world: World, region: string, domainId: string, name: string): Space {
  findDomain(world, region, domainId);
  const space = studioState(world).spaces.get(key(domainId, name));
  if (!space) throw notFound('Space', world.arn('sagemaker', region, `space/${domainId}/${name}`));
  return space;
}

/** The space's app (AWS names it `default`) that is not Deleted, if any. */
export function liveAppOf(world: World, space: Space): App | undefined {
  return [...studioState(world).apps.values()].find(
    (app) => app.domainId === space.domainId && app.spaceName === space.name && statusOf(world, app) !== 'Deleted',
  );
}
