// Paging state of one list in the sidebar: the first page is one list call, each "Load more…" one more,
// never all pages at once. Pure logic, so the rules are unit-tested without VS Code or the SDK.

export interface Page<T> {
  items: T[];
  nextToken?: string;
  /**
   * The MaxResults asked for, from lists that filter after paging: a page shorter than this that still has a
   * NextToken is followed by the next one (see FillPolicy).
   */
  asked?: number;
}

export type PageFetcher<T> = (nextToken: string | undefined) => Promise<Page<T>>;

export type PagedState = 'idle' | 'loading' | 'loaded' | 'error';

/**
 * Some AWS lists filter after paging (ListTrainingJobs with StatusEquals takes MaxResults jobs, then keeps the
 * matching ones), so a page can be short or empty while a NextToken says there is more. One "page" of the view
 * keeps reading such pages until it holds what was asked for or has made `maxCalls` calls, so a filter never
 * shows "nothing" while matching items are a call away, and a rare status never costs more than `maxCalls`.
 */
export interface FillPolicy {
  maxCalls: number;
}

/** What the sidebar's lists use. */
export const SIDEBAR_FILL: FillPolicy = { maxCalls: 5 };
/** One call per page, whatever it holds. */
export const ONE_CALL_PER_PAGE: FillPolicy = { maxCalls: 1 };

export class PagedList<T> {
  private loadedItems: T[] = [];
  private token: string | undefined;
  private stateValue: PagedState = 'idle';
  private errorValue: unknown;
  private inFlight: Promise<void> | undefined;
  private pagesLoaded = 0;
  /** Incremented on reset so a page that arrives after a reset is dropped. */
  private generation = 0;

  constructor(
    private readonly fetch: PageFetcher<T>,
    private readonly fill: FillPolicy = ONE_CALL_PER_PAGE,
  ) {}

  get items(): readonly T[] {
    return this.loadedItems;
  }
  get state(): PagedState {
    return this.stateValue;
  }
  get error(): unknown {
    return this.errorValue;
  }
  get hasMore(): boolean {
    return this.token !== undefined;
  }
  /** List calls made for what is shown: a refresh of it costs this many calls. */
  get pageCount(): number {
    return this.pagesLoaded;
  }

  /**
   * Lists the shown pages again (one call per page) and swaps the items in at once; used by status polling so
   * the user keeps their place. Returns false when a load was already running or the list was reset meanwhile.
   */
  async reloadShown(): Promise<boolean> {
    if (this.inFlight || this.stateValue !== 'loaded') return false;
    const generation = this.generation;
    const pages = Math.max(1, this.pagesLoaded);
    const items: T[] = [];
    let token: string | undefined;
    const run = (async () => {
      for (let i = 0; i < pages; i++) {
        const page = await this.fetch(token);
        items.push(...page.items);
        token = page.nextToken || undefined;
        if (!token) break;
      }
    })();
    this.inFlight = run.finally(() => {
      if (generation === this.generation) this.inFlight = undefined;
    });
    await this.inFlight;
    if (generation !== this.generation) return false;
    this.loadedItems = items;
    this.token = token;
    return true;
  }

  /** Loads the first page unless already loaded (or loading). */
  ensureFirstPage(): Promise<void> {
    if (this.stateValue === 'idle') return this.load(undefined);
    return this.inFlight ?? Promise.resolve();
  }

  /** Appends the next page; a no-op without a next token or while a load runs. */
  loadMore(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.token === undefined) return Promise.resolve();
    return this.load(this.token);
  }

  /** Forget everything; the next ensureFirstPage() lists again. */
  reset(): void {
    this.generation++;
    this.loadedItems = [];
    this.token = undefined;
    this.stateValue = 'idle';
    this.errorValue = undefined;
    this.inFlight = undefined;
    this.pagesLoaded = 0;
  }

  /** Replace items in place (e.g. after a status poll) without refetching pages. */
  update(map: (item: T) => T): void {
    this.loadedItems = this.loadedItems.map(map);
  }

  /** One view page: list calls until what was asked for arrived, the list ended or `fill.maxCalls` were made. */
  private async fetchFilled(token: string | undefined): Promise<Page<T> & { calls: number }> {
    const items: T[] = [];
    let next = token;
    let calls = 0;
    let asked = 0;
    do {
      const page = await this.fetch(next);
      calls++;
      items.push(...page.items);
      asked = page.asked ?? 0;
      next = page.nextToken || undefined;
    } while (next !== undefined && items.length < asked && calls < this.fill.maxCalls);
    return { items, nextToken: next, calls };
  }

  private load(token: string | undefined): Promise<void> {
    const generation = this.generation;
    this.stateValue = 'loading';
    this.inFlight = this.fetchFilled(token)
      .then(
        (page) => {
          if (generation !== this.generation) return;
          this.loadedItems = token === undefined ? page.items : [...this.loadedItems, ...page.items];
          this.pagesLoaded = token === undefined ? page.calls : this.pagesLoaded + page.calls;
          this.token = page.nextToken || undefined;
          this.stateValue = 'loaded';
          this.errorValue = undefined;
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          this.errorValue = error;
          // A failed first page shows an error node; a failed later page keeps what was loaded.
          this.stateValue = token === undefined ? 'error' : 'loaded';
          if (token !== undefined) throw error;
        },
      )
      .finally(() => {
        if (generation === this.generation) this.inFlight = undefined;
      });
    return this.inFlight;
  }
}
