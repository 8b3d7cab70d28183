import * as assert from 'assert';
import { EndpointHistory } from '../../../src/model/endpointHistory';

function memento() {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => void values.set(key, value),
  };
}

describe('endpoint history', () => {
  it('remembers what an endpoint served, newest first, per region, for Roll Back', async () => {
    const history = new EndpointHistory(memento());
    await history.record('us-east-1', 'abalone-endpoint', {
      config: 'abalone-endpoint',
      label: 'model abalone-endpoint',
      at: '2026-11-01T00:00:00Z',
    });
    await history.record('us-east-1', 'abalone-endpoint', {
      config: 'abalone-endpoint-20261125',
      label: 'AbalonePackageGroup v4',
      at: '2026-11-25T00:00:00Z',
    });
    assert.strictEqual(
      history.previous('us-east-1', 'abalone-endpoint', 'abalone-endpoint-20261125')?.config,
      'abalone-endpoint',
    );
    assert.strictEqual(history.previous('eu-west-1', 'abalone-endpoint', 'x'), undefined);
    await history.record('us-east-1', 'abalone-endpoint', {
      config: 'abalone-endpoint',
      label: 'rolled back',
      at: '2026-11-25T01:00:00Z',
    });
    assert.deepStrictEqual(
      history.list('us-east-1', 'abalone-endpoint').map((s) => s.config),
      ['abalone-endpoint', 'abalone-endpoint-20261125'],
      'a configuration appears once',
    );
  });
});
