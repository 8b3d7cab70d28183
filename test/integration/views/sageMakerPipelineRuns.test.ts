// SageMaker Pipelines runs in the real extension host: a run's parameters on expand, and "Start Execution
// with Parameters…" on AbalonePipeline with a changed parameter (only the change is sent; SageMaker's type
// rules apply as the user types).
import * as assert from 'assert';
import type { StartOutcome } from '../../../src/commands/releases/sageMakerPipelineCommands';
import { answerPipelineParameters } from '../support/answers/releases';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed, items, label } from '../support/tree';
import { host } from '../support/workbench';

const PARAMETERS = [
  'ProcessingInstanceType',
  'ProcessingInstanceCount',
  'TrainingInstanceType',
  'ModelApprovalStatus',
  'InputData',
  'MseThreshold',
];

async function abalonePipeline() {
  const group = await childNamed((await host()).views.providers.pipelines as never, 'SageMaker Pipelines');
  return childNamed(group, 'AbalonePipeline');
}

describe('SageMaker pipeline runs', function () {
  this.timeout(60_000);

  after(async () => {
    await resetEmulator();
    (await host()).views.providers.pipelines.refresh();
  });

  it("lists a run's parameters first among its children", async () => {
    const executions = await (await abalonePipeline()).getChildren!();
    const failed = executions[2];
    const [parameters] = await failed.getChildren!();
    assert.strictEqual(label(await parameters.getTreeItem()), 'Parameters');
    const facts = await items(await parameters.getChildren!());
    const byName = new Map(facts.map((f) => [label(f), f.description]));
    assert.strictEqual(byName.get('MseThreshold'), '5.5', 'the failed run used a tighter threshold');
    assert.strictEqual(byName.get('ModelApprovalStatus'), 'PendingManualApproval');
  });

  it('starts AbalonePipeline with the one parameter the user changed', async () => {
    const pipeline = await abalonePipeline();
    assert.strictEqual(
      (await pipeline.getTreeItem()).contextValue,
      'resource:sageMakerPipeline',
      'its menu offers the start',
    );
    await clearRequests();
    const { result, asked, confirmation, info } = await withWindow(async (ui) => {
      // A Float refuses what is not a number, as SageMaker would.
      const asked = answerPipelineParameters(ui, PARAMETERS, { MseThreshold: ['lots', '4.5'] });
      ui.onMessage('Start a new execution of AbalonePipeline?', 'Start');
      const result = await run<StartOutcome>('startSageMakerPipeline', pipeline);
      const confirmation = ui.messages.find((m) => m.message === 'Start a new execution of AbalonePipeline?');
      return { result, asked, confirmation, info: ui.shown('info') };
    });
    assert.strictEqual(result.outcome, 'started', result.message);
    assert.deepStrictEqual(info, [result.message]);
    assert.deepStrictEqual(
      asked.map((a) => `${a.name}:${a.prompt.split(' ')[0]}`),
      [
        'ProcessingInstanceType:String',
        'ProcessingInstanceCount:Integer',
        'TrainingInstanceType:String',
        'ModelApprovalStatus:String',
        'InputData:String',
        'MseThreshold:Float',
      ],
    );
    assert.deepStrictEqual(asked[5].refusals, ['MseThreshold is a Float: "lots" is not a number']);
    assert.strictEqual(confirmation?.detail, 'Parameters different from the defaults:\nMseThreshold = 4.5');
    const start = (await recordedRequests()).find((r) => r.operation === 'StartPipelineExecution');
    assert.deepStrictEqual((start?.input as { PipelineParameters?: unknown }).PipelineParameters, [
      { Name: 'MseThreshold', Value: '4.5' },
    ]);
    assert.match(result.executionArn ?? '', /:pipeline\/abalonepipeline\/execution\/[a-z]{12}$/);
  });
});
