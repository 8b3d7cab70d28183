import * as assert from 'assert';
import { PagedList, SIDEBAR_FILL, type Page } from '../../../src/model/pagedList';

function pages(...all: Array<Page<number>>) {
  const calls: Array<string | undefined> = [];
  const fetch = async (token: string | undefined) => {
    calls.push(token);
    const index = token === undefined ? 0 : Number(token);
    return all[index];
  };
  return { calls, fetch };
}

describe('PagedList', () => {
  it('lists the first page with exactly one call', async () => {
    const source = pages({ items: [1, 2], nextToken: '1' }, { items: [3] });
    const list = new PagedList(source.fetch);
    await list.ensureFirstPage();
    await list.ensureFirstPage();
    assert.deepStrictEqual(source.calls, [undefined]);
    assert.deepStrictEqual(list.items, [1, 2]);
    assert.strictEqual(list.hasMore, true);
  });

  it('appends one page per loadMore and stops at the last page', async () => {
    const source = pages({ items: [1], nextToken: '1' }, { items: [2], nextToken: '2' }, { items: [3] });
    const list = new PagedList(source.fetch);
    await list.ensureFirstPage();
    await list.loadMore();
    assert.deepStrictEqual(list.items, [1, 2]);
    await list.loadMore();
    await list.loadMore();
    assert.deepStrictEqual(list.items, [1, 2, 3]);
    assert.deepStrictEqual(source.calls, [undefined, '1', '2']);
    assert.strictEqual(list.hasMore, false);
  });

  it('does not fetch the same page twice when Load more is clicked twice quickly', async () => {
    const source = pages({ items: [1], nextToken: '1' }, { items: [2] });
    const list = new PagedList(source.fetch);
    await list.ensureFirstPage();
    await Promise.all([list.loadMore(), list.loadMore()]);
    assert.deepStrictEqual(source.calls, [undefined, '1']);
    assert.deepStrictEqual(list.items, [1, 2]);
  });

  it('keeps a failed first page as an error and lists again after reset', async () => {
    let fail = true;
    const list = new PagedList<number>(async () => {
      if (fail) throw new Error('ThrottlingException');
      return { items: [7] };
    });
    await list.ensureFirstPage();
    assert.strictEqual(list.state, 'error');
    assert.match(String(list.error), /Throttling/);
    fail = false;
    list.reset();
    await list.ensureFirstPage();
    assert.deepStrictEqual([list.state, list.items], ['loaded', [7]]);
  });

  it('keeps loaded items when a later page fails', async () => {
    const list = new PagedList<number>(async (token) => {
      if (token) throw new Error('dropped');
      return { items: [1], nextToken: 'x' };
    });
    await list.ensureFirstPage();
    await assert.rejects(list.loadMore(), /dropped/);
    assert.deepStrictEqual([list.state, list.items, list.hasMore], ['loaded', [1], true]);
  });

  it('drops a page that arrives after a reset', async () => {
    let release!: () => void;
    const list = new PagedList<number>(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ items: [1] });
        }),
    );
    const first = list.ensureFirstPage();
    list.reset();
    release();
    await first;
    assert.deepStrictEqual([list.state, list.items], ['idle', []]);
  });
});

describe('PagedList filling short pages (lists AWS filters after paging)', () => {
  it('keeps reading empty and short pages that carry a NextToken until enough items arrived', async () => {
    const source = pages(
      { items: [], nextToken: '1', asked: 4 },
      { items: [1, 2], nextToken: '2', asked: 4 },
      { items: [3, 4, 5], nextToken: '3', asked: 4 },
      { items: [6], asked: 4 },
    );
    const list = new PagedList(source.fetch, SIDEBAR_FILL);
    await list.ensureFirstPage();
    assert.deepStrictEqual(list.items, [1, 2, 3, 4, 5]);
    assert.deepStrictEqual(source.calls, [undefined, '1', '2']);
    assert.strictEqual(list.hasMore, true, 'Load more stays for the rest');
    assert.strictEqual(list.pageCount, 3, 'a refresh re-reads the three calls shown');
    await list.loadMore();
    assert.deepStrictEqual(list.items, [1, 2, 3, 4, 5, 6]);
    assert.strictEqual(list.hasMore, false);
  });

  it('stops after maxCalls, so a status no job has costs a bounded number of calls and offers Load more', async () => {
    const empty = Array.from({ length: 20 }, (_, i) => ({
      items: [] as number[],
      nextToken: String(i + 1),
      asked: 50,
    }));
    const source = pages(...empty);
    const list = new PagedList(source.fetch, SIDEBAR_FILL);
    await list.ensureFirstPage();
    assert.strictEqual(source.calls.length, SIDEBAR_FILL.maxCalls);
    assert.deepStrictEqual(list.items, []);
    assert.strictEqual(list.hasMore, true);
  });

  it('makes one call when the page holds what was asked for, or when the list does not filter after paging', async () => {
    const full = pages({ items: [1, 2], nextToken: '1', asked: 2 }, { items: [3] });
    await new PagedList(full.fetch, SIDEBAR_FILL).ensureFirstPage();
    assert.deepStrictEqual(full.calls, [undefined]);
    const unfiltered = pages({ items: [1], nextToken: '1' }, { items: [2] });
    await new PagedList(unfiltered.fetch, SIDEBAR_FILL).ensureFirstPage();
    assert.deepStrictEqual(unfiltered.calls, [undefined]);
  });
});

describe('PagedList.reloadShown', () => {
  it('lists the pages shown again, one call each, and replaces the items', async () => {
    let version = 0;
    const calls: Array<string | undefined> = [];
    const list = new PagedList<string>(async (token) => {
      calls.push(token);
      const page = token === undefined ? 0 : 1;
      return { items: [`p${page}v${version}`], nextToken: page === 0 ? 't1' : 't2' };
    });
    await list.ensureFirstPage();
    await list.loadMore();
    version = 1;
    calls.length = 0;
    assert.strictEqual(await list.reloadShown(), true);
    assert.deepStrictEqual(calls, [undefined, 't1']);
    assert.deepStrictEqual(list.items, ['p0v1', 'p1v1']);
    assert.strictEqual(list.hasMore, true);
  });
});
