import * as assert from 'node:assert/strict';
import { loadOnce } from '../../../src/model/loadOnce';

describe('loadOnce', () => {
  it('loads once for every caller, at once or later', async () => {
    let loads = 0;
    const load = loadOnce(async () => ++loads);
    assert.deepEqual(await Promise.all([load(), load()]), [1, 1]);
    assert.equal(await load(), 1);
    assert.equal(loads, 1);
  });

  it('passes a failed load on to its callers and tries again on the next call', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk missing');
      return 'loaded';
    });
    await assert.rejects(load(), /chunk missing/);
    assert.equal(await load(), 'loaded');
    assert.equal(await load(), 'loaded');
    assert.equal(loads, 2);
  });
});
