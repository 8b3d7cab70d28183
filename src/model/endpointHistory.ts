// The endpoint configurations an endpoint served, newest first, as the deploy and update commands made
// them: SageMaker keeps no such history, and Roll Back needs to know what was served before.
// Kept in VS Code's global state per region and endpoint (names only: nothing secret).

export interface ServedConfig {
  config: string;
  /** What it deployed ("AbalonePackageGroup v4"). */
  label: string;
  /** ISO time the deployment started. */
  at: string;
}

export interface HistoryStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const MAX_KEPT = 20;

export class EndpointHistory {
  constructor(private readonly store: HistoryStore) {}

  private key(region: string, endpoint: string): string {
    return `endpointHistory:${region}:${endpoint}`;
  }

  list(region: string, endpoint: string): ServedConfig[] {
    return this.store.get<ServedConfig[]>(this.key(region, endpoint)) ?? [];
  }

  async record(region: string, endpoint: string, served: ServedConfig): Promise<void> {
    const rest = this.list(region, endpoint).filter((s) => s.config !== served.config);
    await this.store.update(this.key(region, endpoint), [served, ...rest].slice(0, MAX_KEPT));
  }

  /** The configuration served before `current`, if known. */
  previous(region: string, endpoint: string, current: string): ServedConfig | undefined {
    return this.list(region, endpoint).find((s) => s.config !== current);
  }
}
