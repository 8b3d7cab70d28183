// SageMaker answers the emulator must give as the API reference documents them (issue 18): list
// defaults and filters, models described as created, pipelines and training images judged by what
// they hold, Autopilot inferring the problem type from the target column.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import { clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

describe('emulator SageMaker fidelity', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
  });
  afterEach(async () => emulator.close());

  it('ListNotebookInstances sorts by Name, Ascending, when the request names no order', async () => {
    const out = await sagemaker.send(new sagemakerSdk.ListNotebookInstancesCommand({}));
    const names = (out.NotebookInstances ?? []).map((i) => i.NotebookInstanceName ?? '');
    assert.ok(names.length > 2, 'the seeded instances');
    assert.deepEqual(names, [...names].sort(), 'SortBy defaults to Name');
  });
});
