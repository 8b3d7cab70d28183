// Apps: what runs on a space (JupyterLab or Code Editor, named `default`). CreateApp starts one: Pending while
// the instance boots and the space's lifecycle configuration runs, then InService, or Failed with the reason;
// DeleteApp stops it: Deleting, then Deleted (the record stays listed, as on AWS).
import { AwsError, type OperationHandler } from '../../../engine/contract';
import { page } from '../../support/paging';
import type { World } from '../../world';
import { sortBy } from './domainsHandlers';
import { runScript } from '../lifecycleScriptRun';
import { checkInstanceType, checkQuota, checkSpaceLifecycleConfig, SPACE_APP_SETTINGS } from './spaceRules';
import { distributionImage, DEFAULT_INSTANCE_TYPE } from './studioDefaults';
import { studioGateway } from './studioGateway';
import { lifecycleConfigByArn } from './lifecycleConfigsHandlers';
import {
  appKey,
  findDomain,
  findSpace,
  key,
  liveAppOf,
  notFound,
  statusOf,
  studioState,
  type App,
  type Space,
  type SpaceAppType,
} from './studioState';

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A JupyterLab or Code Editor app takes about two minutes to start, one to stop. */
const START_SECONDS = 120;
const STOP_SECONDS = 60;
export const STUDIO_LOG_GROUP = '/aws/sagemaker/studio';

/** The spec an app runs with: the request's, over the space's, the owner's profile's and the domain's defaults. */
function resourceSpecFor(world: World, space: Space, appType: SpaceAppType, requested: Settings | undefined): Settings {
  const member = SPACE_APP_SETTINGS[appType];
  const domain = studioState(world).domains.get(space.domainId);
  const profile = space.owner ? studioState(world).userProfiles.get(key(space.domainId, space.owner)) : undefined;
  const layers = [
    { InstanceType: DEFAULT_INSTANCE_TYPE, ...distributionImage(world, space.arn.split(':')[3]) },
    domain?.defaultUserSettings?.[member]?.DefaultResourceSpec,
    profile?.userSettings?.[member]?.DefaultResourceSpec,
    space.settings[member]?.DefaultResourceSpec,
    requested,
  ];
  const spec: Settings = {};
  for (const layer of layers)
    for (const [name, value] of Object.entries(layer ?? {})) if (value !== undefined) spec[name] = value;
  return spec;
}

function logStream(app: App): string {
  return `${app.domainId}/${app.spaceName}/${app.appType}/${app.appName}/LifecycleConfigOnStart`;
}

/** Runs the app's lifecycle configuration as the start would: its outcome decides InService or Failed. */
function startPhases(world: World, app: App): App['transition']['phases'] {
  const arn = app.resourceSpec.LifecycleConfigArn;
  const config = arn && arn !== 'None' ? lifecycleConfigByArn(world, arn) : undefined;
  app.failureReason = undefined;
  app.logLines = [];
  if (config) {
    const script = Buffer.from(config.content, 'base64').toString('utf8');
    const run = runScript(world, script, `${app.spaceName}`, 'OnStart');
    app.logLines = run.lines;
    if (run.timedOut)
      app.failureReason = `The lifecycle configuration ${config.name} ran for longer than 5 minutes and was stopped. See log stream ${logStream(app)} in log group ${STUDIO_LOG_GROUP}.`;
    else if (run.status !== 0)
      app.failureReason = `The lifecycle configuration ${config.name} failed with exit code ${run.status}. See log stream ${logStream(app)} in log group ${STUDIO_LOG_GROUP}.`;
  }
  return [{ status: 'Pending', seconds: START_SECONDS }, { status: app.failureReason ? 'Failed' : 'InService' }];
}

/** Writes each start's lifecycle script output to CloudWatch Logs once the app has left Pending. */
function logFinishedStarts(world: World): void {
  for (const app of studioState(world).apps.values()) {
    if (!app.logLines || app.logLines.length === 0 || statusOf(world, app) === 'Pending') continue;
    const at = app.transition.since;
    world.logs.append(
      STUDIO_LOG_GROUP,
      logStream(app),
      app.logLines.map((message, i) => ({ message, timestamp: at + i })),
    );
    app.logLines = undefined;
  }
}

export function describeApp(world: World, app: App) {
  const status = statusOf(world, app);
  return {
    AppArn: app.arn,
    AppType: app.appType,
    AppName: app.appName,
    DomainId: app.domainId,
    UserProfileName: app.userProfileName,
    SpaceName: app.spaceName,
    Status: status,
    LastHealthCheckTimestamp: status === 'InService' ? world.now() : undefined,
    LastUserActivityTimestamp: status === 'InService' ? app.creationTime : undefined,
    CreationTime: app.creationTime,
    FailureReason: status === 'Failed' ? app.failureReason : undefined,
    ResourceSpec: app.resourceSpec,
  };
}

