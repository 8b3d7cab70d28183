import * as assert from 'assert';
import { PollBackoff, statusChanges } from '../../../src/model/pollBackoff';

describe('PollBackoff', () => {
  it('grows the delay while nothing changes, up to the maximum', () => {
    const b = new PollBackoff({ initialMs: 5000, maxMs: 60000, factor: 2 });
    assert.deepStrictEqual(
      [b.next(false), b.next(false), b.next(false), b.next(false), b.next(false)],
      [10000, 20000, 40000, 60000, 60000],
    );
  });

  it('goes back to the initial delay when a status changed', () => {
    const b = new PollBackoff({ initialMs: 5000, maxMs: 60000, factor: 2 });
    b.next(false);
    b.next(false);
    assert.strictEqual(b.next(true), 5000);
  });
});

describe('statusChanges', () => {
  it('reports items whose status changed, and only those', () => {
    const before = [
      { n: 'a', s: 'InProgress' },
      { n: 'b', s: 'InProgress' },
      { n: 'c', s: 'Completed' },
    ];
    const after = [
      { n: 'a', s: 'Completed' },
      { n: 'b', s: 'InProgress' },
      { n: 'c', s: 'Completed' },
      { n: 'd', s: 'InProgress' },
    ];
    assert.deepStrictEqual(
      statusChanges(
        before,
        after,
        (x) => x.n,
        (x) => x.s,
      ),
      [{ key: 'a', from: 'InProgress', to: 'Completed' }],
    );
  });
});
