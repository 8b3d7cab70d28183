// What an expanded domain lists, read once per expansion and kept until the view refreshes: the domain
// described (its default settings), the first page of its user profiles and of its spaces, and the newest app
// of each space (one ListApps call). While a space's app is starting or stopping and the view is shown, the
// shown spaces and the apps are listed again with backoff (never a describe per space), and a change of state
// is announced unless a command is following that space. A user profile being created, updated or deleted is
// followed the same way, by listing the shown profiles again.
import * as vscode from 'vscode';
import type {
  AppDetails,
  DescribeDomainCommandOutput,
  DescribeUserProfileCommandOutput,
  SpaceDetails,
  UserProfileDetails,
} from '@aws-sdk/client-sagemaker';
import {
  describeDomain,
  describeUserProfile,
  latestSpaceApps,
  listSpacesPage,
  listUserProfilesPage,
} from '../../aws/sagemaker/studioApi';
import { PagedList } from '../../model/pagedList';
import { PollBackoff } from '../../model/pollBackoff';
import { spaceState } from '../../model/studioText';
import { pageSize } from '../../session/pageSize';
import { isFollowed } from '../../ui/followedResources';
import { window } from '../../ui/window';
import { autoRefreshSeconds } from '../tree/statusPoller';
import { isInProgress } from '../tree/statusIcon';
import type { StudioViewState } from './studioView';

/** The noun commands follow spaces under, so the view stays quiet about a space a command announces. */
export const FOLLOWED_SPACES = 'studio spaces'; // l10n-exempt: a key of followed resources, never shown

export class DomainContents {
  readonly profiles: PagedList<UserProfileDetails>;
  readonly spaces: PagedList<SpaceDetails>;
  private described?: Promise<DescribeDomainCommandOutput>;
  private readonly profilesDescribed = new Map<string, Promise<DescribeUserProfileCommandOutput>>();
  private appsRead?: Promise<void>;
  apps = new Map<string, AppDetails>();
  /** False when ListApps had more than one page: a space missing from it may still have an app. */
  appsComplete = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoff?: PollBackoff;
  private baseSeconds = 0;
  private disposed = false;
  /** Polls made; the integration tests read it. */
  polls = 0;
  /** Whether a poll is scheduled; the integration tests read it. */
  get polling(): boolean {
    return this.timer !== undefined;
  }

  constructor(
    readonly domainId: string,
    private readonly state: StudioViewState,
    /** The domain's subtree should render again. */
    private readonly changed: () => void,
  ) {
    const clients = state.session.clients;
    this.profiles = new PagedList((token) => listUserProfilesPage(clients, domainId, token, pageSize()));
    this.spaces = new PagedList((token) => listSpacesPage(clients, domainId, token, pageSize()));
  }

  describe(): Promise<DescribeDomainCommandOutput> {
    this.described ??= describeDomain(this.state.session.clients, this.domainId);
    this.described.catch(() => (this.described = undefined));
    return this.described;
  }

  describeProfile(name: string): Promise<DescribeUserProfileCommandOutput> {
    let described = this.profilesDescribed.get(name);
    if (!described) {
      described = describeUserProfile(this.state.session.clients, this.domainId, name);
      described.catch(() => this.profilesDescribed.delete(name));
      this.profilesDescribed.set(name, described);
    }
    return described;
  }

  /** Profiles, spaces and apps of the first pages (one call each, in parallel); errors are the lists' own state. */
  async ensureListed(): Promise<void> {
    this.appsRead ??= this.readApps().catch(() => {
      // Without apps every space shows its storage and sharing; its state is unknown, not Stopped.
      this.appsComplete = false;
    });
    await Promise.all([this.profiles.ensureFirstPage(), this.spaces.ensureFirstPage(), this.appsRead]);
    this.schedule();
  }

  appOf(space: string): AppDetails | undefined {
    return this.apps.get(space);
  }

  /** The space's state as the view shows it ("unknown" when the apps list did not reach it). */
  stateOf(space: SpaceDetails): string {
    const app = this.apps.get(space.SpaceName ?? '');
    if (!app && !this.appsComplete) return 'Unknown';
    if (space.Status && space.Status !== 'InService') return space.Status;
    return spaceState(app?.Status);
  }

  private async readApps(): Promise<void> {
    const { bySpace, complete } = await latestSpaceApps(this.state.session.clients, this.domainId);
    this.apps = bySpace;
    this.appsComplete = complete;
  }

  private profilesInProgress(): boolean {
    return this.profiles.items.some((p) => isInProgress(p.Status));
  }

  private inProgress(): boolean {
    return this.spaces.items.some((s) => isInProgress(this.stateOf(s))) || this.profilesInProgress();
  }

  /** Polls while a shown space is changing; stops when none is or the view is hidden. */
  schedule(): void {
    if (this.timer || this.disposed) return;
    const seconds = autoRefreshSeconds();
    if (seconds <= 0 || !this.state.visible() || !this.inProgress()) return;
    if (!this.backoff || seconds !== this.baseSeconds) {
      this.baseSeconds = seconds;
      this.backoff = new PollBackoff({
        initialMs: seconds * 1000,
        maxMs: Math.max(seconds * 1000, 120_000),
        factor: 1.5,
      });
    }
    this.timer = setTimeout(() => void this.poll(), this.backoff.delayMs);
  }

  /** The view was shown or hidden, or the interval changed: a poll already due follows that at once. */
  reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule();
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (this.disposed || !this.state.visible()) return;
    const before = new Map(this.spaces.items.map((s) => [s.SpaceName ?? '', this.stateOf(s)]));
    const profilesBefore = new Map(this.profiles.items.map((p) => [p.UserProfileName ?? '', p.Status]));
    const profilesToo = this.profilesInProgress();
    let changed = false;
    try {
      this.polls++;
      await Promise.all([
        this.spaces.reloadShown(),
        this.readApps(),
        ...(profilesToo ? [this.profiles.reloadShown()] : []),
      ]);
      const spaceChanges = this.spaces.items.map((s): [string, string | undefined, string] => [
        s.SpaceName ?? '',
        before.get(s.SpaceName ?? ''),
        this.stateOf(s),
      ]);
      const profileChanges = profilesToo
        ? this.profiles.items.map((p): [string, string | undefined, string] => [
            p.UserProfileName ?? '',
            profilesBefore.get(p.UserProfileName ?? ''),
            p.Status ?? 'Unknown',
          ])
        : [];
      // A profile that is gone was deleted: the list no longer has it.
      const gone = profilesToo
        ? [...profilesBefore]
            .filter(([name]) => !this.profiles.items.some((p) => p.UserProfileName === name))
            .map(([name, status]): [string, string | undefined, string] => [name, status, 'Deleted'])
        : [];
      for (const [kind, changes] of [
        ['space', spaceChanges],
        ['profile', [...profileChanges, ...gone]],
      ] as const) {
        for (const [name, from, to] of changes) {
          if (from === to) continue;
          changed = true;
          if (isInProgress(to) || (kind === 'space' && isFollowed(FOLLOWED_SPACES, name))) continue;
          const message =
            kind === 'space'
              ? vscode.l10n.t('Space {0}: {1} → {2}', name, from ?? '?', to)
              : vscode.l10n.t('User profile {0}: {1} → {2}', name, from ?? '?', to);
          if (to.includes('Failed')) void window.showErrorMessage(message);
          else void window.showInformationMessage(message);
        }
      }
      if (changed) this.changed();
    } catch {
      // A failed poll (throttling, network) is retried at the next, longer interval; the tree keeps its data.
    }
    this.backoff?.next(changed);
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