export function findApp(
  world: World,
  region: string,
  input: { DomainId: string; SpaceName?: string; UserProfileName?: string; AppType: string; AppName: string },
): App {
  findDomain(world, region, input.DomainId);
  const owner = input.SpaceName ?? input.UserProfileName;
  if (!owner) throw new AwsError('ValidationException', 'Either SpaceName or UserProfileName must be specified.');
  const app = studioState(world).apps.get(appKey(input.DomainId, owner, input.AppType, input.AppName));
  const arn = world.arn(
    'sagemaker',
    region,
    `app/${input.DomainId}/${owner}/${input.AppType.toLowerCase()}/${input.AppName}`,
  );
  if (!app) throw notFound('App', arn);
  return app;
}

export function appsHandlers(world: World): Record<string, OperationHandler> {
  const state = studioState(world);
  world.addSettler(() => logFinishedStarts(world));
  return {
    ListApps: (input) => {
      const visible = [...state.apps.values()].filter(
        (a) =>
          (!input.DomainIdEquals || a.domainId === input.DomainIdEquals) &&
          (!input.UserProfileNameEquals || a.userProfileName === input.UserProfileNameEquals) &&
          (!input.SpaceNameEquals || a.spaceName === input.SpaceNameEquals),
      );
      // Documented: SortBy "The default is CreationTime", SortOrder "The default is Ascending".
      const { items, NextToken } = page(sortBy(visible, input, 'Ascending'), input.NextToken, input.MaxResults);
      return {
        Apps: items.map((a) => ({
          DomainId: a.domainId,
          UserProfileName: a.userProfileName,
          SpaceName: a.spaceName,
          AppType: a.appType,
          AppName: a.appName,
          Status: statusOf(world, a),
          CreationTime: a.creationTime,
          ResourceSpec: a.resourceSpec,
        })),
        NextToken,
      };
    },
    DescribeApp: (input, ctx) => describeApp(world, findApp(world, ctx.region, input)),
    CreateApp: (input, ctx) => {
      const domain = findDomain(world, ctx.region, input.DomainId);
      if (!input.SpaceName)
        throw new AwsError(
          'ValidationException',
          `${input.AppType} apps run in a space: SpaceName is required (the emulator serves no Studio Classic user-profile apps).`,
        );
      const space = findSpace(world, ctx.region, domain.id, input.SpaceName);
      const spaceType = space.settings.AppType;
      if (spaceType !== input.AppType)
        throw new AwsError(
          'ValidationException',
          `Space ${space.name} runs ${spaceType ?? 'no'} apps (SpaceSettings.AppType); it cannot run a ${input.AppType} app.`,
        );
      if (statusOf(world, space) !== 'InService')
        throw new AwsError('ResourceInUse', `Space '${space.arn}' is ${statusOf(world, space)}.`);
      const arn = world.arn(
        'sagemaker',
        ctx.region,
        `app/${domain.id}/${space.name}/${String(input.AppType).toLowerCase()}/${input.AppName}`,
      );
      const live = liveAppOf(world, space);
      if (live && statusOf(world, live) !== 'Failed')
        throw new AwsError(
          'ResourceInUse',
          live.appName === input.AppName
            ? `App '${arn}' already exists (${statusOf(world, live)}).`
            : `Space '${space.arn}' already has the app '${live.arn}' (${statusOf(world, live)}); a space runs one app at a time.`,
        );
      const appType = spaceType as SpaceAppType;
      const spec = resourceSpecFor(world, space, appType, input.ResourceSpec);
      checkInstanceType(appType, spec.InstanceType);
      checkQuota(appType, spec.InstanceType);
      checkSpaceLifecycleConfig(world, domain, space.owner, appType, spec.LifecycleConfigArn);
      const app: App = {
        domainId: domain.id,
        spaceName: space.name,
        appType,
        appName: input.AppName,
        arn,
        resourceSpec: spec,
        creationTime: world.now(),
        transition: { phases: [], since: world.clock.now() },
      };
      app.transition.phases = startPhases(world, app);
      state.apps.set(appKey(domain.id, space.name, appType, input.AppName), app);
      return { AppArn: arn };
    },
    DeleteApp: (input, ctx) => {
      const app = findApp(world, ctx.region, input);
      const status = statusOf(world, app);
      if (status === 'Deleting' || status === 'Deleted')
        throw new AwsError('ResourceInUse', `App '${app.arn}' is ${status}.`);
      app.transition = {
        phases: [{ status: 'Deleting', seconds: STOP_SECONDS }, { status: 'Deleted' }],
        since: world.clock.now(),
      };
      // Its Jupyter goes down now: sessions end, connections close; the space's folder stays.
      if (app.spaceName) void studioGateway(world).stop(app.domainId, app.spaceName);
      return {};
    },
  };
}
