// Studio lifecycle configurations: create, delete, and where one is attached. SageMaker has no reverse
// lookup, so finding where a configuration is used describes every domain, user profile and space (a save or
// a delete asks this once, never a view); the newest app of each space tells which spaces run (a running
// space cannot be updated, and a running app keeps its configuration in use).
import * as l10n from '@vscode/l10n';
import type { SpaceSettings, UserSettings, DefaultSpaceSettings } from '@aws-sdk/client-sagemaker';
import type { SpaceAppType } from '../../model/studioSpaces';
import type { AppSettingsHolder } from '../../model/studioSpaces';
import { attachedLifecycleConfigs } from '../../model/studioSpaces';
import type { AwsClients } from '../clients';
import { firstPages } from '../firstPages';
import { sendOnce } from '../retriedCreate';
import {
  describeDomain,
  describeSpace,
  describeStudioLifecycleConfig,
  describeUserProfile,
  domainSpaces,
  latestSpaceApps,
  updateSpace,
  userProfileNames,
} from './studioApi';

/** A place that names a configuration: domain defaults, a user profile, a space, or a running app. */
export interface Attachment {
  kind: 'domain' | 'user profile' | 'space' | 'app';
  domainId: string;
  domainName: string;
  /** The profile's or space's name (the domain's id for a domain). */
  name: string;
  /** A domain's DefaultUserSettings, a profile's UserSettings. */
  userSettings?: UserSettings;
  /** A domain's DefaultSpaceSettings, a space's SpaceSettings. */
  spaceSettings?: DefaultSpaceSettings | SpaceSettings;
  /** A space whose app is starting or running: SageMaker does not update it until it is stopped. */
  running?: boolean;
}

const names = (arn: string, settings: unknown) =>
  Object.values(attachedLifecycleConfigs(settings as AppSettingsHolder | undefined)).some((arns) => arns.includes(arn));

/** Every domain default, user profile, space and live app that names the configuration `arn`. */
export async function studioConfigAttachments(clients: AwsClients, arn: string): Promise<Attachment[]> {
  const { paginateListDomains } = await import('./sageMakerSdk.js');
  const domains = await firstPages(paginateListDomains({ client: await clients.sagemaker(), pageSize: 100 }, {}), (p) =>
    (p.Domains ?? []).map((d) => d.DomainId ?? ''),
  );
  const perDomain = await Promise.all(
    domains.map(async (domainId): Promise<Attachment[]> => {
      const [domain, profiles, spaces, apps] = await Promise.all([
        describeDomain(clients, domainId),
        userProfileNames(clients, domainId),
        domainSpaces(clients, domainId),
        latestSpaceApps(clients, domainId),
      ]);
      const domainName = domain.DomainName ?? domainId;
      const found: Attachment[] = [];
      if (names(arn, domain.DefaultUserSettings) || names(arn, domain.DefaultSpaceSettings))
        found.push({
          kind: 'domain',
          domainId,
          domainName,
          name: domainId,
          userSettings: domain.DefaultUserSettings,
          spaceSettings: domain.DefaultSpaceSettings,
        });
      const described = await Promise.all(profiles.map((p) => describeUserProfile(clients, domainId, p)));
      for (const p of described)
        if (names(arn, p.UserSettings))
          found.push({
            kind: 'user profile', // l10n-exempt: discriminant of Attachment.kind
            domainId,
            domainName,
            name: p.UserProfileName ?? '',
            userSettings: p.UserSettings,
          });
      const spacesDescribed = await Promise.all(spaces.map((s) => describeSpace(clients, domainId, s.SpaceName ?? '')));
      for (const s of spacesDescribed) {
        const name = s.SpaceName ?? '';
        const app = apps.bySpace.get(name);
        const running = app?.Status === 'Pending' || app?.Status === 'InService';
        if (names(arn, s.SpaceSettings))
          found.push({ kind: 'space', domainId, domainName, name, spaceSettings: s.SpaceSettings, running });
        else if (running && app?.ResourceSpec?.LifecycleConfigArn === arn)
          found.push({ kind: 'app', domainId, domainName, name, running });
      }
      return found;
    }),
  );
  return perDomain.flat();
}

