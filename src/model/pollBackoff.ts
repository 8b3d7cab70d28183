// How long to wait before the next status poll: short while things change, longer while nothing does, so a
// job that runs for hours costs a handful of calls per minute at most.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export class PollBackoff {
  private current: number;

  constructor(private readonly options: BackoffOptions) {
    this.current = options.initialMs;
  }

  get delayMs(): number {
    return this.current;
  }

  /** After a poll: back to the initial delay when something changed, else grow up to the maximum. */
  next(changed: boolean): number {
    this.current = changed
      ? this.options.initialMs
      : Math.min(this.options.maxMs, Math.round(this.current * this.options.factor));
    return this.current;
  }

  reset(): void {
    this.current = this.options.initialMs;
  }
}

export interface StatusChange {
  key: string;
  from: string | undefined;
  to: string | undefined;
}

/** Items whose status differs between two polls, matched by key. */
export function statusChanges<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (t: T) => string,
  statusOf: (t: T) => string | undefined,
): StatusChange[] {
  const old = new Map(before.map((t) => [keyOf(t), statusOf(t)]));
  const changes: StatusChange[] = [];
  for (const item of after) {
    const key = keyOf(item);
    if (old.has(key) && old.get(key) !== statusOf(item)) changes.push({ key, from: old.get(key), to: statusOf(item) });
  }
  return changes;
}
