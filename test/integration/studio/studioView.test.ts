// The Studio view on seed 003's Quick-setup domain as a person expands it: domains, the domain's default
// lifecycle configuration and storage, its user profile, the profile's private and shared spaces with their
// app's state, instance type, SageMaker Distribution version and storage; a space's idle shutdown on expand;
// the Studio lifecycle configurations and where they are attached. Each level costs the calls it shows: the
// first page of each list is one call, a describe happens only on expand, and Load more is one call more.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CreateAppCommand, CreateUserProfileCommand } from '@aws-sdk/client-sagemaker';
import type { StudioDomainNode } from '../../../src/views/studio/studioNodes';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import type { LoadMoreNode } from '../../../src/views/tree/messageNodes';
import { advanceEmulatorClock, clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed, items, label } from '../support/tree';
import { host, until } from '../support/workbench';

const DOMAIN = 'QuickSetupDomain-20210705T170715';
const PROFILE = 'default-1625508201457';
const DOMAIN_ID = 'd-abcdefghijkl';
const SHARED = 'mlops-pipeline-code';
const STUDIO_OPERATIONS =
  /^(ListDomains|DescribeDomain|ListUserProfiles|DescribeUserProfile|ListSpaces|DescribeSpace|ListApps|DescribeApp|ListStudioLifecycleConfigs|DescribeStudioLifecycleConfig)$/;

/**
 * The Studio view's calls made since the last clearRequests(), as "Operation" (other views may poll meanwhile).
 * Running Now reads the bill again whenever this tree changes, listing the apps of every domain at once (no
 * DomainIdEquals, unlike this view), and the kernel picker, Open Space Files and the Studio commands list domains
 * and spaces 100 at a time (this view asks for a page of pageSize): those calls are theirs.
 */
async function studioCalls(): Promise<string[]> {
  return (await recordedRequests())
    .filter((r) => r.service === 'sagemaker' && STUDIO_OPERATIONS.test(r.operation))
    .filter((r) => r.operation !== 'ListApps' || (r.input as { DomainIdEquals?: string }).DomainIdEquals)
    .filter(
      (r) => !/^List(Domains|Spaces)$/.test(r.operation) || (r.input as { MaxResults?: number }).MaxResults !== 100,
    )
    .map((r) => r.operation);
}

async function studioRoot(): Promise<ExplorerNode[]> {
  const provider = (await host()).views.providers.studio;
  provider.refresh();
  return (provider as unknown as { getChildren(): Promise<ExplorerNode[]> }).getChildren();
}

async function described(nodes: ExplorerNode[]): Promise<Array<[string, string]>> {
  return (await items(nodes)).map((i) => [label(i), String(i.description ?? '')]);
}

const settings = () => vscode.workspace.getConfiguration('sagemakerWorkbench');

/**
 * Something AWS takes minutes to do, looked at in the Studio view shown and polled every second: `start` asks AWS,
 * then the emulator's clock goes back ten minutes so the change stays in its first state while `look` reads the
 * tree, until `letGo` moves the clock on again (done at the end in any case, with the setting and view put back).
 */
