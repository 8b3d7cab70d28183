// Deleting an endpoint in the real extension host: only after its name is typed exactly, optionally with
// its configuration and model, and the view no longer lists it.
import * as assert from 'assert';
import type { DeletePrompts } from '../../../src/commands/hosting/deleteEndpointCommand';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { workbench } from '../support/workbench';

const NAME = 'abalone-staging-endpoint';

describe('Endpoint deletion', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await workbench()).views.providers.endpoints.refresh();
  });

  it('does nothing unless the name is typed exactly', async () => {
    await clearRequests();
    const prompts: DeletePrompts = { typeName: async () => 'abalone-staging', alsoDelete: async (p) => p };
    assert.strictEqual((await (await workbench()).endpoints.delete(NAME, prompts)).outcome, 'cancelled');
    assert.deepStrictEqual((await recordedRequests()).filter((r) => r.operation.startsWith('Delete')), []);
  });

  it('deletes the endpoint with the configuration and model the user picked, and the view drops it', async () => {
    let offered: string[] = [];
    const prompts: DeletePrompts = { typeName: async (n) => n, alsoDelete: async (parts) => ((offered = parts.map((p) => `${p.kind} ${p.name}`)), parts) };
    await clearRequests();
    const result = await (await workbench()).endpoints.delete(NAME, prompts);
    assert.strictEqual(result.outcome, 'deleted');
    assert.deepStrictEqual(offered, [`config ${NAME}`, `model ${NAME}`]);
    assert.strictEqual(result.message, `Deleted endpoint ${NAME}, configuration ${NAME}, model ${NAME}.`);
    assert.deepStrictEqual((await recordedRequests()).filter((r) => r.operation.startsWith('Delete')).map((r) => r.operation), ['DeleteEndpoint', 'DeleteEndpointConfig', 'DeleteModel']);
    const provider = (await workbench()).views.providers.endpoints;
    provider.refresh();
    const names = ((await provider.getChildren()) ?? []).map((n) => (n as { resource?: { name: string } }).resource?.name);
    assert.ok(!names.includes(NAME), names.join(', '));
  });
});
