// The calls Add Auto-Stop… makes, answered as the SageMaker API reference documents them: UpdateNotebookInstance
// only on a Stopped instance (ValidationException otherwise, nothing changed), Updating then Stopped, the new
// configuration named by DescribeNotebookInstance and ListNotebookInstances; an unknown configuration refused; a
// hook's base64 Content of more than 16,384 characters refused by CreateNotebookInstanceLifecycleConfig.
import * as assert from 'node:assert/strict';
import {
  CreateNotebookInstanceLifecycleConfigCommand,
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  UpdateNotebookInstanceCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { advance, clientsFor, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const script = (text: string) => [{ Content: Buffer.from(text).toString('base64') }];

describe('emulator: attaching a lifecycle configuration to a notebook instance', function () {
  let emulator: RunningEmulator;
  let sagemaker: SageMakerClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    sagemaker = clientsFor(emulator.url).sagemaker;
    await sagemaker.send(
      new CreateNotebookInstanceLifecycleConfigCommand({
        NotebookInstanceLifecycleConfigName: 'lab-auto-stop',
        OnStart: script('#!/bin/bash\nIDLE_MINUTES=60\n'),
      }),
    );
  });
  afterEach(async () => emulator.close());

  const describe_ = (name: string) =>
    sagemaker.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }));

  it('refuses UpdateNotebookInstance on an InService instance with a ValidationException and changes nothing', async () => {
    const name = 'FraudDetectionNotebookInstance';
    assert.equal((await describe_(name)).NotebookInstanceStatus, 'InService');
    await assert.rejects(
      sagemaker.send(
        new UpdateNotebookInstanceCommand({ NotebookInstanceName: name, LifecycleConfigName: 'lab-auto-stop' }),
      ),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, 'ValidationException');
        assert.equal(error.$metadata?.httpStatusCode, 400);
        assert.match(
          error.message,
          /^Status \(InService\) not in \(\[Stopped\]\)\. Unable to transition to \(Updating\)/,
        );
        return true;
      },
    );
    const after = await describe_(name);
    assert.deepEqual(
      [after.NotebookInstanceStatus, after.NotebookInstanceLifecycleConfigName],
      ['InService', 'BasicNotebookInstanceLifecycleConfig'],
    );
  });

  it('attaches it to a Stopped instance: Updating, then Stopped, and the list and describe name it', async () => {
    const name = 'ml-pipeline-lab-notebook';
    await sagemaker.send(
      new UpdateNotebookInstanceCommand({ NotebookInstanceName: name, LifecycleConfigName: 'lab-auto-stop' }),
    );
    assert.equal((await describe_(name)).NotebookInstanceStatus, 'Updating');
    await assert.rejects(
      sagemaker.send(new UpdateNotebookInstanceCommand({ NotebookInstanceName: name, LifecycleConfigName: 'foo' })),
      /Status \(Updating\) not in/,
    );
    await advance(emulator.url, 61);
    const after = await describe_(name);
    assert.deepEqual(
      [after.NotebookInstanceStatus, after.NotebookInstanceLifecycleConfigName],
      ['Stopped', 'lab-auto-stop'],
    );
    const listed = await sagemaker.send(new ListNotebookInstancesCommand({ NameContains: name }));
    assert.equal(listed.NotebookInstances?.[0]?.NotebookInstanceLifecycleConfigName, 'lab-auto-stop');
  });

  it('refuses a configuration that does not exist', async () => {
    await assert.rejects(
      sagemaker.send(
        new UpdateNotebookInstanceCommand({
          NotebookInstanceName: 'ml-pipeline-lab-notebook',
          LifecycleConfigName: 'no-such-config',
        }),
      ),
      (error: Error) => error.name === 'ValidationException' && /no-such-config does not exist/.test(error.message),
    );
    assert.equal((await describe_('ml-pipeline-lab-notebook')).NotebookInstanceLifecycleConfigName, 'foo');
  });

  it("refuses a hook whose base64 Content passes 16,384 characters (the API's limit, not the script's)", async () => {
    const fits = 'x'.repeat(12_288); // 16,384 characters in base64
    await sagemaker.send(
      new CreateNotebookInstanceLifecycleConfigCommand({
        NotebookInstanceLifecycleConfigName: 'fits',
        OnStart: script(fits),
      }),
    );
    await assert.rejects(
      sagemaker.send(
        new CreateNotebookInstanceLifecycleConfigCommand({
          NotebookInstanceLifecycleConfigName: 'too-long',
          OnStart: script(`${fits}y`),
        }),
      ),
      (error: Error) => error.name === 'ValidationException',
    );
  });
});
