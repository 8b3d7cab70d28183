// What a wizard's user entered for a start AWS did not take (connection dropped, credentials expired, a limit
// or an error), offered again by the next start of the same thing, so nothing is typed twice.
// Kept in memory for the window's life only (plans hold names, ARNs and S3 locations, never secrets).
export class RetryPlans<Plan> {
  private readonly plans = new Map<string, Plan>();

  offer(key: string): Plan | undefined {
    return this.plans.get(key);
  }

  keep(key: string, plan: Plan): void {
    this.plans.set(key, plan);
  }

  /** The start of `key` happened: its next start begins from fresh defaults again. */
  done(key: string): void {
    this.plans.delete(key);
  }
}
