// Lifecycle scripts as a notebook instance runs them (seeds 000/001): `aws s3 cp --recursive` with the
// CLI's --exclude/--include filters (the last matching filter wins), and `set -e` making a failed copy
// fail the start with AWS's FailureReason, while without it the script goes on.
import * as assert from 'node:assert/strict';
import * as sagemakerSdk from '@aws-sdk/client-sagemaker';
import * as s3sdk from '@aws-sdk/client-s3';
import * as logsSdk from '@aws-sdk/client-cloudwatch-logs';
import { advance, clientsFor, credentials, emulatorForTest } from './support';
import type { RunningEmulator } from './index';

const ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20210705T170715';
const BUCKET = 'lifecycle-fidelity';

describe('emulator lifecycle script fidelity', function () {
  let emulator: RunningEmulator;
  let sagemaker: sagemakerSdk.SageMakerClient;
  let logs: logsSdk.CloudWatchLogsClient;
  beforeEach(async () => {
    emulator = await emulatorForTest();
    const clients = clientsFor(emulator.url);
    sagemaker = clients.sagemaker;
    logs = new logsSdk.CloudWatchLogsClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    await clients.s3.send(new s3sdk.CreateBucketCommand({ Bucket: BUCKET }));
    for (const key of [
      'lab-1/scripts/Lab1-data.ipynb',
      'lab-1/scripts/Lab1-training.ipynb',
      'lab-1/scripts/Lab2-deploy.ipynb',
      'lab-1/scripts/Lab1-notes.txt',
      'lab-1/scripts/extra/Lab1-old.ipynb',
    ]) {
      await clients.s3.send(new s3sdk.PutObjectCommand({ Bucket: BUCKET, Key: key, Body: '{}' }));
    }
  });
  afterEach(async () => emulator.close());

  /** Creates an instance whose OnStart is `script`, waits past Pending, and returns its status and log. */
  const run = async (name: string, script: string) => {
    await sagemaker.send(
      new sagemakerSdk.CreateNotebookInstanceLifecycleConfigCommand({
        NotebookInstanceLifecycleConfigName: name,
        OnStart: [{ Content: Buffer.from(script).toString('base64') }],
      }),
    );
    await sagemaker.send(
      new sagemakerSdk.CreateNotebookInstanceCommand({
        NotebookInstanceName: name,
        InstanceType: 'ml.t3.medium',
        RoleArn: ROLE,
        LifecycleConfigName: name,
      }),
    );
    await advance(emulator.url, 900);
    const described = await sagemaker.send(
      new sagemakerSdk.DescribeNotebookInstanceCommand({ NotebookInstanceName: name }),
    );
    const events = await logs.send(
      new logsSdk.GetLogEventsCommand({
        logGroupName: '/aws/sagemaker/NotebookInstances',
        logStreamName: `${name}/LifecycleConfigOnStart`,
        startFromHead: true,
      }),
    );
    return { described, log: events.events?.map((e) => e.message ?? '') ?? [] };
  };

  it('copies only what --exclude "*" --include "Lab1*.ipynb" lets through (seed 001)', async () => {
    const { described, log } = await run(
      'lab-filters',
      `#!/bin/bash\naws s3 cp s3://${BUCKET}/lab-1/scripts/ /home/ec2-user/SageMaker/ --recursive --exclude "*" --include "Lab1*.ipynb"\n`,
    );
    assert.equal(described.NotebookInstanceStatus, 'InService');
    assert.deepEqual(log, [
      `download: s3://${BUCKET}/lab-1/scripts/Lab1-data.ipynb to /home/ec2-user/SageMaker/Lab1-data.ipynb`,
      `download: s3://${BUCKET}/lab-1/scripts/Lab1-training.ipynb to /home/ec2-user/SageMaker/Lab1-training.ipynb`,
    ]);
  });

  it('lets the later filter win', async () => {
    const { log } = await run(
      'later-wins',
      `#!/bin/bash\naws s3 cp s3://${BUCKET}/lab-1/scripts/ /tmp/ --recursive --exclude "Lab2*" --include "*.ipynb"\naws s3 cp s3://${BUCKET}/lab-1/scripts /tmp/b --recursive --include "*.ipynb" --exclude "Lab2*"\n`,
    );
    assert.ok(
      log.includes(`download: s3://${BUCKET}/lab-1/scripts/Lab2-deploy.ipynb to /tmp/Lab2-deploy.ipynb`),
      'the later --include takes Lab2 back',
    );
    assert.ok(!log.some((l) => l.includes('/tmp/b/Lab2-deploy.ipynb')), 'the later --exclude drops Lab2');
    assert.ok(
      log.includes(`download: s3://${BUCKET}/lab-1/scripts/extra/Lab1-old.ipynb to /tmp/b/extra/Lab1-old.ipynb`),
      '* crosses /',
    );
  });

  it('with set -e, a failed aws s3 cp fails the start as AWS reports it', async () => {
    const { described, log } = await run(
      'strict-copy',
      `#!/bin/bash\nset -e\naws s3 cp s3://${BUCKET}/missing/notebook.ipynb .\necho "never printed"\n`,
    );
    assert.equal(described.NotebookInstanceStatus, 'Failed');
    assert.match(
      described.FailureReason ?? '',
      /^Notebook Instance Lifecycle Config 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance-lifecycle-config\/strict-copy' for Notebook Instance 'arn:aws:sagemaker:us-east-1:123456789012:notebook-instance\/strict-copy' failed\./,
    );
    assert.ok(
      log.some((l) => l.startsWith('fatal error: An error occurred (404) when calling the HeadObject operation')),
    );
    assert.ok(!log.includes('never printed'));
  });

  it('without set -e, the script goes on after the failed copy', async () => {
    const { described, log } = await run(
      'lenient-copy',
      `#!/bin/bash\naws s3 cp s3://${BUCKET}/missing/notebook.ipynb .\necho "carried on"\n`,
    );
    assert.equal(described.NotebookInstanceStatus, 'InService', 'the last command (echo) succeeded, so the script did');
    assert.ok(log.includes('carried on'));
  });
});
