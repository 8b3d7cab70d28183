// The Studio view's nodes. A domain expands into its default lifecycle configurations, its user profiles and
// (under each owner) its spaces, from the first page of each list; a user profile describes itself on expand
// (the lifecycle configurations attached to it); a space describes itself on expand (idle shutdown and the
// settings its next start uses). The group below the domains lists Studio lifecycle configurations, each with
// the domains and user profiles it is attached to.
import * as vscode from 'vscode';
import type {
  DomainDetails,
  SpaceDetails,
  StudioLifecycleConfigDetails,
  UserProfileDetails,
} from '@aws-sdk/client-sagemaker';
import {
  describeSpace,
  describeStudioLifecycleConfig,
  listDomainsPage,
  listStudioLifecycleConfigsPage,
} from '../../aws/sagemaker/studioApi';
import { decodeLifecycleScript, scriptSummary } from '../../model/lifecycleScripts';
import type { Page } from '../../model/pagedList';
import {
  APP_SETTINGS_KEY,
  SPACE_APP_TYPES,
  appTypeLabel,
  attachedLifecycleConfigs,
  type AppSettingsHolder,
  type SpaceAppType,
} from '../../model/studioSpaces';
import { idleText, imageText, lifecycleConfigName, spaceDescription } from '../../model/studioText';
import type { AwsSession } from '../../session/awsSession';
import { pageSize } from '../../session/pageSize';
import type { ExplorerNode, ResourceRef } from '../tree/explorerNode';
import type { NodeChanged } from '../tree/keptNodes';
import { ErrorNode, FactNode, LoadMoreNode, MessageNode } from '../tree/messageNodes';
import { PagedGroupNode } from '../tree/pagedGroupNode';
import { statusIcon } from '../tree/statusIcon';
import { factsTooltip } from '../tree/tooltip';
import { toUserError } from '../../ui/showAwsError';
import { DomainContents } from './domainContents';
import type { StudioViewState } from './studioView';

/** Every domain node made since the last full refresh: the lifecycle configurations look up attachments in them. */
const domains = new Map<string, StudioDomainNode>();

export function listDomainsForView(session: AwsSession, token: string | undefined): Promise<Page<DomainDetails>> {
  return listDomainsPage(session.clients, token, pageSize());
}

export function createDomainNode(
  d: DomainDetails,
  region: string,
  state: StudioViewState,
  changed: NodeChanged,
): StudioDomainNode {
  const node = new StudioDomainNode(d, region, state, changed);
  domains.get(node.id)?.dispose();
  domains.set(node.id, node);
  return node;
}

/** The view was shown or hidden, or the auto-refresh interval changed: each expanded domain's poll follows. */
export function reschedulePolls(): void {
  for (const node of domains.values()) node.contents.reschedule();
}

/** The groups shown below the domains; made after each full refresh, which also forgets the domains' contents. */
export function studioGroups(
  state: StudioViewState,
  changed: NodeChanged,
  describeError: (error: unknown) => string,
): ExplorerNode[] {
  for (const node of domains.values()) node.dispose();
  domains.clear();
  const region = state.session.current.region;
  const group: PagedGroupNode<StudioLifecycleConfigDetails> = new PagedGroupNode({
    id: `studio:${region}:lifecycleConfigs`,
    label: vscode.l10n.t('Lifecycle Configurations'),
    icon: 'symbol-event',
    noun: vscode.l10n.t('Studio lifecycle configurations'),
    contextValue: 'studioLifecycleConfigGroup',
    fetch: (token) => listStudioLifecycleConfigsPage(state.session.clients, token, pageSize()),
    toNode: (c) => new StudioLifecycleConfigNode(c, region, state),
    changed,
    describeError,
  });
  return [group];
}

function errorText(state: StudioViewState, error: unknown, operation: string): string {
  return toUserError(error, state.session, 'sagemaker', operation).message;
}

