// The commands every view and every resource row share, run as the menus run them: copy name and ARN, open
// in the console, details (and their refresh), Load more, retry an error row, and each view's filter, clear
// filter and refresh in its title bar.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { ErrorNode, LoadMoreNode } from '../../../src/views/tree/messageNodes';
import type { ResourceListProvider } from '../../../src/views/tree/resourceListProvider';
import { VIEW_IDS, type ViewKey } from '../../../src/views/viewIds';
import { clearFaults, clearRequests, recordedRequests, setFaults } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed, items, label } from '../support/tree';
import { host, until } from '../support/workbench';

const FRAUD = 'FraudDetectionNotebookInstance';
const config = () => vscode.workspace.getConfiguration('sagemakerWorkbench');

async function notebooks(): Promise<ResourceListProvider<unknown>> {
  const provider = (await host()).views.listProvider('notebookInstances');
  assert.ok(provider, 'the Notebook Instances view is a resource list');
  return provider;
}

type ListInput = {
  MaxResults?: number;
  NextToken?: string;
  NameContains?: string;
  StatusEquals?: string;
  SortBy?: string;
};
const inputOf = (r: { input?: unknown }) => (r.input ?? {}) as ListInput;

async function rowLabels(provider: ResourceListProvider<unknown>): Promise<string[]> {
  return (await items(await provider.getChildren())).map(label);
}

