// Opt-in announcements of waiting approvals: with `notifyPendingApprovals` on, the extension lists the
// pipelines in the background and announces the abalone release once, however often it re-reads it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { host, until } from '../support/workbench';

describe('Approval announcements (opt-in)', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('sagemakerWorkbench');

  after(async () => {
    await config().update('notifyPendingApprovals', undefined, vscode.ConfigurationTarget.Global);
  });

  it('announces the waiting release once when the setting is turned on', async () => {
    const watch = (await host()).views.pipelineWatch;
    const expected = 'abalone-cicd-pipeline is waiting for your approval (Approval · EvaluationApproval).';
    assert.ok(!watch.announced.includes(expected), 'nothing is announced while the setting is off');
    await config().update('notifyPendingApprovals', true, vscode.ConfigurationTarget.Global);
    await until('the announcement', () => watch.announced.includes(expected) || undefined, 20_000);
    await watch.find('abalone-cicd-pipeline')?.loadState();
    assert.deepStrictEqual(
      watch.announced.filter((t) => t === expected),
      [expected],
      'announced once',
    );
  });
});
