// Keeps in-progress items of a visible view current: it lists the shown pages again (never a describe per
// item), backs off while nothing changes, stops when nothing is in progress or the view is hidden, and tells
// the provider which items changed status so it can notify.
import * as vscode from 'vscode';
import { PollBackoff, statusChanges, type StatusChange } from '../../model/pollBackoff';
import type { PagedList } from '../../model/pagedList';
import { isInProgress } from './statusIcon';

export interface PollTarget<T> {
  list: PagedList<T>;
  keyOf(item: T): string;
  statusOf(item: T): string | undefined;
  visible(): boolean;
  onPolled(changes: StatusChange[]): void;
}

export function autoRefreshSeconds(): number {
  return vscode.workspace.getConfiguration('sagemakerWorkbench').get<number>('autoRefreshSeconds', 10);
}

/** Runs `changed` when the user changes the interval, so a poll already scheduled follows the new value at once. */
export function onAutoRefreshSecondsChanged(changed: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('sagemakerWorkbench.autoRefreshSeconds')) changed();
  });
}

export class StatusPoller<T> implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoff = new PollBackoff({ initialMs: 10_000, maxMs: 120_000, factor: 1.5 });
  private baseSeconds = 0;
  /** Polls made since creation; the integration tests and the benchmark read it. */
  polls = 0;
  /** Polls that failed (AWS unreachable or refusing after the SDK's retries); the tests read it. */
  failedPolls = 0;

  // A changed interval applies at once: turned off, the poll already scheduled does not happen.
  private readonly settingWatch = onAutoRefreshSecondsChanged(() => {
    this.stop();
    this.schedule();
  });

  constructor(private readonly target: PollTarget<T>) {}

  /** Called after the list was (re)loaded or the view became visible. */
  schedule(): void {
    if (this.timer) return;
    const seconds = autoRefreshSeconds();
    if (seconds <= 0 || !this.target.visible() || !this.hasInProgress()) return;
    if (seconds !== this.baseSeconds) {
      this.baseSeconds = seconds;
      this.backoff = new PollBackoff({
        initialMs: seconds * 1000,
        maxMs: Math.max(seconds * 1000, 120_000),
        factor: 1.5,
      });
    }
    this.timer = setTimeout(() => void this.poll(), this.backoff.delayMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private hasInProgress(): boolean {
    return this.target.list.items.some((item) => isInProgress(this.target.statusOf(item)));
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (!this.target.visible()) return;
    const before = [...this.target.list.items];
    let changes: StatusChange[] = [];
    try {
      this.polls++;
      if (await this.target.list.reloadShown()) {
        changes = statusChanges(
          before,
          this.target.list.items,
          (i) => this.target.keyOf(i),
          (i) => this.target.statusOf(i),
        );
        this.target.onPolled(changes);
      }
    } catch {
      this.failedPolls++;
      // A failed poll (throttling, network) is retried at the next, longer interval; the tree keeps its data.
    }
    this.backoff.next(changes.length > 0);
    this.schedule();
  }

  dispose(): void {
    this.stop();
    this.settingWatch.dispose();
  }
}
