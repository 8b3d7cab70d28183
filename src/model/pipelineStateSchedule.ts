// Which CodePipeline state to read next, and when. CodePipeline has no list call that carries state, so
// finding every release waiting for approval in an account means one GetPipelineState per pipeline. This
// schedule spends those calls at a bounded rate (a token bucket), reads never-read pipelines first (newest
// `updated` first, as ListPipelines reports it), then re-reads each one less often while its state does not
// change, and halves its rate when AWS throttles. Pure and clock-free (every method takes `now`), so the rules
// are unit-tested with a fake clock.
import { latestExecutionStatus, pendingApprovals, type PipelineStateLike } from './codePipelineState';

export interface ScheduleOptions {
  /** Calls per second in the long run, and how many may go at once after a pause. */
  ratePerSecond: number;
  burst: number;
  /** Throttling never slows the schedule below this. */
  minRatePerSecond: number;
  /** Re-read delay after a pipeline's state changed (or was first read). */
  firstRereadMs: number;
  /** Longest re-read delay for a pipeline whose state stays the same (stretched for large accounts, below). */
  maxRereadMs: number;
  /** Longest re-read delay for a pipeline that is running (its state is about to change). */
  busyRereadMs: number;
  /** Re-reads at rest stay under this many calls a minute, however many pipelines the account has. */
  restCallsPerMinute: number;
  /** How often the whole list is read again to find new and deleted pipelines. */
  relistMs: number;
}

export const PIPELINE_SCHEDULE: ScheduleOptions = {
  ratePerSecond: 5,
  burst: 10,
  minRatePerSecond: 0.5,
  firstRereadMs: 60_000,
  maxRereadMs: 15 * 60_000,
  busyRereadMs: 2 * 60_000,
  restCallsPerMinute: 10,
  relistMs: 10 * 60_000,
};

/** Calls allowed now: `burst` at most, refilled at `rate` per second. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    private rate: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
  }

  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0 when one is). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  setRate(rate: number, now: number): void {
    this.refill(now);
    this.rate = rate;
  }

  /** After throttling: what is left is spent, so the next call waits a full token at the new rate. */
  empty(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, 0);
  }
}

/** What a state read tells the schedule: whether the state changed since last time, and whether it is running. */
export function stateFingerprint(state: PipelineStateLike): { fingerprint: string; busy: boolean } {
  const latest = latestExecutionStatus(state);
  const approvals = pendingApprovals(state).map((a) => a.token);
  const stages = (state.stageStates ?? []).map(
    (s) => `${s.latestExecution?.pipelineExecutionId}:${s.latestExecution?.status}`,
  );
  return {
    fingerprint: [latest.executionId, latest.status, ...approvals, ...stages].join('|'),
    busy: latest.status === 'InProgress' && approvals.length === 0,
  };
}

export type ScheduleStep =
  | { kind: 'list'; nextToken?: string }
  | { kind: 'read'; name: string }
  | { kind: 'wait'; ms: number }
  | { kind: 'idle' };

interface Entry {
  name: string;
  updated: number;
  read: boolean;
  inFlight: boolean;
  fingerprint?: string;
  intervalMs: number;
  dueAt: number;
}

export interface Listed {
  name?: string;
  updated?: Date;
}

export class PipelineStateSchedule {
  private readonly entries = new Map<string, Entry>();
  private readonly bucket: TokenBucket;
  private rate: number;
  /** Where the listing goes on (the view listed a page that has more), or undefined when it is complete. */
  private listToken: string | undefined;
  private listing = false;
  private listedAt: number | undefined;
  private seen = new Set<string>();

  constructor(
    private readonly options: ScheduleOptions,
    now: number,
  ) {
    this.rate = options.ratePerSecond;
    this.bucket = new TokenBucket(options.burst, options.ratePerSecond, now);
  }

  get ratePerSecond(): number {
    return this.rate;
  }
  get size(): number {
    return this.entries.size;
  }
  get unread(): number {
    let n = 0;
    for (const e of this.entries.values()) if (!e.read) n++;
    return n;
  }
  /** The listing is known to hold every pipeline of the account. */
  get listComplete(): boolean {
    return this.listedAt !== undefined && this.listToken === undefined && !this.listing;
  }
  has(name: string): boolean {
    return this.entries.has(name);
  }
  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** The longest re-read delay for this account: 200 pipelines at 10 calls a minute is one read each 20 minutes. */
  get restIntervalMs(): number {
    return Math.max(this.options.maxRereadMs, (this.entries.size * 60_000) / this.options.restCallsPerMinute);
  }

  /**
   * A page of ListPipelines arrived (the view's or the schedule's own). `fromStart` for the first page: a
   * listing that ends (no next token) drops the pipelines it did not name.
   */
  listed(items: readonly Listed[], nextToken: string | undefined, fromStart: boolean, now: number): void {
    if (fromStart) this.seen = new Set();
    this.listing = false;
    for (const item of items) {
      if (!item.name) continue;
      this.seen.add(item.name);
      const updated = item.updated?.getTime() ?? 0;
      const entry = this.entries.get(item.name);
      if (entry) entry.updated = updated;
      else
        this.entries.set(item.name, {
          name: item.name,
          updated,
          read: false,
          inFlight: false,
          intervalMs: this.options.firstRereadMs,
          dueAt: now,
        });
    }
    this.listToken = nextToken;
    if (!nextToken) {
      for (const name of [...this.entries.keys()]) if (!this.seen.has(name)) this.entries.delete(name);
      this.listedAt = now;
    }
  }

