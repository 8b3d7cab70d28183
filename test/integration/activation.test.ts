// Activation does no network I/O. Checked before any other test has used AWS: the suite runs its files in
// name order, and this one sorts first (later suites reload views as they clean up, which may call AWS).
import * as assert from 'assert';
import { recordedRequests } from './support/emulatorControl';
import { workbench } from './support/workbench';

describe('Activation', function () {
  this.timeout(60_000);

  it('activates without calling AWS', async () => {
    const api = await workbench();
    assert.ok(api.session, 'activate() returned the API');
    const requests = await recordedRequests();
    assert.deepStrictEqual(requests.map((r) => `${r.service}.${r.operation}`), [], 'no AWS request during activation');
  });
});
