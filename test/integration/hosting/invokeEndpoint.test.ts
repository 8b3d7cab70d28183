// Testing endpoints in the real extension host, through the endpoint's context menu: one typed row answered
// with the seeded abalone model's prediction in a document beside the editor, the content type remembered per
// endpoint (until Change Content Type), bad input refused before sending; batch predict of an abalone CSV
// (the explorer's menu on the file) writes predictions next to it with the RMSE.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchOutcome } from '../../../src/commands/hosting/batchPredictCommand';
import type { InvokeOutcome } from '../../../src/commands/hosting/invokeEndpointCommand';
import { abaloneRings } from '../../emulator/services/sagemaker/inferenceModels';
import { ABALONE_ROWS, abaloneCsv } from '../../emulator/services/sagemaker/abaloneData';
import { answerTypedInvocation, ROW } from '../support/answers/hosting';
import { clearRequests, recordedRequests } from '../support/emulatorControl';
import { run, withWindow, type TestWindow } from '../support/testWindow';
import { endpointNode } from './support';

const invocations = async () => (await recordedRequests()).filter((r) => r.operation === 'InvokeEndpoint');

/** Change Content Type from the endpoint's menu: the next test asks again. */
async function forgetContentType(endpoint: string): Promise<void> {
  await withWindow(async (ui) => {
    await run('changeInvokeContentType', await endpointNode(endpoint));
    assert.deepStrictEqual(ui.shown('info'), [`The next test of ${endpoint} asks for its content type again.`]);
  });
}

/** Answers the typed line with `line` and records the input box's refusal, then cancels it. */
function refusedLine(ui: TestWindow, endpoint: string, line: string, refusals: string[]): void {
  ui.onInputBox(new RegExp(`^Test ${endpoint}$`), async (p) => {
    const refusal = await p.type(line);
    if (refusal) refusals.push(refusal);
    p.cancel();
  });
}