describe('Sidebar commands every view shares', function () {
  this.timeout(60_000);
  before(async () => {
    await config().update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await (await notebooks()).setFilter({ sort: 'newest' });
    await clearFaults();
  });

  it("copies a row's name and ARN to the clipboard and opens it in the AWS console", async () => {
    const row = await childNamed(await notebooks(), FRAUD);
    assert.strictEqual(await run('copyName', row), FRAUD);
    assert.strictEqual(await vscode.env.clipboard.readText(), FRAUD);
    await run('copyArn', row);
    assert.match(
      await vscode.env.clipboard.readText(),
      /^arn:aws:sagemaker:us-east-1:\d{12}:notebook-instance\/frauddetectionnotebookinstance$/,
    );
    await withWindow(async (ui) => {
      await run('openInConsole', row);
      assert.deepStrictEqual(
        ui.opened.map((u) => u.toString(true)),
        [
          'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/notebook-instances/FraudDetectionNotebookInstance',
        ],
      );
    });
  });

  it('says what to do when Copy Name runs without a row (from the palette)', async () => {
    await withWindow(async (ui) => {
      const outcome = await run<{ outcome: string }>('copyName');
      assert.strictEqual(outcome.outcome, 'failed');
      assert.deepStrictEqual(ui.shown('error'), ['Select a SageMaker resource in the sidebar first.']);
    });
  });

  it("shows a row's details as JSON from one describe call, and Refresh Details describes it again", async () => {
    const row = await childNamed(await notebooks(), FRAUD);
    await clearRequests();
    const editor = await run<vscode.TextEditor>('showDetails', row);
    const shown = () => vscode.window.activeTextEditor?.document;
    await until('the details document', () => shown()?.getText().includes('"NotebookInstanceName"') || undefined);
    assert.strictEqual(editor.document.languageId, 'json');
    assert.match(shown()!.getText(), /"NotebookInstanceName": "FraudDetectionNotebookInstance"/);
    assert.doesNotMatch(shown()!.getText(), /\$metadata/, "the SDK's metadata is not part of the resource");
    const describes = async () =>
      (await recordedRequests()).filter((r) => r.operation === 'DescribeNotebookInstance').length;
    assert.strictEqual(await describes(), 1);
    await run('refreshDetails');
    await until('a second describe', async () => (await describes()) === 2 || undefined);
  });

  it('follows Load more with the next page, one call, with a page size of 2', async () => {
    const provider = await notebooks();
    await config().update('pageSize', 2, vscode.ConfigurationTarget.Global);
    await provider.setFilter({ sort: 'name' });
    await clearRequests();
    provider.refresh();
    const first = await provider.getChildren();
    const names = (await items(first.filter((n) => n.resource?.kind === 'notebook-instance'))).map(label);
    const more = first.find((n) => n instanceof LoadMoreNode);
    assert.ok(more instanceof LoadMoreNode, `a row offers more: ${(await items(first)).map(label).join(', ')}`);
    assert.strictEqual(names.length, 2, `two instances: ${names.join(', ')}`);
    const item = await more.getTreeItem();
    assert.strictEqual(item.command?.command, 'sagemakerWorkbench.loadMore', 'clicking the row runs Load More');
    await run(item.command.command, ...(item.command.arguments ?? []));
    const after = (
      await items((await provider.getChildren()).filter((n) => n.resource?.kind === 'notebook-instance'))
    ).map(label);
    assert.deepStrictEqual(after.slice(0, 2), names, 'the rows shown stay where they were');
    assert.ok(after.length >= 4, `two more instances: ${after.join(', ')}`);
    // The view's own calls, by the page size only it uses (other features list instances too, e.g. the kernel picker).
    const lists = (await recordedRequests()).filter(
      (r) => r.operation === 'ListNotebookInstances' && inputOf(r).MaxResults === 2,
    );
    assert.deepStrictEqual(
      lists.map((r) => [inputOf(r).MaxResults, typeof inputOf(r).NextToken]),
      [
        [2, 'undefined'],
        [2, 'string'],
      ],
      'one call per page, the second with the NextToken',
    );
  });

  it('retries a view whose list failed when its error row is clicked', async () => {
    const provider = await notebooks();
    await setFaults([{ kind: 'server-error', service: 'sagemaker', operation: 'ListNotebookInstances', times: 20 }]);
    provider.refresh();
    const [error] = await provider.getChildren();
    assert.ok(error instanceof ErrorNode, `an error row: ${await rowLabels(provider)}`);
    await clearFaults();
    const item = await error.getTreeItem();
    await run(item.command!.command, ...(item.command!.arguments ?? []));
    await until('the instances listed again', async () => (await rowLabels(provider)).includes(FRAUD) || undefined);
  });

  it('filters a view by name, status and sort from its title bar, then clears the filter', async () => {
    const provider = await notebooks();
    await config().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await withWindow(async (ui) => {
      ui.onInputBox(/Filter notebook instances \(1\/3\)/, 'notebook');
      ui.onQuickPick(/Filter notebook instances \(2\/3\)/, (p) => p.pick('InService'));
      ui.onQuickPick(/Filter notebook instances \(3\/3\)/, (p) => p.pick('By name'));
      await clearRequests();
      await run(`${VIEW_IDS.notebookInstances}.filter`);
    });
    const filtered = await rowLabels(provider);
    const list = inputOf(
      (await recordedRequests())
        .filter((r) => r.operation === 'ListNotebookInstances' && inputOf(r).NameContains !== undefined)
        .at(-1) ?? {},
    );
    assert.deepStrictEqual(
      [list.NameContains, list.StatusEquals, list.SortBy],
      ['notebook', 'InService', 'Name'],
      'filtered by AWS, not after',
    );
    assert.ok(filtered.includes(FRAUD), filtered.join(', '));
    assert.ok(!filtered.includes('ml-pipeline-lab-notebook'), 'the stopped instance is filtered out');
    await run(`${VIEW_IDS.notebookInstances}.clearFilter`);
    assert.deepStrictEqual(
      [provider.filter.nameContains, provider.filter.status, provider.filter.sort],
      [undefined, undefined, 'name'],
      'the sort is kept',
    );
    assert.ok((await rowLabels(provider)).includes('ml-pipeline-lab-notebook'));
  });

  it('offers filter, clear filter and refresh on each of the six views', async () => {
    const wb = await host();
    for (const key of Object.keys(VIEW_IDS) as ViewKey[]) {
      const provider = wb.views.providers[key];
      const before = provider.refreshCount;
      await run(`${VIEW_IDS[key]}.refresh`);
      assert.strictEqual(provider.refreshCount, before + 1, `${key} refreshed once`);
      const list = wb.views.listProvider(key);
      assert.ok(list, `${key} is filterable`);
      await withWindow(async (ui) => {
        ui.onInputBox(new RegExp(`Filter ${list.noun} \\(1/3\\)`), 'abalone');
        if (list.statuses.length)
          ui.onQuickPick(new RegExp(`Filter ${list.noun} \\(2/3\\)`), (p) => p.pick('Any status'));
        ui.onQuickPick(new RegExp(`Filter ${list.noun} \\(3/3\\)`), (p) => p.pick('Newest first'));
        await run(`${VIEW_IDS[key]}.filter`);
      });
      assert.strictEqual(list.filter.nameContains, 'abalone', `${key} filtered`);
      await run(`${VIEW_IDS[key]}.clearFilter`);
      assert.strictEqual(list.filter.nameContains, undefined, `${key} filter cleared`);
      const rows: ExplorerNode[] = await list.getChildren();
      assert.ok(rows.length > 0, `${key} lists again`);
    }
  });
});
