// Prices per region, kept for a day in the extension's global state (prices change a few times a year; a day keeps
// the bill honest without a Price List call per refresh). A price the list does not have is kept as null (shown as
// "price unknown") for the day too; a failed call is not kept, so the next refresh asks again.
import type * as vscode from 'vscode';
import { priceKey, type PriceComponent, type PriceTable } from '../../model/costPrices';

const KEY = 'sagemakerWorkbench.priceCache';
export const PRICE_CACHE_MS = 86_400_000;

interface Cached {
  usd: number | null;
  at: number;
}

type Store = Record<string, Record<string, Cached>>;

export type PriceFetch = (region: string, component: PriceComponent, instanceType: string) => Promise<number | null>;

export class PriceCache {
  constructor(
    private readonly memento: vscode.Memento,
    private readonly fetch: PriceFetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** The table for these prices in `region`, asking the price list only for those not read within a day. */
  async table(
    region: string,
    needed: Array<{ component: PriceComponent; instanceType: string }>,
  ): Promise<{ table: PriceTable; problem?: string }> {
    const store = this.memento.get<Store>(KEY, {});
    const regional = { ...(store[region] ?? {}) };
    const fresh = (c: Cached | undefined) => c !== undefined && this.now() - c.at < PRICE_CACHE_MS;
    const missing = needed.filter((n) => !fresh(regional[priceKey(n.component, n.instanceType)]));
    const problems: string[] = [];
    await Promise.all(
      missing.map(async (n) => {
        try {
          const usd = await this.fetch(region, n.component, n.instanceType);
          regional[priceKey(n.component, n.instanceType)] = { usd, at: this.now() };
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }),
    );
    if (missing.length > 0) await this.memento.update(KEY, { ...store, [region]: regional });
    const table: PriceTable = {};
    for (const [key, cached] of Object.entries(regional)) if (fresh(cached)) table[key] = cached.usd;
    return { table, problem: problems[0] };
  }

  /** Forgets every region's prices (the refresh command): the next read asks the price list again. */
  async clear(): Promise<void> {
    await this.memento.update(KEY, undefined);
  }
}
