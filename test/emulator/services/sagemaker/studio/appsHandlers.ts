// Apps: what runs on a space (JupyterLab or Code Editor, named `default`). CreateApp starts one: Pending while
// the instance boots and the space's lifecycle configuration runs, then InService, or Failed with the reason;
// DeleteApp stops it: Deleting, then Deleted (the record stays listed, as on AWS).
import { AwsError, type OperationHandler } from '../../../engine/contract';
import { page } from '../../support/paging';
import type { World } from '../../world';
import { sortBy } from './domainsHandlers';
import { appKey, findDomain, notFound, statusOf, studioState, type App } from './studioState';

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
  };
}
