// Finds every release waiting for approval in the account while the Pipelines view is visible. ListPipelines
// carries no state, so each pipeline's state is read on its own (GetPipelineState) at the bounded rate the
// schedule (src/model/pipelineStateSchedule) sets: newest-updated first, then re-read less often while nothing
// changes, slower after throttling, nothing at all while the view is hidden. A listed row reads through its
// node (so the row shows what was read); pipelines beyond the rows shown are read here and count on the badge.
import type { GetPipelineStateCommandOutput, PipelineSummary } from '@aws-sdk/client-codepipeline';
import type * as vscode from 'vscode';
import { getPipelineState, listPipelineSummaries } from '../../aws/codepipeline/codePipelineApi';
import { pendingApprovals, type PendingApproval } from '../../model/codePipelineState';
import type { Page } from '../../model/pagedList';
import { PIPELINE_SCHEDULE, PipelineStateSchedule } from '../../model/pipelineStateSchedule';
import { sessionKey } from '../../model/sessionSettings';
import type { AwsSession } from '../../session/awsSession';
import { autoRefreshSeconds } from '../tree/statusPoller';
import type { ExplorerNode } from '../tree/explorerNode';
import type { CodePipelineNode } from './codePipelineNode';

/** ListPipelines' largest page: the account's pipelines (1,000 at most per Region) in one call. */
const LIST_PAGE = 1000;

export interface SweepHooks {
  /** The row of that pipeline, if the view shows it. */
  nodeOf(name: string): CodePipelineNode | undefined;
  /** A state read here changed what the badge counts. */
  approvalsChanged(): void;
}

export class PipelineStateSweep implements vscode.Disposable {
  private schedule = new PipelineStateSchedule(PIPELINE_SCHEDULE, Date.now());
  /** The account (profile, Region, endpoint) the schedule and the states belong to. */
  private key: string;
  /** The newest state of every pipeline read, shown or not. */
  private readonly states = new Map<string, GetPipelineStateCommandOutput>();
  /** Reads of pipelines without a row, under way: a row made meanwhile waits for the same answer. */
  private readonly reading = new Map<string, Promise<GetPipelineStateCommandOutput>>();
  private view?: vscode.TreeView<ExplorerNode>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlightCalls = 0;
  /** Calls this sweep made (list and state reads); the tests and the benchmark read it. */
  calls = 0;
  throttles = 0;

  // Another profile, Region or endpoint is another account: what was read in the old one is dropped at once
  // (the badge too), not when the view next lists, which a hidden view does only when shown.
  private readonly sessionWatch: vscode.Disposable;

  constructor(
    private readonly session: AwsSession,
    private readonly hooks: SweepHooks,
  ) {
    this.key = sessionKey(session.current);
    this.sessionWatch = session.onDidChange(() => this.followSession());
  }

  attach(view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
    this.view = view;
    this.pump();
    return view.onDidChangeVisibility((e) => (e.visible ? this.pump() : this.stop()));
  }

  /** Reading states now (the view is visible and something is due or under way). */
  get running(): boolean {
    return !!this.view?.visible && (this.timer !== undefined || this.inFlightCalls > 0);
  }
  get inFlight(): number {
    return this.inFlightCalls;
  }
  get ratePerSecond(): number {
    return this.schedule.ratePerSecond;
  }
  /** Pipelines known from the listing, and how many of them were never read. */
  get known(): number {
    return this.schedule.size;
  }
  get unread(): number {
    return this.schedule.unread;
  }
  /** Pipelines whose read is due now (waiting for the view to be visible, or for the rate). */
  get due(): number {
    return this.schedule.dueCount(Date.now(), autoRefreshSeconds() > 0);
  }
  /** A timer will make the next call: false means no call happens until the view is shown or lists. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Every waiting approval read so far, in shown and unshown pipelines alike. */
  get approvals(): PendingApproval[] {
    return [...this.states.values()].flatMap((state) => pendingApprovals(state));
  }

  /** The last state read for a pipeline, so a row made later (Load more, a refresh) shows it at once. */
  stateOf(name: string): GetPipelineStateCommandOutput | undefined {
    return this.states.get(name);
  }

  /** The read of this pipeline's state under way in the background, if any. */
  pendingState(name: string): Promise<GetPipelineStateCommandOutput> | undefined {
    return this.reading.get(name);
  }