/** "domain X (defaults)", "user profile p (X)", "space s (X)", "the running app of space s (X)". */
export function attachmentText(a: Attachment): string {
  switch (a.kind) {
    case 'domain':
      return l10n.t('domain {0} (defaults)', a.domainName);
    // l10n-exempt: discriminant of Attachment.kind
    case 'user profile':
      return l10n.t('user profile {0} ({1})', a.name, a.domainName);
    case 'space':
      return a.running
        ? l10n.t('space {0} ({1}), running', a.name, a.domainName)
        : l10n.t('space {0} ({1})', a.name, a.domainName);
    case 'app':
      return l10n.t('the running app of space {0} ({1})', a.name, a.domainName);
  }
}

/** The names of the Studio lifecycle configurations (a few pages), for a free version name. */
export async function studioConfigNames(clients: AwsClients): Promise<string[]> {
  const { paginateListStudioLifecycleConfigs } = await import('./sageMakerSdk.js');
  return firstPages(paginateListStudioLifecycleConfigs({ client: await clients.sagemaker(), pageSize: 100 }, {}), (p) =>
    (p.StudioLifecycleConfigs ?? []).map((c) => c.StudioLifecycleConfigName ?? ''),
  );
}

export async function createStudioConfig(
  clients: AwsClients,
  name: string,
  appType: SpaceAppType,
  contentBase64: string,
): Promise<string> {
  const { CreateStudioLifecycleConfigCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  let arn: string | undefined;
  await sendOnce(
    async () => {
      arn = (
        await sagemaker.send(
          new CreateStudioLifecycleConfigCommand({
            StudioLifecycleConfigName: name,
            StudioLifecycleConfigAppType: appType,
            StudioLifecycleConfigContent: contentBase64,
          }),
        )
      ).StudioLifecycleConfigArn;
    },
    async () => {
      const made = await describeStudioLifecycleConfig(clients, name);
      arn = made.StudioLifecycleConfigArn;
      return made.StudioLifecycleConfigContent === contentBase64;
    },
  );
  if (!arn) throw new Error(l10n.t('SageMaker returned no ARN for the Studio lifecycle configuration {0}', name));
  return arn;
}

export async function deleteStudioConfig(clients: AwsClients, name: string): Promise<void> {
  const { DeleteStudioLifecycleConfigCommand } = await import('./sageMakerSdk.js');
  await (await clients.sagemaker()).send(new DeleteStudioLifecycleConfigCommand({ StudioLifecycleConfigName: name }));
}

/** Sends the settings an attachment gets when `to` replaces `from` (a running space or app is left alone). */
export async function repointAttachment(
  clients: AwsClients,
  a: Attachment,
  update: { user?: Partial<UserSettings>; space?: Partial<DefaultSpaceSettings | SpaceSettings> },
): Promise<void> {
  const { UpdateDomainCommand, UpdateUserProfileCommand } = await import('./sageMakerSdk.js');
  const sagemaker = await clients.sagemaker();
  if (a.kind === 'domain')
    await sagemaker.send(
      new UpdateDomainCommand({
        DomainId: a.domainId,
        DefaultUserSettings: update.user as UserSettings | undefined,
        DefaultSpaceSettings: update.space as DefaultSpaceSettings | undefined,
      }),
    );
  // l10n-exempt: discriminant of Attachment.kind
  else if (a.kind === 'user profile')
    await sagemaker.send(
      new UpdateUserProfileCommand({
        DomainId: a.domainId,
        UserProfileName: a.name,
        UserSettings: update.user as UserSettings | undefined,
      }),
    );
  else if (a.kind === 'space')
    await updateSpace(clients, {
      DomainId: a.domainId,
      SpaceName: a.name,
      SpaceSettings: update.space as SpaceSettings,
    });
}