describe('Test an endpoint', function () {
  this.timeout(60_000);

  it('answers a typed row with the predicted rings, beside the editor, asking the content type once', async () => {
    await forgetContentType('abalone-endpoint');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const endpoint = await endpointNode('abalone-endpoint');
    const first = await withWindow(async (ui) => {
      answerTypedInvocation(ui, 'abalone-endpoint', ROW, 'text/csv');
      const result = await run<InvokeOutcome>('invokeEndpoint', endpoint);
      assert.deepStrictEqual(ui.shown('info'), [result.message], 'the latency is told');
      return result;
    });
    assert.strictEqual(first.outcome, 'answered', first.message);
    assert.strictEqual(first.invocation?.body, String(abaloneRings(ROW.split(','))));
    assert.match(first.message ?? '', /^abalone-endpoint \(AllTraffic\) answered in \d+ ms\.$/);
    const shown = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === first.document?.toString(),
    );
    assert.ok(shown, 'the response is open');
    assert.strictEqual(shown.document.getText(), String(abaloneRings(ROW.split(','))));
    assert.match(shown.document.uri.path, /^\/abalone-endpoint · response \d+ · \d+ ms\.csv$/);
    await withWindow(async (ui) => {
      // No content type scripted: asking it again would fail the command.
      answerTypedInvocation(ui, 'abalone-endpoint', `${ROW}\n${ROW}`, undefined, {
        hasEditor: !!vscode.window.activeTextEditor,
      });
      const second = await run<InvokeOutcome>('invokeEndpoint', endpoint);
      assert.strictEqual(second.invocation?.body.split(',').length, 2, 'two rows, two predictions');
      assert.ok(!ui.asked.some((t) => t.startsWith('Content type')), 'asked once, then remembered');
    });
  });

  it('refuses a content type that is not one and a payload over 6 MB without calling; reports ModelError', async () => {
    await forgetContentType('abalone-serverless-endpoint');
    await forgetContentType('cmapss-XGBoostEndpoint-2021-01-07-16-30-12');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clearRequests();
    const serverless = await endpointNode('abalone-serverless-endpoint');
    await withWindow(async (ui) => {
      answerTypedInvocation(ui, 'abalone-serverless-endpoint', ROW);
      ui.onQuickPick(/^Content type abalone-serverless-endpoint takes/, (p) => p.pick('Other…'));
      let refusal: string | undefined;
      ui.onInputBox('Content type for abalone-serverless-endpoint', async (p) => {
        refusal = await p.type('csv');
        p.cancel();
      });
      assert.strictEqual((await run<InvokeOutcome>('invokeEndpoint', serverless)).outcome, 'cancelled');
      assert.strictEqual(refusal, '"csv" is not a content type; use text/csv or application/json');
    });
    await withWindow(async (ui) => {
      const refusals: string[] = [];
      refusedLine(ui, 'abalone-serverless-endpoint', '1,'.repeat(3_200_000), refusals);
      assert.strictEqual((await run<InvokeOutcome>('invokeEndpoint', serverless)).outcome, 'cancelled');
      assert.match(refusals[0] ?? '', /^The payload is 6\.1 MB; a real-time endpoint takes at most 6 MB per request/);
    });
    assert.deepStrictEqual(await invocations(), [], 'nothing was sent');
    await withWindow(async (ui) => {
      answerTypedInvocation(ui, 'cmapss-XGBoostEndpoint-2021-01-07-16-30-12', '<row/>', 'application/xml');
      const xml = await run<InvokeOutcome>(
        'invokeEndpoint',
        await endpointNode('cmapss-XGBoostEndpoint-2021-01-07-16-30-12'),
      );
      assert.strictEqual(xml.outcome, 'failed');
      assert.match(
        xml.message ?? '',
        /^cmapss-XGBoostEndpoint-2021-01-07-16-30-12 did not answer: .*Content type application\/xml is not supported/,
      );
      assert.deepStrictEqual(ui.shown('error'), [xml.message], 'shown as an error');
    });
  });

  it('batch-predicts an abalone CSV row by row, writes predictions beside it and computes the RMSE', async () => {
    const dir = path.join(os.tmpdir(), `smw-batch-${process.pid}`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(dir));
    const input = vscode.Uri.file(path.join(dir, 'abalone-test.csv'));
    await vscode.workspace.fs.writeFile(input, Buffer.from(abaloneCsv(true)));
    try {
      await clearRequests();
      let offered: string[] = [];
      const result = await withWindow(async (ui) => {
        ui.onQuickPick('Predict with which endpoint?', (p) => p.pick('abalone-endpoint'));
        ui.onQuickPick(/^Which column is the label/, (p) => {
          offered = p.items.map((i) => i.label);
          p.pick((i) => i.description === 'looks like the label');
        });
        const outcome = await run<BatchOutcome>('batchPredict', input);
        assert.deepStrictEqual(ui.shown('info'), [outcome.message], 'the quality is told');
        return outcome;
      });
      assert.strictEqual(result.outcome, 'predicted', result.message);
      assert.deepStrictEqual(offered.slice(-2), ['rings', 'No label column']);
      assert.strictEqual((await invocations()).length, ABALONE_ROWS.length, 'one request per row');
      const expected = ABALONE_ROWS.map((r) => r.split(',')).map(
        (f) => [Number(f[8]), abaloneRings(f.slice(0, 8))] as const,
      );
      const rmse = Math.sqrt(expected.reduce((s, [y, p]) => s + (p - y) ** 2, 0) / expected.length);
      assert.ok(Math.abs(result.quality!.rmse! - rmse) < 1e-9, `${result.quality?.rmse} vs ${rmse}`);
      assert.match(
        result.message ?? '',
        new RegExp(`Wrote 20 predictions to .*abalone-test\\.predictions\\.csv\\. RMSE ${rmse.toFixed(4)} · MAE`),
      );
      const written = Buffer.from(await vscode.workspace.fs.readFile(result.predictionsFile!))
        .toString('utf8')
        .trim()
        .split('\n');
      assert.strictEqual(
        written[0],
        'sex,length,diameter,height,whole_weight,shucked_weight,viscera_weight,shell_weight,rings,prediction',
      );
      assert.strictEqual(written[1], `${ABALONE_ROWS[0]},${abaloneRings(ABALONE_ROWS[0].split(',').slice(0, 8))}`);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      assert.ok(
        tabs.some(
          (t) =>
            t.input instanceof vscode.TabInputText && t.input.uri.toString() === result.predictionsFile!.toString(),
        ),
        'the predictions file is opened',
      );
      assert.ok(
        tabs.some((t) => t.label === 'Predictions: abalone-endpoint'),
        'the quality and plots open in a panel',
      );
      const again = await withWindow(async (ui) => {
        ui.onQuickPick('Predict with which endpoint?', (p) => p.pick('abalone-endpoint'));
        ui.onQuickPick(/^Which column is the label/, (p) => p.pick('No label column'));
        return run<BatchOutcome>('batchPredict', input);
      });
      assert.match(
        again.predictionsFile!.path,
        /abalone-test\.predictions-2\.csv$/,
        'an earlier result is not overwritten',
      );
      assert.strictEqual(again.quality, undefined);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(vscode.Uri.file(dir), { recursive: true });
    }
  });
});