  /**
   * Takes the ListPipelines page the view is about to fetch (before its name filter). Made when the call
   * starts, so a page of the account before a switch is not taken as one of the new account.
   */
  pageListener(fromStart: boolean): (page: Page<PipelineSummary>) => void {
    const key = sessionKey(this.session.current);
    return (page) => {
      // (The session may have changed before it said so: follow it first.)
      this.followSession();
      if (key === this.key) this.listed(page, fromStart);
    };
  }

  private listed(page: Page<PipelineSummary>, fromStart: boolean): void {
    this.schedule.listed(page.items, page.nextToken, fromStart, Date.now());
    this.forgetUnlisted();
    // After the view made its rows from this page, so a listed pipeline is read through its row, once.
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, 0);
  }

  /** The user refreshed the view: every pipeline is due again, at the same bounded rate. */
  refreshAll(): void {
    this.schedule.refreshAll(Date.now());
    this.pump();
  }

  /** A row started reading its state (rendering, expand, a command): the sweep does not read it too. */
  started(name: string): void {
    this.schedule.started(name);
  }

  /** A row's read ended: what it read counts here too. */
  nodeRead(node: CodePipelineNode): void {
    // A row of another profile or Region whose read ended after the switch.
    if (node.resource.region !== this.session.current.region || !this.schedule.has(node.name)) return;
    const now = Date.now();
    const state = node.stateSnapshot;
    if (node.failure) {
      const gone = node.failure === 'PipelineNotFoundException';
      this.schedule.failed(node.name, now, gone);
      if (gone) this.states.delete(node.name);
    } else if (state) {
      this.states.set(node.name, state);
      this.schedule.answered(node.name, state, now);
    }
    this.pump();
  }

  throttled(): void {
    this.throttles++;
    this.schedule.throttled(Date.now());
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.sessionWatch.dispose();
    this.view = undefined;
  }

  /** A new profile, Region or endpoint is another account: start over from the view's next listing. */
  private followSession(): void {
    const key = sessionKey(this.session.current);
    if (key === this.key) return;
    this.key = key;
    this.stop();
    this.schedule = new PipelineStateSchedule(PIPELINE_SCHEDULE, Date.now());
    this.states.clear();
    this.hooks.approvalsChanged();
  }

  private forgetUnlisted(): void {
    if (!this.schedule.listComplete) return;
    const listed = new Set(this.schedule.names);
    for (const name of [...this.states.keys()]) if (!listed.has(name)) this.states.delete(name);
  }

  /** Makes every call the schedule allows now, then waits for the next one (no timer while nothing is due). */
  private pump(): void {
    if (this.timer || !this.view?.visible) return;
    const schedule = this.schedule;
    for (;;) {
      const step = schedule.next(Date.now(), autoRefreshSeconds() > 0);
      if (step.kind === 'idle') return;
      if (step.kind === 'wait') {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, step.ms);
        return;
      }
      this.calls++;
      this.inFlightCalls++;
      const call = step.kind === 'list' ? this.list(schedule, step.nextToken) : this.read(schedule, step.name);
      void call.finally(() => {
        this.inFlightCalls--;
        this.pump();
      });
    }
  }

  private async list(schedule: PipelineStateSchedule, nextToken: string | undefined): Promise<void> {
    try {
      const page = await listPipelineSummaries(this.session.clients, nextToken, LIST_PAGE);
      if (schedule !== this.schedule) return;
      schedule.listed(page.items, page.nextToken, nextToken === undefined, Date.now());
      this.forgetUnlisted();
      this.hooks.approvalsChanged();
    } catch {
      // Listing again at the next relist; the view shows its own list errors.
      if (schedule === this.schedule) schedule.listFailed(Date.now());
    }
  }

  private async read(schedule: PipelineStateSchedule, name: string): Promise<void> {
    const node = this.hooks.nodeOf(name);
    if (node) {
      // The row reads, shows the result and reports it back through nodeRead.
      await node.loadState();
      return;
    }
    const pending = getPipelineState(this.session.clients, name, () => this.throttled());
    this.reading.set(name, pending);
    try {
      const state = await pending;
      if (schedule !== this.schedule) return;
      this.states.set(name, state);
      schedule.answered(name, state, Date.now());
    } catch (error) {
      if (schedule !== this.schedule) return;
      const gone = (error as { name?: string }).name === 'PipelineNotFoundException';
      if (gone) this.states.delete(name);
      schedule.failed(name, Date.now(), gone);
    } finally {
      if (this.reading.get(name) === pending) this.reading.delete(name);
    }
    this.hooks.approvalsChanged();
  }
}
