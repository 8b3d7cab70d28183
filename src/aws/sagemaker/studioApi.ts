// SageMaker Studio: domains, user profiles, spaces, the apps that run on spaces and Studio lifecycle
// configurations. Lists are one call per page (the views page them); the pickers of the commands read a few
// pages through the SDK's paginators; apps are followed with DescribeApp (the SDK has no waiter for them).
import * as l10n from '@vscode/l10n';
import type {
  AppDetails,
  CreateSpaceCommandInput,
  DomainDetails,
  ResourceSpec,
  SpaceDetails,
  StudioLifecycleConfigDetails,
  UpdateSpaceCommandInput,
  UserProfileDetails,
} from '@aws-sdk/client-sagemaker';
import type { Page } from '../../model/pagedList';
import { PollBackoff } from '../../model/pollBackoff';
import { SPACE_APP_NAME, type SpaceAppType } from '../../model/studioSpaces';
import type { AwsClients } from '../clients';
import { firstPages } from '../firstPages';
import { madeMomentsAgo, sendOnce } from '../retriedCreate';

export const DOMAIN_STATUSES = [
  'Pending',
  'InService',
  'Updating',
  'Deleting',
  'Failed',
  'Update_Failed',
  'Delete_Failed',
] as const;

export async function listDomainsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<DomainDetails>> {
  const { ListDomainsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(new ListDomainsCommand({ NextToken: nextToken, MaxResults: maxResults }));
  return { items: out.Domains ?? [], nextToken: out.NextToken };
}

export async function describeDomain(clients: AwsClients, domainId: string) {
  const { DescribeDomainCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeDomainCommand({ DomainId: domainId }));
}

export async function listUserProfilesPage(
  clients: AwsClients,
  domainId: string,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<UserProfileDetails>> {
  const { ListUserProfilesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListUserProfilesCommand({
      DomainIdEquals: domainId,
      NextToken: nextToken,
      MaxResults: maxResults,
      SortBy: 'CreationTime',
      SortOrder: 'Ascending',
    }),
  );
  return { items: out.UserProfiles ?? [], nextToken: out.NextToken };
}

export async function describeUserProfile(clients: AwsClients, domainId: string, name: string) {
  const { DescribeUserProfileCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(
    new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: name }),
  );
}

/** A domain's spaces, oldest first (the order Studio lists them in). */
export async function listSpacesPage(
  clients: AwsClients,
  domainId: string,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<SpaceDetails>> {
  const { ListSpacesCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListSpacesCommand({
      DomainIdEquals: domainId,
      NextToken: nextToken,
      MaxResults: maxResults,
      SortBy: 'CreationTime',
      SortOrder: 'Ascending',
    }),
  );
  return { items: out.Spaces ?? [], nextToken: out.NextToken };
}

export async function describeSpace(clients: AwsClients, domainId: string, spaceName: string) {
  const { DescribeSpaceCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(new DescribeSpaceCommand({ DomainId: domainId, SpaceName: spaceName }));
}

/**
 * The newest app of each space of a domain, from one ListApps call (newest first, 100 apps: Deleted apps stay
 * listed for a while, so a busy domain may push a space's last app past them; `complete` says whether the
 * page held every app).
 */
export async function latestSpaceApps(
  clients: AwsClients,
  domainId: string,
): Promise<{ bySpace: Map<string, AppDetails>; complete: boolean }> {
  const { ListAppsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListAppsCommand({
      DomainIdEquals: domainId,
      MaxResults: 100,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
    }),
  );
  const bySpace = new Map<string, AppDetails>();
  for (const app of out.Apps ?? []) {
    if (app.SpaceName && !bySpace.has(app.SpaceName)) bySpace.set(app.SpaceName, app);
  }
  return { bySpace, complete: !out.NextToken };
}

export async function listStudioLifecycleConfigsPage(
  clients: AwsClients,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<StudioLifecycleConfigDetails>> {
  const { ListStudioLifecycleConfigsCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new ListStudioLifecycleConfigsCommand({
      NextToken: nextToken,
      MaxResults: maxResults,
      SortBy: 'Name',
      SortOrder: 'Ascending',
    }),
  );
  return { items: out.StudioLifecycleConfigs ?? [], nextToken: out.NextToken };
}

export async function describeStudioLifecycleConfig(clients: AwsClients, name: string) {
  const { DescribeStudioLifecycleConfigCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(
    new DescribeStudioLifecycleConfigCommand({ StudioLifecycleConfigName: name }),
  );
}

/** Pickers: the user profiles of a domain (a few pages). */
export async function userProfileNames(clients: AwsClients, domainId: string): Promise<string[]> {
  const { paginateListUserProfiles } = await import('./sageMakerSdk.js');
  return firstPages(
    paginateListUserProfiles({ client: await clients.sagemaker(), pageSize: 100 }, { DomainIdEquals: domainId }),
    (page) => (page.UserProfiles ?? []).map((p) => p.UserProfileName ?? ''),
  );
}

/** Pickers: the spaces of a domain (a few pages). */
export async function domainSpaces(clients: AwsClients, domainId: string): Promise<SpaceDetails[]> {
  const { paginateListSpaces } = await import('./sageMakerSdk.js');
  return firstPages(
    paginateListSpaces({ client: await clients.sagemaker(), pageSize: 100 }, { DomainIdEquals: domainId }),
    (page) => page.Spaces ?? [],
  );
}

/** Pickers: the Studio lifecycle configurations of one app type (a few pages). */
export async function studioLifecycleConfigs(
  clients: AwsClients,
  appType: SpaceAppType,
): Promise<StudioLifecycleConfigDetails[]> {
  const { paginateListStudioLifecycleConfigs } = await import('./sageMakerSdk.js');
  return firstPages(
    paginateListStudioLifecycleConfigs(
      { client: await clients.sagemaker(), pageSize: 100 },
      { AppTypeEquals: appType, SortBy: 'Name', SortOrder: 'Ascending' },
    ),
    (page) => page.StudioLifecycleConfigs ?? [],
  );
}

export async function createSpace(clients: AwsClients, input: CreateSpaceCommandInput): Promise<void> {
  const { CreateSpaceCommand, DescribeSpaceCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () => sagemaker.send(new CreateSpaceCommand(input)),
    async () => {
      const made = await sagemaker.send(
        new DescribeSpaceCommand({ DomainId: input.DomainId, SpaceName: input.SpaceName }),
      );
      return (
        madeMomentsAgo(made.CreationTime) &&
        made.OwnershipSettings?.OwnerUserProfileName === input.OwnershipSettings?.OwnerUserProfileName
      );
    },
  );
}

export async function updateSpace(clients: AwsClients, input: UpdateSpaceCommandInput): Promise<void> {
  const { UpdateSpaceCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new UpdateSpaceCommand(input));
}

export async function deleteSpace(clients: AwsClients, domainId: string, spaceName: string): Promise<void> {
  const { DeleteSpaceCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new DeleteSpaceCommand({ DomainId: domainId, SpaceName: spaceName }));
}

export interface SpaceApp {
  domainId: string;
  spaceName: string;
  appType: SpaceAppType;
}

/** Starts the space's app (`default`) on the given resources; a retry that meets the app starting is this start. */
export async function createSpaceApp(clients: AwsClients, app: SpaceApp, spec: ResourceSpec): Promise<void> {
  const { CreateAppCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sendOnce(
    () =>
      sagemaker.send(
        new CreateAppCommand({
          DomainId: app.domainId,
          SpaceName: app.spaceName,
          AppType: app.appType,
          AppName: SPACE_APP_NAME,
          ResourceSpec: spec,
        }),
      ),
    async () => {
      const status = (await describeSpaceApp(clients, app)).Status;
      return status === 'Pending' || status === 'InService';
    },
  );
}

export async function deleteSpaceApp(clients: AwsClients, app: SpaceApp): Promise<void> {
  const { DeleteAppCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  await sagemaker.send(
    new DeleteAppCommand({
      DomainId: app.domainId,
      SpaceName: app.spaceName,
      AppType: app.appType,
      AppName: SPACE_APP_NAME,
    }),
  );
}

export async function describeSpaceApp(clients: AwsClients, app: SpaceApp) {
  const { DescribeAppCommand } = await import('./sageMakerSdk.js');
  return (await clients.sagemaker()).send(
    new DescribeAppCommand({
      DomainId: app.domainId,
      SpaceName: app.spaceName,
      AppType: app.appType,
      AppName: SPACE_APP_NAME,
    }),
  );
}

export type AppSettled = { state: 'reached' } | { state: 'failed'; reason: string } | { state: 'stopped watching' };

/** Reads the app with DescribeApp (backing off from `pollSeconds` to a minute) until it is `target`, Failed, or the signal aborts. */
export async function waitForSpaceApp(
  clients: AwsClients,
  app: SpaceApp,
  target: 'InService' | 'Deleted',
  signal: AbortSignal,
  pollSeconds: number,
): Promise<AppSettled> {
  const backoff = new PollBackoff({
    initialMs: pollSeconds * 1000,
    maxMs: Math.max(pollSeconds, 60) * 1000,
    factor: 1.5,
  });
  for (;;) {
    if (signal.aborted) return { state: 'stopped watching' }; // l10n-exempt: discriminant of AppSettled
    const out = await describeSpaceApp(clients, app).catch((error: unknown) => {
      // A deleted app that AWS no longer lists is as Deleted as it gets.
      if (target === 'Deleted' && (error as { name?: string }).name === 'ResourceNotFound')
        return { Status: 'Deleted', FailureReason: undefined };
      throw error;
    });
    const status = out.Status;
    if (status === target) return { state: 'reached' };
    if (status === 'Failed') return { state: 'failed', reason: out.FailureReason ?? l10n.t('The app failed.') };
    if (target === 'InService' && (status === 'Deleting' || status === 'Deleted'))
      return {
        state: 'failed',
        reason:
          status === 'Deleting'
            ? l10n.t('The app was being deleted meanwhile.')
            : l10n.t('The app was deleted meanwhile.'),
      };
    // Cancel may have come while DescribeApp was on its way: the abort event has fired already then.
    if (signal.aborted) return { state: 'stopped watching' }; // l10n-exempt: discriminant of AppSettled
    const aborted = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(false);
      }, backoff.delayMs);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(true);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    if (aborted) return { state: 'stopped watching' }; // l10n-exempt: discriminant of AppSettled
    backoff.next(false);
  }
}

/** A Studio URL that opens the space, valid for `ExpiresInSeconds` (5 minutes); the caller opens it and keeps it nowhere. */
export async function presignedSpaceUrl(
  clients: AwsClients,
  domainId: string,
  userProfileName: string,
  spaceName: string,
): Promise<string> {
  const { CreatePresignedDomainUrlCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  const out = await sagemaker.send(
    new CreatePresignedDomainUrlCommand({
      DomainId: domainId,
      UserProfileName: userProfileName,
      SpaceName: spaceName,
      ExpiresInSeconds: 300,
      SessionExpirationDurationInSeconds: 1800,
    }),
  );
  if (!out.AuthorizedUrl) throw new Error(l10n.t('SageMaker returned no URL for the space {0}', spaceName));
  return out.AuthorizedUrl;
}