async function heldWhileShown(
  start: () => Promise<unknown>,
  look: (letGo: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const view = (await host()).views.treeViews.studio!;
  await settings().update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('sagemakerWorkbench.studio.focus');
  await until('the Studio view shown', () => view.visible || undefined);
  await start();
  await advanceEmulatorClock(-600);
  let held = true;
  const letGo = async () => {
    if (!held) return;
    held = false;
    await advanceEmulatorClock(600);
  };
  try {
    await look(letGo);
  } finally {
    await letGo();
    await settings().update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.explorer');
  }
}

describe('Studio view', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await resetEmulator();
    (await host()).views.providers.studio.refresh();
  });

  it('lists domains → user profiles → spaces with their state, instance type, image and storage, one call per list', async () => {
    await clearRequests();
    const root = await studioRoot();
    assert.deepStrictEqual(await described(root), [
      [DOMAIN, 'd-abcdefghijkl · InService'],
      ['Lifecycle Configurations', ''],
    ]);
    assert.deepStrictEqual(await studioCalls(), ['ListDomains'], 'the first page of domains is one call');

    await clearRequests();
    const domain = root[0];
    const domainChildren = await domain.getChildren!();
    assert.deepStrictEqual(await described(domainChildren), [
      ['Default JupyterLab lifecycle configurations', 'install-image-build-cli'],
      ['Space storage', '5 GB by default, at most 100 GB'],
      [PROFILE, '3 spaces'],
    ]);
    assert.deepStrictEqual(
      (await studioCalls()).sort(),
      ['DescribeDomain', 'ListApps', 'ListSpaces', 'ListUserProfiles'],
      'expanding the domain describes it and lists the first page of profiles, spaces and apps once each',
    );

    await clearRequests();
    const spaces = await domainChildren[2].getChildren!();
    assert.deepStrictEqual(await described(spaces), [
      ['autopilot-experiments', 'JupyterLab · private · InService · ml.t3.medium · SMD 2.1.0 CPU · 20 GB'],
      ['autogluon-image-build', 'JupyterLab · private · Stopped · ml.m5.large · SMD 2.1.0 CPU · 50 GB'],
      ['mlops-pipeline-code', 'Code Editor · shared · Stopped · 10 GB'],
    ]);
    assert.deepStrictEqual(
      (await items(spaces)).map((i) => i.contextValue),
      [
        'resource:studioSpace:InService:JupyterLab',
        'resource:studioSpace:Stopped:JupyterLab',
        'resource:studioSpace:Stopped:CodeEditor',
      ],
      'the menus offer Stop and Open on the running space, Start on the others',
    );
    assert.deepStrictEqual(await studioCalls(), ['DescribeUserProfile'], 'no describe per space row');

    await clearRequests();
    const facts = await described(await spaces[0].getChildren!());
    assert.deepStrictEqual(facts, [
      ['Instance type', 'ml.t3.medium'],
      ['Image', 'SageMaker Distribution 2.1.0 (CPU)'],
      ['Storage', '20 GB'],
      ['Idle shutdown', 'after 2 h idle'],
      ['Lifecycle configuration', 'install-image-build-cli'],
      ['Sharing', 'Private'],
      ['Owner', PROFILE],
      ['Running app', 'default · InService · ml.t3.medium'],
    ]);
    assert.deepStrictEqual(await studioCalls(), ['DescribeSpace'], 'a space is described when expanded, once');
    const shared = await described(await spaces[2].getChildren!());
    assert.deepStrictEqual(
      shared.find(([l]) => l === 'Idle shutdown'),
      ['Idle shutdown', 'after 1 h idle'],
    );
  });

  it('shows each Studio lifecycle configuration with its script and where it is attached', async () => {
    const root = await studioRoot();
    await clearRequests();
    const configs = await root[1].getChildren!();
    assert.deepStrictEqual(await described(configs), [
      ['install-image-build-cli', `JupyterLab · ${new Date('2021-07-12T09:30:00Z').toLocaleDateString()}`],
    ]);
    // Space apps are listed per domain by the spaces under a profile and by the kernel picker's space hosts, either
    // of which may refresh meanwhile: what expanding the configurations costs is the rest.
    const lifecycleCalls = async () => (await studioCalls()).filter((op) => op !== 'ListApps');
    assert.deepStrictEqual(await lifecycleCalls(), ['ListStudioLifecycleConfigs']);
    await clearRequests();
    assert.deepStrictEqual(await described(await configs[0].getChildren!()), [
      ['Script', 'pip install --upgrade sagemaker-studio-image-build'],
      ['Attached to', `domain ${DOMAIN} (defaults)`],
    ]);
    assert.deepStrictEqual(
      (await lifecycleCalls()).sort(),
      ['DescribeDomain', 'DescribeStudioLifecycleConfig', 'DescribeUserProfile', 'ListUserProfiles'],
      "the domain's defaults and its listed profiles are read once to find the attachments",
    );
  });

  it('pages spaces at the pageSize setting: Load more is one ListSpaces call with the next token', async () => {
    await settings().update('pageSize', 2, vscode.ConfigurationTarget.Global);
    const [domain] = await studioRoot();
    await clearRequests();
    const children = await domain.getChildren!();
    const asked = (await recordedRequests()).filter((r) => r.operation === 'ListSpaces');
    assert.deepStrictEqual(
      asked.map((r) => (r.input as { MaxResults?: number; NextToken?: string }).MaxResults),
      [2],
    );
    const more = children.at(-1)! as LoadMoreNode;
    assert.deepStrictEqual(await described([more]), [['Load more…', '2 shown']]);
    const profile = await childNamed(domain, PROFILE);
    assert.strictEqual((await profile.getTreeItem()).description, '2+ spaces');
    await clearRequests();
    await run('loadMore', more);
    const next = (await recordedRequests()).filter((r) => r.operation === 'ListSpaces');
    assert.strictEqual(next.length, 1, 'one call for the next page');
    assert.ok((next[0].input as { NextToken?: string }).NextToken, 'it asks for the next page');
    const after = await domain.getChildren!();
    assert.ok(!(await described(after)).some(([l]) => l === 'Load more…'), 'the list ended');
    assert.deepStrictEqual(
      (await described(await (await childNamed(domain, PROFILE)).getChildren!())).map(([l]) => l),
      ['autopilot-experiments', 'autogluon-image-build', 'mlops-pipeline-code'],
    );
  });

  it('follows a user profile an administrator adds: Pending → InService in the tree by listing profiles again', async () => {
    const wb = await host();
    // An administrator adds a profile in the console; AWS takes about a minute, which the held clock keeps Pending.
    const addProfile = async () =>
      (await wb.session.clients.sagemaker()).send(
        new CreateUserProfileCommand({ DomainId: DOMAIN_ID, UserProfileName: 'data-scientist-2' }),
      );
    await heldWhileShown(addProfile, (letGo) =>
      withWindow(async (ui) => {
        const [domain] = await studioRoot();
        const contents = (domain as StudioDomainNode).contents;
        const row = async () =>
          String((await (await childNamed(domain, 'data-scientist-2')).getTreeItem()).description);
        assert.strictEqual(await row(), 'Pending · 0 spaces');
        assert.ok(contents.polling, 'a poll is scheduled while a shown profile is Pending');
        await clearRequests();
        await letGo();
        await until('the profile InService', async () => ((await row()) === '0 spaces' ? true : undefined), 30_000);
        assert.deepStrictEqual(
          ui.shown('info').filter((m) => m.startsWith('User profile ')),
          ['User profile data-scientist-2: Pending → InService'],
        );
        const calls = await studioCalls();
        assert.ok(calls.includes('ListUserProfiles'), calls.join(', '));
        assert.ok(!calls.includes('DescribeUserProfile'), 'found by listing, with no describe per profile');
        await until('polling ended', () => !contents.polling || undefined);
      }),
    );
  });

  it('polls a space a teammate starts while the view is shown: Pending → InService in the tree without a refresh, lists only', async () => {
    const wb = await host();
    const provider = wb.views.providers.studio;
    const view = wb.views.treeViews.studio!;
    const rendered: unknown[] = [];
    const watch = provider.onDidChangeTreeData((node) => rendered.push(node));
    // A teammate starts the shared Code Editor space from Studio in the browser (no command of this window
    // follows it). The start takes AWS about two minutes, which the emulator's clock, held back here, keeps
    // Pending while the test looks at the tree.
    const teammateStarts = async () =>
      (await wb.session.clients.sagemaker()).send(
        new CreateAppCommand({ DomainId: DOMAIN_ID, SpaceName: SHARED, AppType: 'CodeEditor', AppName: 'default' }),
      );
    try {
      await heldWhileShown(teammateStarts, (letGo) =>
        withWindow(async (ui) => {
          const [domain] = await studioRoot();
          const contents = (domain as StudioDomainNode).contents;
          const row = async () => {
            const space = await childNamed(await childNamed(domain, PROFILE), SHARED);
            const item = await space.getTreeItem();
            return [String(item.description), item.contextValue];
          };
          assert.deepStrictEqual(await row(), [
            'Code Editor · shared · Pending · ml.t3.medium · SMD 2.1.0 CPU · 10 GB',
            'resource:studioSpace:Pending:CodeEditor',
          ]);
          assert.ok(contents.polling, 'a poll is scheduled while a shown space is Pending');

          // Polls while Pending: the shown page of spaces and the apps listed again, no describe; nothing changed,
          // so nothing is rendered again.
          await clearRequests();
          rendered.length = 0;
          const before = contents.polls;
          // A poll counts as it starts; its lists reach the emulator a moment later.
          const listed = async () => (await studioCalls()).filter((c) => c === 'ListSpaces').length;
          await until('two polls while Pending', async () => (await listed()) >= 2 || undefined, 30_000);
          assert.ok(contents.polls >= before + 2, `${contents.polls - before} polls`);
          const pendingCalls = await studioCalls();
          assert.deepStrictEqual([...new Set(pendingCalls)].sort(), ['ListApps', 'ListSpaces'], 'lists only');
          assert.strictEqual(rendered.length, 0, 'an unchanged poll renders nothing');
          assert.strictEqual((await row())[1], 'resource:studioSpace:Pending:CodeEditor');

          // Hidden, the view stops polling; the start finishes meanwhile (the clock let go).
          await vscode.commands.executeCommand('workbench.view.explorer');
          await until('the Studio view hidden', () => !view.visible || undefined);
          assert.strictEqual(contents.polling, false, 'no poll while the view is hidden');
          await letGo();

          // Shown again, polling goes on at once and the row turns InService, without a refresh.
          await clearRequests();
          await vscode.commands.executeCommand('sagemakerWorkbench.studio.focus');
          await until('the Studio view shown again', () => view.visible || undefined);
          await until('the domain rendered again', () => rendered.includes(domain) || undefined, 30_000);
          assert.deepStrictEqual(await row(), [
            'Code Editor · shared · InService · ml.t3.medium · SMD 2.1.0 CPU · 10 GB',
            'resource:studioSpace:InService:CodeEditor',
          ]);
          // (The other views announce their own changes; the clock moved for them too.)
          assert.deepStrictEqual(
            ui.shown('info').filter((m) => m.startsWith('Space ')),
            [`Space ${SHARED}: Pending → InService`],
          );
          await until('polling ended', () => !contents.polling || undefined);
          assert.deepStrictEqual(
            [...new Set(await studioCalls())].sort(),
            ['ListApps', 'ListSpaces'],
            'the change was found by listing, with no describe per space',
          );
        }),
      );
    } finally {
      watch.dispose();
    }
  });
});
