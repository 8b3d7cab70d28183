// Activation does no network I/O. Checked before any other test has used AWS: the suite runs its files in
// name order, and this one sorts first (later suites reload views as they clean up, which may call AWS).
import * as assert from 'assert';
import { recordedRequests } from './support/emulatorControl';
import { activated } from './support/workbench';

describe('Activation', function () {
  this.timeout(60_000);

  it('activates without calling AWS', async () => {
    const api = await activated();
    assert.deepStrictEqual(
      api.session(),
      { profile: 'default', region: 'us-east-1', endpointUrl: process.env.AWS_ENDPOINT_URL },
      'the API tells where the extension works',
    );
    const requests = await recordedRequests();
    assert.deepStrictEqual(
      requests.map((r) => `${r.service}.${r.operation}`),
      [],
      'no AWS request during activation',
    );
  });
});
