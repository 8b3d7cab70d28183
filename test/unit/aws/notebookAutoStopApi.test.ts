import * as assert from 'assert';
import type { AwsClients } from '../../../src/aws/clients';
import { AutoStopReader } from '../../../src/aws/sagemaker/notebookAutoStopApi';
import { templateScript } from '../../../src/model/lifecycleTemplates';

/** A SageMaker client that answers each command with the next of `answers` (an Error is thrown). */
function clientsAnswering(answers: unknown[]): { clients: AwsClients; sent: string[] } {
  const sent: string[] = [];
  const send = async (command: { input: { NotebookInstanceLifecycleConfigName: string } }) => {
    sent.push(command.input.NotebookInstanceLifecycleConfigName);
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { clients: { sagemaker: () => ({ send }) } as unknown as AwsClients, sent };
}

const modified = new Date('2026-11-20T10:00:00Z');
const config = (script: string, at = modified) => ({
  OnStart: [{ Content: Buffer.from(script).toString('base64') }],
  LastModifiedTime: at,
});
const named = (name: string) => Object.assign(new Error(name), { name });

describe('auto-stop reader: one describe per lifecycle configuration', () => {
  it('describes a configuration once however many instances ask, and reads its idle stop', async () => {
    const { clients, sent } = clientsAnswering([config(templateScript({ kind: 'auto-stop', idleMinutes: 90 }))]);
    const reader = new AutoStopReader();
    const verdicts = await Promise.all([1, 2, 3].map(() => reader.read(clients, 'team-auto-stop')));
    assert.deepStrictEqual(sent, ['team-auto-stop']);
    assert.deepStrictEqual(verdicts[2], {
      state: 'read',
      config: 'team-auto-stop',
      finding: { idleMinutes: 90 },
      lastModified: modified,
    });
  });

  it('reads it again when a newer LastModifiedTime is seen or it was changed here, not for the same time', async () => {
    const { clients, sent } = clientsAnswering([config('echo one\n'), config('echo two\n')]);
    const reader = new AutoStopReader();
    await reader.read(clients, 'foo');
    reader.observe('foo', new Date(modified));
    await reader.read(clients, 'foo');
    assert.deepStrictEqual(sent, ['foo'], 'the same version is not read twice');
    reader.observe('foo', new Date('2026-11-30T08:00:00Z'));
    await reader.read(clients, 'foo');
    assert.deepStrictEqual(sent, ['foo', 'foo']);
    reader.remember('foo-auto-stop', templateScript({ kind: 'auto-stop', idleMinutes: 30 }));
    const remembered = await reader.read(clients, 'foo-auto-stop');
    assert.deepStrictEqual(sent, ['foo', 'foo'], 'a configuration written here is not described');
    assert.deepStrictEqual(remembered.state === 'read' && remembered.finding, { idleMinutes: 30 });
  });

  it('keeps a refused read (no permission) but asks again after a throttled one', async () => {
    const { clients, sent } = clientsAnswering([
      named('AccessDeniedException'),
      named('ThrottlingException'),
      config('echo ok\n'),
    ]);
    const reader = new AutoStopReader();
    assert.strictEqual((await reader.read(clients, 'locked')).state, 'unreadable');
    assert.strictEqual((await reader.read(clients, 'locked')).state, 'unreadable');
    assert.strictEqual((await reader.read(clients, 'busy')).state, 'unreadable');
    const again = await reader.read(clients, 'busy');
    assert.deepStrictEqual([again.state, again.state === 'read' && again.finding], ['read', undefined]);
    assert.deepStrictEqual(sent, ['locked', 'busy', 'busy']);
  });
});
