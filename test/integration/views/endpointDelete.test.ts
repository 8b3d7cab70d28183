// Deleting an endpoint from its context menu in the real extension host: only after its name is typed
// exactly, optionally with its configuration and model, and the view no longer lists it.
import * as assert from 'assert';
import { endpointNode } from '../hosting/support';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { host } from '../support/workbench';

const NAME = 'abalone-staging-endpoint';
const deletes = async () => (await recordedRequests()).filter((r) => r.operation.startsWith('Delete'));

describe('Endpoint deletion', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await resetEmulator();
    (await host()).views.providers.endpoints.refresh();
  });

  it('does nothing unless the name is typed exactly', async () => {
    const node = await endpointNode(NAME);
    await clearRequests();
    await withWindow(async (ui) => {
      let refusal: string | undefined;
      ui.onInputBox(`Delete endpoint ${NAME}`, async (p) => {
        refusal = await p.type('abalone-staging');
        p.cancel();
      });
      assert.strictEqual((await run<{ outcome: string }>('deleteEndpoint', node)).outcome, 'cancelled');
      assert.strictEqual(refusal, `Type the endpoint's name exactly: ${NAME}`);
    });
    assert.deepStrictEqual(await deletes(), []);
  });

  it('deletes the endpoint with the configuration and model the user picked, and the view drops it', async () => {
    const node = await endpointNode(NAME);
    await clearRequests();
    await withWindow(async (ui) => {
      let offered: string[] = [];
      ui.onInputBox(`Delete endpoint ${NAME}`, NAME);
      ui.onQuickPick('Also delete (optional)', (p) => {
        offered = p.items.map((i) => i.label);
        p.pickMany(offered);
      });
      const result = await run<{ outcome: string; message?: string }>('deleteEndpoint', node);
      assert.strictEqual(result.outcome, 'deleted');
      assert.deepStrictEqual(offered, [`configuration ${NAME}`, `model ${NAME}`]);
      assert.strictEqual(result.message, `Deleted endpoint ${NAME}, configuration ${NAME}, model ${NAME}.`);
      assert.deepStrictEqual(ui.shown('info'), [result.message]);
    });
    assert.deepStrictEqual(
      (await deletes()).map((r) => r.operation),
      ['DeleteEndpoint', 'DeleteEndpointConfig', 'DeleteModel'],
    );
    const provider = (await host()).views.providers.endpoints;
    const names = ((await provider.getChildren()) ?? []).map(
      (n) => (n as { resource?: { name: string } }).resource?.name,
    );
    assert.ok(!names.includes(NAME), names.join(', '));
  });
});