  /** The list call the schedule asked for failed: try again at the next relist. */
  listFailed(now: number): void {
    this.listing = false;
    this.listToken = undefined;
    this.listedAt = now;
  }

  /**
   * What to do now. A list or read step has taken its token: the caller makes that call and reports back.
   * `rereads` false (auto refresh turned off) reads each pipeline once and stops there.
   */
  next(now: number, rereads: boolean): ScheduleStep {
    if (this.listing) return { kind: 'idle' };
    const listDue =
      this.listToken !== undefined ||
      (rereads && this.listedAt !== undefined && now - this.listedAt >= this.options.relistMs);
    const read = this.nextRead(now, rereads);
    if (!listDue && !read) {
      const at = this.nextDueAt(rereads);
      return at === undefined ? { kind: 'idle' } : { kind: 'wait', ms: Math.max(1, at - now) };
    }
    const wait = this.bucket.waitMs(now);
    if (wait > 0 || !this.bucket.take(now)) return { kind: 'wait', ms: Math.max(1, wait) };
    if (listDue) {
      this.listing = true;
      const nextToken = this.listToken;
      if (nextToken === undefined) this.seen = new Set();
      return { kind: 'list', nextToken };
    }
    read!.inFlight = true;
    return { kind: 'read', name: read!.name };
  }

  /** Pipelines whose read is due now and not under way. */
  dueCount(now: number, rereads: boolean): number {
    let n = 0;
    for (const e of this.entries.values()) if (!e.inFlight && e.dueAt <= now && (rereads || !e.read)) n++;
    return n;
  }

  private nextRead(now: number, rereads: boolean): Entry | undefined {
    let best: Entry | undefined;
    for (const e of this.entries.values()) {
      if (e.inFlight || e.dueAt > now) continue;
      if (!e.read) {
        if (!best || best.read || e.updated > best.updated || (e.updated === best.updated && e.name < best.name))
          best = e;
      } else if (
        rereads &&
        (!best || (best.read && (e.dueAt < best.dueAt || (e.dueAt === best.dueAt && e.updated > best.updated))))
      )
        // Re-reads due at the same time (after a refresh): newest-updated first too.
        best = e;
    }
    return best;
  }

  private nextDueAt(rereads: boolean): number | undefined {
    let at = rereads && this.listedAt !== undefined ? this.listedAt + this.options.relistMs : undefined;
    for (const e of this.entries.values())
      if (!e.inFlight && (rereads || !e.read) && (at === undefined || e.dueAt < at)) at = e.dueAt;
    return at;
  }

  /** A read made elsewhere (a row rendering, an expand) started: not read twice. */
  started(name: string): void {
    const e = this.entries.get(name);
    if (e) e.inFlight = true;
  }

  /** A read answered: an unchanged state is read again later each time, up to the account's rest interval. */
  answered(name: string, state: PipelineStateLike, now: number): void {
    const e = this.entries.get(name);
    if (!e) return;
    const { fingerprint, busy } = stateFingerprint(state);
    const changed = !e.read || e.fingerprint !== fingerprint;
    e.intervalMs = changed ? this.options.firstRereadMs : Math.min(this.restIntervalMs, e.intervalMs * 2);
    if (busy) e.intervalMs = Math.min(e.intervalMs, this.options.busyRereadMs);
    e.fingerprint = fingerprint;
    e.read = true;
    e.inFlight = false;
    e.dueAt = now + e.intervalMs;
    // Answers after throttling bring the rate back a step at a time.
    if (this.rate < this.options.ratePerSecond)
      this.setRate(Math.min(this.options.ratePerSecond, this.rate + 0.1), now);
  }

  /** A read failed: `gone` (the pipeline was deleted) forgets it; otherwise it is tried again after a back-off. */
  failed(name: string, now: number, gone: boolean): void {
    const e = this.entries.get(name);
    if (!e) return;
    if (gone) {
      this.entries.delete(name);
      return;
    }
    e.inFlight = false;
    e.intervalMs = Math.min(this.restIntervalMs, e.intervalMs * 2);
    e.dueAt = now + e.intervalMs;
  }

  /** AWS said ThrottlingException (even if a retry then got through): halve the rate and spend what is left. */
  throttled(now: number): void {
    this.setRate(Math.max(this.options.minRatePerSecond, this.rate / 2), now);
    this.bucket.empty(now);
  }

  /** The user refreshed: every known pipeline is due now (newest first), at the same bounded rate. */
  refreshAll(now: number): void {
    for (const e of this.entries.values()) {
      e.dueAt = now;
      e.intervalMs = this.options.firstRereadMs;
    }
  }

  private setRate(rate: number, now: number): void {
    this.rate = rate;
    this.bucket.setRate(rate, now);
  }
}
