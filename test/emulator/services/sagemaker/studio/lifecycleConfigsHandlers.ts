// Studio lifecycle configurations: base64 shell scripts for JupyterLab or Code Editor apps. They are immutable
// (no update operation; LastModifiedTime equals CreationTime), and DeleteStudioLifecycleConfig refuses
// (ResourceInUse) while a running app uses one or a domain, user profile or space still lists it.
import { AwsError, type OperationHandler } from '../../../engine/contract';
import { page } from '../../support/paging';
import type { World } from '../../world';
import { sortBy } from './domainsHandlers';
import { notFound, statusOf, studioState, type StudioLifecycleConfig } from './studioState';

type Settings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The members of user, space and domain settings that may name lifecycle configurations, by app type. */
const APP_SETTINGS: Record<string, string> = {
  JupyterLabAppSettings: 'JupyterLab',
  CodeEditorAppSettings: 'CodeEditor',
  JupyterServerAppSettings: 'JupyterServer',
  KernelGatewayAppSettings: 'KernelGateway',
};

/** Every lifecycle configuration ARN the settings name, with the app type of the settings naming it. */
export function lifecycleArnsIn(settings: Settings | undefined): Array<{ arn: string; appType: string }> {
  const found: Array<{ arn: string; appType: string }> = [];
  for (const [member, appType] of Object.entries(APP_SETTINGS)) {
    const app = settings?.[member];
    if (!app) continue;
    for (const arn of app.LifecycleConfigArns ?? []) found.push({ arn, appType });
    const single = app.DefaultResourceSpec?.LifecycleConfigArn;
    if (single && single !== 'None') found.push({ arn: single, appType });
  }
  return found.filter((f) => f.arn !== 'None');
}

export function lifecycleConfigByArn(world: World, arn: string): StudioLifecycleConfig | undefined {
  return [...studioState(world).lifecycleConfigs.values()].find((c) => c.arn === arn);
}

/** Settings may only name configurations that exist and are of the settings' app type. */
export function checkLifecycleConfigArns(world: World, _region: string, settings: Settings | undefined): void {
  for (const { arn, appType } of lifecycleArnsIn(settings)) {
    const config = lifecycleConfigByArn(world, arn);
    if (!config) throw notFound('Studio lifecycle config', arn);
    if (config.appType !== appType)
      throw new AwsError(
        'ValidationException',
        `Lifecycle config ${arn} is of app type ${config.appType} and cannot be used for ${appType} apps.`,
      );
  }
}

/** Where the configuration is still attached: domain defaults, user profiles, spaces and apps not Deleted. */
export function attachmentsOf(world: World, config: StudioLifecycleConfig): string[] {
  const state = studioState(world);
  const names = (settings: Settings | undefined) => lifecycleArnsIn(settings).some((f) => f.arn === config.arn);
  const where: string[] = [];
  for (const domain of state.domains.values())
    if (names(domain.defaultUserSettings) || names(domain.defaultSpaceSettings)) where.push(`domain ${domain.id}`);
  for (const profile of state.userProfiles.values())
    if (names(profile.userSettings)) where.push(`user profile ${profile.domainId}/${profile.name}`);
  for (const space of state.spaces.values())
    if (names(space.settings)) where.push(`space ${space.domainId}/${space.name}`);
  for (const app of state.apps.values()) {
    const status = statusOf(world, app);
    if (app.resourceSpec.LifecycleConfigArn === config.arn && status !== 'Deleted' && status !== 'Failed')
      where.push(`app ${app.arn}`);
  }
  return where;
}

function arnOf(world: World, region: string, name: string): string {
  return world.arn('sagemaker', region, `studio-lifecycle-config/${name}`);
}

function find(world: World, region: string, name: string): StudioLifecycleConfig {
  const config = studioState(world).lifecycleConfigs.get(name);
  if (!config) throw notFound('Studio lifecycle config', arnOf(world, region, name));
  return config;
}

export function lifecycleConfigsHandlers(world: World): Record<string, OperationHandler> {
  const state = studioState(world);
  return {
    ListStudioLifecycleConfigs: (input) => {
      const needle = input.NameContains?.toLowerCase();
      const visible = [...state.lifecycleConfigs.values()].filter(
        (c) =>
          (!needle || c.name.toLowerCase().includes(needle)) &&
          (!input.AppTypeEquals || c.appType === input.AppTypeEquals) &&
          (!input.CreationTimeAfter || c.creationTime > input.CreationTimeAfter) &&
          (!input.CreationTimeBefore || c.creationTime < input.CreationTimeBefore) &&
          (!input.ModifiedTimeAfter || c.creationTime > input.ModifiedTimeAfter) &&
          (!input.ModifiedTimeBefore || c.creationTime < input.ModifiedTimeBefore),
      );
      // Documented: SortBy "The default value is CreationTime", SortOrder "The default value is Descending".
      const sorted = sortBy(visible, input, 'Descending', (c) => c.name);
      const { items, NextToken } = page(sorted, input.NextToken, input.MaxResults);
      return {
        StudioLifecycleConfigs: items.map((c) => ({
          StudioLifecycleConfigArn: c.arn,
          StudioLifecycleConfigName: c.name,
          CreationTime: c.creationTime,
          LastModifiedTime: c.creationTime,
          StudioLifecycleConfigAppType: c.appType,
        })),
        NextToken,
      };
    },
    DescribeStudioLifecycleConfig: (input, ctx) => {
      const config = find(world, ctx.region, input.StudioLifecycleConfigName);
      return {
        StudioLifecycleConfigArn: config.arn,
        StudioLifecycleConfigName: config.name,
        CreationTime: config.creationTime,
        // "This value is equivalent to CreationTime because Studio Lifecycle Configurations are immutable."
        LastModifiedTime: config.creationTime,
        StudioLifecycleConfigContent: config.content,
        StudioLifecycleConfigAppType: config.appType,
      };
    },
    CreateStudioLifecycleConfig: (input, ctx) => {
      const name: string = input.StudioLifecycleConfigName;
      const arn = arnOf(world, ctx.region, name);
      if (state.lifecycleConfigs.has(name))
        throw new AwsError('ResourceInUse', `Studio lifecycle config '${arn}' already exists.`);
      const content: string = input.StudioLifecycleConfigContent;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0)
        throw new AwsError(
          'ValidationException',
          'StudioLifecycleConfigContent must be base64 encoded (the script, base64-encoded, at most 16384 characters).',
        );
      const config: StudioLifecycleConfig = {
        name,
        arn,
        appType: input.StudioLifecycleConfigAppType,
        content,
        creationTime: world.now(),
      };
      state.lifecycleConfigs.set(name, config);
      return { StudioLifecycleConfigArn: arn };
    },
    DeleteStudioLifecycleConfig: (input, ctx) => {
      const config = find(world, ctx.region, input.StudioLifecycleConfigName);
      const where = attachmentsOf(world, config);
      if (where.length > 0)
        throw new AwsError(
          'ResourceInUse',
          `Studio lifecycle config '${config.arn}' is in use by ${where.join(', ')}. Remove it from their settings and stop the apps using it before deleting it.`,
        );
      state.lifecycleConfigs.delete(config.name);
      return {};
    },
  };
}
