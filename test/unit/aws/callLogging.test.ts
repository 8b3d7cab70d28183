import * as assert from 'assert';
import { Readable } from 'stream';
import { ListNotebookInstancesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { callLoggingPlugin, formatApiCall, type ApiCall } from '../../../src/aws/callLogging';

// aws-sdk-client-mock replaces send() and so bypasses middleware; a fake HTTP handler keeps the real stack.
function clientAnswering(status: number, body: object, headers: Record<string, string>) {
  const requestHandler = {
    handle: async () => ({
      response: {
        statusCode: status,
        headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
        body: Readable.from([Buffer.from(JSON.stringify(body))]),
      },
    }),
  };
  return new SageMakerClient({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: requestHandler as never,
  });
}

describe('callLoggingPlugin', () => {
  it('records service, operation and request id of a successful call', async () => {
    const calls: ApiCall[] = [];
    const client = clientAnswering(200, { NotebookInstances: [] }, { 'x-amzn-requestid': 'req-1' });
    client.middlewareStack.use(callLoggingPlugin('sagemaker', (c) => calls.push(c)));
    await client.send(new ListNotebookInstancesCommand({}));
    assert.strictEqual(calls.length, 1);
    assert.deepStrictEqual(
      [calls[0].service, calls[0].operation, calls[0].requestId, calls[0].errorName],
      ['sagemaker', 'ListNotebookInstances', 'req-1', undefined],
    );
  });

  it('records the error name of a failed call and rethrows it', async () => {
    const calls: ApiCall[] = [];
    const client = clientAnswering(
      400,
      { __type: 'ThrottlingException', message: 'Rate exceeded' },
      { 'x-amzn-requestid': 'req-2' },
    );
    client.middlewareStack.use(callLoggingPlugin('sagemaker', (c) => calls.push(c)));
    await assert.rejects(client.send(new ListNotebookInstancesCommand({})), /Rate exceeded/);
    assert.strictEqual(calls[0].errorName, 'ThrottlingException');
    assert.strictEqual(calls[0].requestId, 'req-2');
    assert.match(
      formatApiCall(calls[0]),
      /^sagemaker\.ListNotebookInstances failed ThrottlingException \d+ms http=400 requestId=req-2 - Rate exceeded$/,
    );
  });
});
