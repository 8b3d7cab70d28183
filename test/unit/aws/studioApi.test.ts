import * as assert from 'assert';
import { latestSpaceApps, waitForSpaceApp } from '../../../src/aws/sagemaker/studioApi';
import { clientsAnswering } from './fakeSageMaker';

const APP = { domainId: 'd-abcdefghijkl', spaceName: 'abalone-eda', appType: 'JupyterLab' as const };
const notFound = () => Object.assign(new Error('App does not exist.'), { name: 'ResourceNotFound' });

describe('Studio API: apps of spaces', () => {
  it("takes each space's newest app from one ListApps call, newest first", async () => {
    const { clients, sent } = clientsAnswering([
      {
        Apps: [
          { SpaceName: 'abalone-eda', AppName: 'default', Status: 'InService' },
          { SpaceName: 'autogluon-image-build', AppName: 'default', Status: 'Deleted' },
          { SpaceName: 'abalone-eda', AppName: 'default', Status: 'Deleted' },
          { UserProfileName: 'studio-classic-user', AppName: 'default', Status: 'InService' },
        ],
        NextToken: 'more',
      },
    ]);
    const { bySpace, complete } = await latestSpaceApps(clients, 'd-abcdefghijkl');
    assert.deepStrictEqual(
      [...bySpace].map(([space, app]) => [space, app.Status]),
      [
        ['abalone-eda', 'InService'],
        ['autogluon-image-build', 'Deleted'],
      ],
    );
    assert.strictEqual(complete, false, 'a next page means a space may have an older app beyond it');
    assert.deepStrictEqual(sent, [
      {
        name: 'ListAppsCommand',
        input: { DomainIdEquals: 'd-abcdefghijkl', MaxResults: 100, SortBy: 'CreationTime', SortOrder: 'Descending' },
      },
    ]);
  });

  it('follows an app with DescribeApp until it is InService, or says why it failed', async () => {
    const signal = new AbortController().signal;
    const started = clientsAnswering([{ Status: 'Pending' }, { Status: 'Pending' }, { Status: 'InService' }]);
    assert.deepStrictEqual(await waitForSpaceApp(started.clients, APP, 'InService', signal, 0.001), {
      state: 'reached',
    });
    assert.deepStrictEqual(
      started.sent.map((s) => s.input),
      Array(3).fill({
        DomainId: 'd-abcdefghijkl',
        SpaceName: 'abalone-eda',
        AppType: 'JupyterLab',
        AppName: 'default',
      }),
    );
    const failing = clientsAnswering([
      { Status: 'Pending' },
      { Status: 'Failed', FailureReason: 'The lifecycle configuration broken-install failed with exit code 3.' },
    ]);
    assert.deepStrictEqual(await waitForSpaceApp(failing.clients, APP, 'InService', signal, 0.001), {
      state: 'failed',
      reason: 'The lifecycle configuration broken-install failed with exit code 3.',
    });
    const deletedMeanwhile = clientsAnswering([{ Status: 'Deleting' }]);
    assert.deepStrictEqual(await waitForSpaceApp(deletedMeanwhile.clients, APP, 'InService', signal, 0.001), {
      state: 'failed',
      reason: 'The app was being deleted meanwhile.',
    });
  });

  it('counts an app AWS no longer knows as deleted, and stops watching when cancelled', async () => {
    const gone = clientsAnswering([{ Status: 'Deleting' }, notFound()]);
    assert.deepStrictEqual(await waitForSpaceApp(gone.clients, APP, 'Deleted', new AbortController().signal, 0.001), {
      state: 'reached',
    });
    const starting = clientsAnswering([notFound()]);
    await assert.rejects(
      waitForSpaceApp(starting.clients, APP, 'InService', new AbortController().signal, 0.001),
      /App does not exist/,
      'a start that finds no app is an error, not a success',
    );
    const abort = new AbortController();
    const watched = clientsAnswering([{ Status: 'Pending' }, { Status: 'Pending' }]);
    const settled = waitForSpaceApp(watched.clients, APP, 'InService', abort.signal, 60);
    abort.abort();
    assert.deepStrictEqual(await settled, { state: 'stopped watching' });
    assert.strictEqual(watched.sent.length, 1, 'no call after Cancel');
  });
});
