// SageMaker Pipelines runs in the real extension host: a run's parameters on expand, and starting the
// AbalonePipeline with a changed parameter (only the change is sent; SageMaker's type rules apply).
import * as assert from 'assert';
import type { StartPrompts } from '../../../src/commands/releases/sageMakerPipelineCommands';
import type { PipelineParameter } from '../../../src/model/pipelineParameters';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { childNamed, items, label } from '../support/tree';
import { workbench } from '../support/workbench';

describe('SageMaker pipeline runs', function () {
  this.timeout(60_000);

  after(async () => {
    await resetEmulator();
    (await workbench()).views.providers.pipelines.refresh();
  });

  it('lists a run\'s parameters first among its children', async () => {
    const api = await workbench();
    const group = await childNamed(api.views.providers.pipelines as never, 'SageMaker Pipelines');
    const executions = await (await childNamed(group, 'AbalonePipeline')).getChildren!();
    const failed = executions[2];
    const [parameters] = await failed.getChildren!();
    assert.strictEqual(label(await parameters.getTreeItem()), 'Parameters');
    const facts = await items(await parameters.getChildren!());
    const byName = new Map(facts.map((f) => [label(f), f.description]));
    assert.strictEqual(byName.get('MseThreshold'), '5.5', 'the failed run used a tighter threshold');
    assert.strictEqual(byName.get('ModelApprovalStatus'), 'PendingManualApproval');
  });

  it('starts AbalonePipeline with the one parameter the user changed', async () => {
    const asked: PipelineParameter[] = [];
    const details: string[] = [];
    const prompts: StartPrompts = {
      value: async (p) => {
        asked.push(p);
        return p.name === 'MseThreshold' ? '4.5' : p.defaultValue;
      },
      confirm: async (_q, detail) => {
        details.push(detail);
        return true;
      },
    };
    await clearRequests();
    const result = await (await workbench()).sageMakerPipelines.start('AbalonePipeline', prompts);
    assert.strictEqual(result.outcome, 'started', result.message);
    assert.deepStrictEqual(asked.map((p) => `${p.name}:${p.type}`), [
      'ProcessingInstanceType:String', 'ProcessingInstanceCount:Integer', 'TrainingInstanceType:String', 'ModelApprovalStatus:String', 'InputData:String', 'MseThreshold:Float',
    ]);
    assert.strictEqual(details[0], 'Parameters different from the defaults:\nMseThreshold = 4.5');
    const start = (await recordedRequests()).find((r) => r.operation === 'StartPipelineExecution');
    assert.deepStrictEqual((start?.input as { PipelineParameters?: unknown }).PipelineParameters, [{ Name: 'MseThreshold', Value: '4.5' }]);
    assert.match(result.executionArn ?? '', /:pipeline\/abalonepipeline\/execution\/[a-z]{12}$/);
  });
});
