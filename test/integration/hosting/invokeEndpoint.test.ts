// Testing endpoints in the real extension host: one typed row answered with the seeded abalone model's
// prediction in a document beside the editor, the content type remembered per endpoint, bad input refused
// before sending; batch predict of an abalone CSV writes predictions next to it with the RMSE.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { InvokePrompts } from '../../../src/commands/hosting/invokeEndpointCommand';
import { abaloneRings } from '../../emulator/services/sagemaker/inferenceModels';
import { ABALONE_ROWS, abaloneCsv } from '../../emulator/services/sagemaker/abaloneData';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { workbench } from '../support/workbench';

const ROW = 'M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15';

function typed(line: string, contentType: string | undefined, asked: string[] = []): InvokePrompts {
  return { payloadSource: async () => 'typed', typedLine: async () => line, contentType: async (endpoint) => (asked.push(endpoint), contentType) };
}

const invocations = async () => (await recordedRequests()).filter((r) => r.operation === 'InvokeEndpoint');

describe('Test an endpoint', function () {
  this.timeout(60_000);

  it('answers a typed row with the predicted rings, beside the editor, asking the content type once', async () => {
    const api = await workbench();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const asked: string[] = [];
    const first = await api.hosting.invoke('abalone-endpoint', typed(ROW, 'text/csv', asked));
    assert.strictEqual(first.outcome, 'answered', first.message);
    assert.strictEqual(first.invocation?.body, String(abaloneRings(ROW.split(','))));
    assert.match(first.message ?? '', /^abalone-endpoint \(AllTraffic\) answered in \d+ ms\.$/);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === first.document?.toString());
    assert.ok(shown, 'the response is open');
    assert.strictEqual(shown.document.getText(), String(abaloneRings(ROW.split(','))));
    assert.match(shown.document.uri.path, /^\/abalone-endpoint · response \d+ · \d+ ms\.csv$/);
    const second = await api.hosting.invoke('abalone-endpoint', typed(`${ROW}\n${ROW}`, 'application/json', asked));
    assert.strictEqual(second.invocation?.body.split(',').length, 2, 'two rows, two predictions');
    assert.deepStrictEqual(asked, ['abalone-endpoint'], 'asked once, then remembered');
  });

  it('refuses a content type that is not one and a payload over 6 MB without calling; reports ModelError', async () => {
    const api = await workbench();
    await clearRequests();
    const bad = await api.hosting.invoke('abalone-serverless-endpoint', typed(ROW, 'csv'));
    assert.deepStrictEqual([bad.outcome, bad.message], ['refused', '"csv" is not a content type; use text/csv or application/json']);
    const big = await api.hosting.invoke('abalone-serverless-endpoint', typed('1,'.repeat(3_200_000), 'text/csv'));
    assert.strictEqual(big.outcome, 'refused');
    assert.match(big.message ?? '', /^The payload is 6\.1 MB; a real-time endpoint takes at most 6 MB per request/);
    assert.deepStrictEqual(await invocations(), [], 'nothing was sent');
    const xml = await api.hosting.invoke('cmapss-XGBoostEndpoint-2021-01-07-16-30-12', typed('<row/>', 'application/xml'));
    assert.strictEqual(xml.outcome, 'failed');
    assert.match(xml.message ?? '', /^cmapss-XGBoostEndpoint-2021-01-07-16-30-12 did not answer: .*Content type application\/xml is not supported/);
  });

  it('batch-predicts an abalone CSV row by row, writes predictions beside it and computes the RMSE', async () => {
    const api = await workbench();
    const dir = await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.join(os.tmpdir(), `smw-batch-${process.pid}`))).then(() => path.join(os.tmpdir(), `smw-batch-${process.pid}`));
    const input = vscode.Uri.file(path.join(dir, 'abalone-test.csv'));
    await vscode.workspace.fs.writeFile(input, Buffer.from(abaloneCsv(true)));
    try {
      await clearRequests();
      let offered: string[] = [];
      const result = await api.hosting.batch('abalone-endpoint', input, { labelColumn: async (columns, suggested) => ((offered = columns), suggested) });
      assert.strictEqual(result.outcome, 'predicted', result.message);
      assert.strictEqual(offered.at(-1), 'rings');
      assert.strictEqual((await invocations()).length, ABALONE_ROWS.length, 'one request per row');
      const expected = ABALONE_ROWS.map((r) => r.split(',')).map((f) => [Number(f[8]), abaloneRings(f.slice(0, 8))] as const);
      const rmse = Math.sqrt(expected.reduce((s, [y, p]) => s + (p - y) ** 2, 0) / expected.length);
      assert.ok(Math.abs(result.quality!.rmse! - rmse) < 1e-9, `${result.quality?.rmse} vs ${rmse}`);
      assert.match(result.message ?? '', new RegExp(`Wrote 20 predictions to .*abalone-test\\.predictions\\.csv\\. RMSE ${rmse.toFixed(4)} · MAE`));
      const written = Buffer.from(await vscode.workspace.fs.readFile(result.predictionsFile!)).toString('utf8').trim().split('\n');
      assert.strictEqual(written[0], 'sex,length,diameter,height,whole_weight,shucked_weight,viscera_weight,shell_weight,rings,prediction');
      assert.strictEqual(written[1], `${ABALONE_ROWS[0]},${abaloneRings(ABALONE_ROWS[0].split(',').slice(0, 8))}`);
      const again = await api.hosting.batch('abalone-endpoint', input, { labelColumn: async () => 'none' });
      assert.match(again.predictionsFile!.path, /abalone-test\.predictions-2\.csv$/, 'an earlier result is not overwritten');
      assert.strictEqual(again.quality, undefined);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.file(dir), { recursive: true });
    }
  });
});
