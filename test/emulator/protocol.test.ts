// What AWS clients notice about the emulator's front end: validation errors shaped like AWS's,
// unknown operations, fault injection, and independent clients (Debian's AWS CLI) working unmodified.
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import { ListNotebookInstancesCommand } from '@aws-sdk/client-sagemaker';
import { outputProblems } from './engine/validate';
import { loadModel } from './engine/models';
import { clientsFor, emulatorForTest, recorded } from './support';
import type { RunningEmulator } from './index';

async function sageMakerCall(
  url: string,
  operation: string,
  body: unknown,
): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `SageMaker.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { __type?: string; message?: string } };
}

describe('emulator protocol and validation', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await emulatorForTest();
  });
  after(async () => emulator.close());
  afterEach(async () => {
    await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
  });

  it('rejects a request missing a required member with ValidationException, HTTP 400', async () => {
    const { status, json } = await sageMakerCall(emulator.url, 'DescribeNotebookInstance', {});
    assert.equal(status, 400);
    assert.equal(json.__type, 'ValidationException');
    assert.equal(
      json.message,
      "1 validation error detected: Value null at 'notebookInstanceName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks enums, lengths and patterns from the full service model', async () => {
    assert.ok(
      loadModel('sagemaker').full,
      'the full models are missing: sudo apt-get install python3-botocore (npm test installs it)',
    );
    const badEnum = await sageMakerCall(emulator.url, 'ListNotebookInstances', { SortBy: 'Size' });
    assert.match(
      badEnum.json.message ?? '',
      /Value 'Size' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: \[Name, CreationTime, Status\]/,
    );
    const tooLong = await sageMakerCall(emulator.url, 'DescribeNotebookInstance', {
      NotebookInstanceName: 'n'.repeat(64),
    });
    assert.match(tooLong.json.message ?? '', /Member must have length less than or equal to 63/);
    const badPattern = await sageMakerCall(emulator.url, 'DescribeNotebookInstance', {
      NotebookInstanceName: 'fraud_detection',
    });
    assert.match(badPattern.json.message ?? '', /Member must satisfy regular expression pattern/);
    const bigScript = Buffer.from('#'.repeat(20_000)).toString('base64');
    const oversized = await sageMakerCall(emulator.url, 'CreateNotebookInstanceLifecycleConfig', {
      NotebookInstanceLifecycleConfigName: 'too-big',
      OnStart: [{ Content: bigScript }],
    });
    assert.equal(oversized.json.__type, 'ValidationException');
    assert.match(
      oversized.json.message ?? '',
      /at 'onStart\.1\.member\.content' failed to satisfy constraint: Member must have length less than or equal to 16384/,
    );
  });

  it('answers an operation SageMaker does not have with UnknownOperationException', async () => {
    const { status, json } = await sageMakerCall(emulator.url, 'ListUnicorns', {});
    assert.equal(status, 400);
    assert.equal(json.__type, 'UnknownOperationException');
  });

  it('injects throttling, expired credentials and dropped connections on request', async () => {
    const { sagemaker } = clientsFor(emulator.url);
    const setFaults = (rules: unknown) =>
      fetch(`${emulator.url}/_emulator/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rules }),
      });
    await setFaults([{ kind: 'throttle', operation: 'ListNotebookInstances', times: 1 }]);
    await assert.rejects(sagemaker.send(new ListNotebookInstancesCommand({})), { name: 'ThrottlingException' });
    const after = await sagemaker.send(new ListNotebookInstancesCommand({}));
    assert.ok((after.NotebookInstances ?? []).length > 0, 'the rule fired once only');
    await setFaults([{ kind: 'expired-credentials' }]);
    await assert.rejects(sagemaker.send(new ListNotebookInstancesCommand({})), { name: 'ExpiredTokenException' });
    await setFaults([{ kind: 'drop', times: 1 }]);
    await assert.rejects(sagemaker.send(new ListNotebookInstancesCommand({})));
    const requests = await recorded(emulator.url);
    assert.deepEqual(
      requests.slice(-4).map((r) => r.errorCode ?? 'ok'),
      ['ThrottlingException', 'ok', 'ExpiredTokenException', 'ConnectionDropped'],
    );
  });

  it('records how long it took to answer each request, an injected latency included', async () => {
    const { sagemaker } = clientsFor(emulator.url);
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        rules: [{ kind: 'latency', latencyMs: 300, operation: 'ListNotebookInstances', times: 1 }],
      }),
    });
    await sagemaker.send(new ListNotebookInstancesCommand({}));
    await sagemaker.send(new ListNotebookInstancesCommand({}));
    const [slow, fast] = (await recorded(emulator.url)).slice(-2);
    assert.ok(slow.handledMs !== undefined && slow.handledMs >= 300, `the delayed answer took ${slow.handledMs} ms`);
    assert.ok(fast.handledMs !== undefined && fast.handledMs < 300, `the next answer took ${fast.handledMs} ms`);
  });

  it('reports handler output that does not fit the model (the conformance check itself)', () => {
    const problems = outputProblems(
      loadModel('sagemaker'),
      'DescribeNotebookInstance',
      { NotebookInstanceName: 'x', Colour: 'blue', VolumeSizeInGB: 'five' },
      undefined,
    );
    assert.ok(
      problems.some((p) => p.includes("'colour' is not a member")),
      problems.join('; '),
    );
    assert.ok(
      problems.some((p) => p.includes("'volumeSizeInGB' failed to satisfy constraint: Member must be an integer")),
      problems.join('; '),
    );
  });

  it("serves Debian's AWS CLI unmodified: list-notebook-instances returns the seeded instances", async () => {
    assert.ok(
      fs.existsSync('/usr/bin/aws'),
      "Debian's AWS CLI is missing: sudo apt-get install awscli (npm test installs it)",
    );
    // Asynchronously: the emulator answers from this same process.
    const { stdout: output } = await promisify(execFile)(
      '/usr/bin/aws',
      [
        '--endpoint-url',
        emulator.url,
        '--region',
        'us-east-1',
        '--output',
        'json',
        'sagemaker',
        'list-notebook-instances',
      ],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: 'AKIAEMULATORCLI',
          AWS_SECRET_ACCESS_KEY: 'not-a-secret',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
        encoding: 'utf8',
      },
    );
    const names = (
      JSON.parse(output) as { NotebookInstances: Array<{ NotebookInstanceName: string }> }
    ).NotebookInstances.map((i) => i.NotebookInstanceName);
    assert.ok(names.includes('FraudDetectionNotebookInstance'), names.join(', '));
  });

  it('refuses to start without the full models, and says how to get them or how to start lenient', async () => {
    const cli = path.join(__dirname, 'cli.js');
    const env = { ...process.env, SMW_BOTOCORE_DATA: path.join(__dirname, 'no-such-models') };
    const refused = await promisify(execFile)(process.execPath, [cli, '--port', '0'], { env, encoding: 'utf8' }).then(
      () => assert.fail('the emulator started without its models'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /sudo apt-get install python3-botocore/);
    const lenient = spawn(process.execPath, [cli, '--port', '0', '--lenient'], { env });
    try {
      let said = '';
      lenient.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
      await once(lenient.stdout, 'data');
      assert.match(said, /LENIENT, as asked/);
    } finally {
      lenient.kill();
    }
  });
});