export class StudioDomainNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;
  contents: DomainContents;

  constructor(
    private summary: DomainDetails,
    region: string,
    private readonly state: StudioViewState,
    private readonly changed: NodeChanged,
  ) {
    const id = summary.DomainId ?? '';
    this.id = `studio:${region}:${id}`;
    this.contents = new DomainContents(id, state, () => changed(this));
    this.resource = {
      kind: 'studio-domain',
      name: id,
      arn: summary.DomainArn,
      region,
      describe: () => this.contents.describe(),
    };
  }

  get domainId(): string {
    return this.summary.DomainId ?? '';
  }

  update(summary: DomainDetails): void {
    this.summary = summary;
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.summary;
    const item = new vscode.TreeItem(d.DomainName ?? d.DomainId ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [d.DomainId, d.Status].filter(Boolean).join(' · ');
    item.iconPath = d.Status === 'InService' ? new vscode.ThemeIcon('organization') : statusIcon(d.Status);
    item.contextValue = `resource:studioDomain:${d.Status ?? 'Unknown'}`;
    item.tooltip = factsTooltip(d.DomainName ?? '', [
      [vscode.l10n.t('Domain ID'), d.DomainId],
      [vscode.l10n.t('Status'), d.Status],
      [vscode.l10n.t('Studio URL'), d.Url],
      [vscode.l10n.t('Created'), d.CreationTime?.toLocaleString()],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const c = this.contents;
    const [described] = await Promise.allSettled([c.describe(), c.ensureListed()]);
    const children: ExplorerNode[] = [];
    if (described.status === 'fulfilled') {
      const defaults = described.value.DefaultUserSettings as AppSettingsHolder | undefined;
      const space = described.value.DefaultSpaceSettings as AppSettingsHolder | undefined;
      children.push(...lifecycleFacts(`${this.id}/defaults`, 'Default', defaults, space));
      const storage = described.value.DefaultUserSettings?.SpaceStorageSettings?.DefaultEbsStorageSettings;
      if (storage)
        children.push(
          new FactNode(
            `${this.id}/storage`,
            vscode.l10n.t('Space storage'),
            vscode.l10n.t(
              '{0} GB by default, at most {1} GB',
              String(storage.DefaultEbsVolumeSizeInGb),
              String(storage.MaximumEbsVolumeSizeInGb),
            ),
            'database',
          ),
        );
    } else {
      children.push(this.errorNode('describe', errorText(this.state, described.reason, 'DescribeDomain')));
    }
    if (c.profiles.state === 'error') {
      children.push(this.errorNode('profiles', errorText(this.state, c.profiles.error, 'ListUserProfiles')));
    } else {
      const owned = new Set(c.profiles.items.map((p) => p.UserProfileName));
      children.push(...c.profiles.items.map((p) => new StudioUserProfileNode(this, p, this.state)));
      if (c.profiles.hasMore)
        children.push(
          new LoadMoreNode(`${this.id}/profiles/more`, () => this.more(c.profiles), c.profiles.items.length),
        );
      // Spaces whose owner is not among the listed profiles (none, or a later page) show under the domain.
      if (c.spaces.state === 'loaded')
        children.push(
          ...c.spaces.items
            .filter((s) => !owned.has(s.OwnershipSettingsSummary?.OwnerUserProfileName))
            .map((s) => this.spaceNode(s)),
        );
    }
    if (c.spaces.state === 'error')
      children.push(this.errorNode('spaces', errorText(this.state, c.spaces.error, 'ListSpaces')));
    else if (c.spaces.hasMore)
      children.push(new LoadMoreNode(`${this.id}/spaces/more`, () => this.more(c.spaces), c.spaces.items.length));
    return children;
  }

  spaceNode(space: SpaceDetails): StudioSpaceNode {
    return new StudioSpaceNode(this, space, this.state);
  }

  private async more(list: { loadMore(): Promise<void> }): Promise<void> {
    try {
      await list.loadMore();
    } finally {
      this.changed(this);
    }
  }

  private errorNode(part: string, message: string): ErrorNode {
    return new ErrorNode(`${this.id}/${part}/error`, message, () => {
      this.contents.dispose();
      this.contents = new DomainContents(this.domainId, this.state, () => this.changed(this));
      this.changed(this);
    });
  }

  dispose(): void {
    this.contents.dispose();
  }
}

/** "3 spaces", "1 space", "2+ spaces" when more may be listed. */
function spaceCount(n: number, more: boolean): string {
  if (n === 1) return more ? vscode.l10n.t('1+ space') : vscode.l10n.t('1 space');
  return more ? vscode.l10n.t('{0}+ spaces', n) : vscode.l10n.t('{0} spaces', n);
}

/** "Default JupyterLab lifecycle configurations: a, b" facts of domain or profile settings (one per app type that has some). */
function lifecycleFacts(
  id: string,
  prefix: 'Default' | 'Own',
  ...settings: Array<AppSettingsHolder | undefined>
): FactNode[] {
  const facts: FactNode[] = [];
  for (const appType of SPACE_APP_TYPES) {
    const arns = [...new Set(settings.flatMap((s) => attachedLifecycleConfigs(s)[appType]))];
    if (arns.length === 0) continue;
    facts.push(
      new FactNode(
        `${id}/${appType}`,
        prefix === 'Own'
          ? vscode.l10n.t('Own {0} lifecycle configurations', appTypeLabel(appType))
          : vscode.l10n.t('Default {0} lifecycle configurations', appTypeLabel(appType)),
        arns.map(lifecycleConfigName).join(', '),
        'symbol-event',
        arns.join('\n'),
      ),
    );
  }
  return facts;
}

export class StudioUserProfileNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(
    readonly domain: StudioDomainNode,
    private readonly summary: UserProfileDetails,
    private readonly state: StudioViewState,
  ) {
    const name = summary.UserProfileName ?? '';
    this.id = `${domain.id}/profile/${name}`;
    this.resource = {
      kind: 'studio-user-profile',
      name,
      region: domain.resource.region,
      describe: () => domain.contents.describeProfile(name),
    };
  }

  get name(): string {
    return this.summary.UserProfileName ?? '';
  }

  private ownSpaces(): SpaceDetails[] {
    return this.domain.contents.spaces.items.filter(
      (s) => s.OwnershipSettingsSummary?.OwnerUserProfileName === this.name,
    );
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const spaces = this.ownSpaces().length;
    item.description = [
      s.Status && s.Status !== 'InService' ? s.Status : undefined,
      spaceCount(spaces, this.domain.contents.spaces.hasMore),
    ]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = s.Status === 'InService' ? new vscode.ThemeIcon('account') : statusIcon(s.Status);
    item.contextValue = `resource:studioUserProfile:${s.Status ?? 'Unknown'}`;
    item.tooltip = factsTooltip(this.name, [
      [vscode.l10n.t('Domain'), this.domain.domainId],
      [vscode.l10n.t('Status'), s.Status],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const children: ExplorerNode[] = [];
    try {
      const described = await this.domain.contents.describeProfile(this.name);
      this.resource.arn = described.UserProfileArn;
      children.push(...lifecycleFacts(this.id, 'Own', described.UserSettings as AppSettingsHolder | undefined));
    } catch (error) {
      children.push(new MessageNode(`${this.id}/error`, errorText(this.state, error, 'DescribeUserProfile'), 'error'));
    }
    const spaces = this.ownSpaces().map((s) => this.domain.spaceNode(s));
    if (spaces.length === 0) children.push(new MessageNode(`${this.id}/empty`, vscode.l10n.t('No spaces')));
    return [...children, ...spaces];
  }
}

export class StudioSpaceNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(
    readonly domain: StudioDomainNode,
    readonly summary: SpaceDetails,
    private readonly state: StudioViewState,
  ) {
    const name = summary.SpaceName ?? '';
    this.id = `${domain.id}/space/${name}`;
    this.resource = {
      kind: 'studio-space',
      name,
      region: domain.resource.region,
      describe: () => describeSpace(state.session.clients, domain.domainId, name),
    };
  }

  get name(): string {
    return this.summary.SpaceName ?? '';
  }
  get domainId(): string {
    return this.domain.domainId;
  }
  get owner(): string | undefined {
    return this.summary.OwnershipSettingsSummary?.OwnerUserProfileName;
  }
  get appType(): string | undefined {
    return this.summary.SpaceSettingsSummary?.AppType;
  }
  /** Stopped, Pending, InService, Deleting, Failed, or the space's own status while it is not InService. */
  get spaceState(): string {
    return this.domain.contents.stateOf(this.summary);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const app = this.domain.contents.appOf(this.name);
    const state = this.spaceState;
    const storage = s.SpaceSettingsSummary?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb;
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = spaceDescription({
      appType: this.appType,
      sharing: s.SpaceSharingSettingsSummary?.SharingType,
      appStatus: state,
      instanceType: app?.ResourceSpec?.InstanceType,
      image: app?.ResourceSpec,
      storageGb: storage,
    });
    item.iconPath = statusIcon(state === 'Stopped' ? 'Stopped' : state);
    item.contextValue = `resource:studioSpace:${state}:${this.appType ?? 'Unknown'}`;
    item.tooltip = factsTooltip(s.SpaceDisplayName ?? this.name, [
      [vscode.l10n.t('App'), appTypeLabel(this.appType)],
      [vscode.l10n.t('State'), state],
      [vscode.l10n.t('Sharing'), s.SpaceSharingSettingsSummary?.SharingType],
      [vscode.l10n.t('Owner'), this.owner],
      [vscode.l10n.t('Instance type (last start)'), app?.ResourceSpec?.InstanceType],
      [vscode.l10n.t('Image (last start)'), imageText(app?.ResourceSpec)],
      [vscode.l10n.t('Storage'), storage !== undefined ? vscode.l10n.t('{0} GB', storage) : undefined],
      [vscode.l10n.t('Created'), s.CreationTime?.toLocaleString()],
    ]);
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    let out;
    try {
      out = await describeSpace(this.state.session.clients, this.domainId, this.name);
    } catch (error) {
      return [new MessageNode(`${this.id}/error`, errorText(this.state, error, 'DescribeSpace'), 'error')];
    }
    this.resource.arn = out.SpaceArn;
    const appType = out.SpaceSettings?.AppType as SpaceAppType | undefined;
    const settings =
      appType && SPACE_APP_TYPES.includes(appType) ? out.SpaceSettings?.[APP_SETTINGS_KEY[appType]] : undefined;
    const spec = settings?.DefaultResourceSpec;
    const idle = settings && 'AppLifecycleManagement' in settings ? settings.AppLifecycleManagement : undefined;
    const app = this.domain.contents.appOf(this.name);
    const fact = (key: string, label: string, value: string | undefined, icon: string) =>
      new FactNode(`${this.id}/${key}`, label, value ?? vscode.l10n.t('not set'), icon);
    return [
      fact('type', vscode.l10n.t('Instance type'), spec?.InstanceType, 'server'),
      fact('image', vscode.l10n.t('Image'), imageText(spec) ?? vscode.l10n.t('domain default'), 'package'),
      fact(
        'storage',
        vscode.l10n.t('Storage'),
        out.SpaceSettings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb !== undefined
          ? vscode.l10n.t('{0} GB', out.SpaceSettings.SpaceStorageSettings.EbsStorageSettings.EbsVolumeSizeInGb)
          : undefined,
        'database',
      ),
      fact('idle', vscode.l10n.t('Idle shutdown'), idleText(idle?.IdleSettings?.IdleTimeoutInMinutes), 'watch'),
      fact(
        'lcc',
        vscode.l10n.t('Lifecycle configuration'),
        spec?.LifecycleConfigArn ? lifecycleConfigName(spec.LifecycleConfigArn) : vscode.l10n.t('none'),
        'symbol-event',
      ),
      fact('sharing', vscode.l10n.t('Sharing'), out.SpaceSharingSettings?.SharingType, 'person'),
      fact('owner', vscode.l10n.t('Owner'), out.OwnershipSettings?.OwnerUserProfileName, 'account'),
      ...(app && app.Status !== 'Deleted'
        ? [
            fact(
              'app',
              vscode.l10n.t('Running app'),
              `${app.AppName} · ${app.Status} · ${app.ResourceSpec?.InstanceType ?? ''}`,
              'vm',
            ),
          ]
        : []),
    ];
  }
}

export class StudioLifecycleConfigNode implements ExplorerNode {
  readonly id: string;
  readonly resource: ResourceRef;

  constructor(
    private readonly summary: StudioLifecycleConfigDetails,
    region: string,
    private readonly state: StudioViewState,
  ) {
    const name = summary.StudioLifecycleConfigName ?? '';
    this.id = `studio:${region}:lcc:${name}`;
    this.resource = {
      kind: 'studio-lifecycle-config',
      name,
      arn: summary.StudioLifecycleConfigArn,
      region,
      describe: () => describeStudioLifecycleConfig(state.session.clients, name),
    };
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const item = new vscode.TreeItem(s.StudioLifecycleConfigName ?? '', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [appTypeLabel(s.StudioLifecycleConfigAppType), s.CreationTime?.toLocaleDateString()]
      .filter(Boolean)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    item.contextValue = `resource:studioLifecycleConfig:${s.StudioLifecycleConfigAppType ?? 'Unknown'}`;
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const arn = this.summary.StudioLifecycleConfigArn ?? '';
    const [described, where] = await Promise.allSettled([
      describeStudioLifecycleConfig(this.state.session.clients, this.resource.name),
      attachmentsOf(arn),
    ]);
    const children: ExplorerNode[] = [];
    if (described.status === 'fulfilled') {
      const script = decodeLifecycleScript(described.value.StudioLifecycleConfigContent);
      children.push(
        new FactNode(
          `${this.id}/script`,
          vscode.l10n.t('Script'),
          script ? scriptSummary(script.replace(/^\s*set -.*$/gm, '')) : vscode.l10n.t('empty'),
          'terminal-bash',
          script,
        ),
      );
    } else {
      children.push(
        new MessageNode(
          `${this.id}/error`,
          errorText(this.state, described.reason, 'DescribeStudioLifecycleConfig'),
          'error',
        ),
      );
    }
    if (where.status === 'rejected') {
      children.push(
        new MessageNode(`${this.id}/where/error`, errorText(this.state, where.reason, 'DescribeDomain'), 'error'),
      );
    } else if (where.value.length === 0) {
      children.push(
        new MessageNode(
          `${this.id}/where/none`,
          vscode.l10n.t('Attached to no domain or user profile'),
          'circle-slash',
        ),
      );
    } else {
      children.push(
        ...where.value.map((w, i) => new FactNode(`${this.id}/where/${i}`, vscode.l10n.t('Attached to'), w, 'link')),
      );
    }
    return children;
  }
}

/**
 * Where a lifecycle configuration is attached among the listed domains: their defaults (DescribeDomain, kept
 * for the domain's own expansion) and their listed user profiles (DescribeUserProfile each, kept too). SageMaker
 * has no reverse lookup, so this is asked once per refresh and only when a configuration is expanded.
 */
async function attachmentsOf(arn: string): Promise<string[]> {
  const found: string[] = [];
  for (const node of domains.values()) {
    const c = node.contents;
    const [described] = await Promise.all([c.describe(), c.profiles.ensureFirstPage()]);
    const defaults = [described.DefaultUserSettings, described.DefaultSpaceSettings] as Array<
      AppSettingsHolder | undefined
    >;
    if (defaults.some((s) => Object.values(attachedLifecycleConfigs(s)).some((arns) => arns.includes(arn))))
      found.push(vscode.l10n.t('domain {0} (defaults)', described.DomainName ?? node.domainId));
    const profiles = await Promise.all(
      c.profiles.items.map(async (p) => ({
        name: p.UserProfileName ?? '',
        settings: (await c.describeProfile(p.UserProfileName ?? '')).UserSettings as AppSettingsHolder | undefined,
      })),
    );
    for (const p of profiles)
      if (Object.values(attachedLifecycleConfigs(p.settings)).some((arns) => arns.includes(arn)))
        found.push(vscode.l10n.t('user profile {0} ({1})', p.name, described.DomainName ?? node.domainId));
  }
  return found;
}
