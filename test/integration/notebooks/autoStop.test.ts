// Auto-stop in the real extension host: each notebook instance's row says whether its lifecycle configuration stops
// it when idle (each configuration described once, however many rows share it), and Add Auto-Stop… (from the row's
// menu and from the palette) attaches a new configuration with the idle stop: a copy of the seeded lab instance's
// configuration with the script appended, the configuration itself untouched; an InService instance refused until
// the user says Stop, Then Add; a cancel at any step changes nothing. Running Now's row of an InService instance says
// it too, for the AWS sample's auto-stop script as for the template.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  CreateNotebookInstanceLifecycleConfigCommand,
  CreateNotebookInstanceCommand,
  UpdateNotebookInstanceCommand,
  DescribeNotebookInstanceCommand,
  DescribeNotebookInstanceLifecycleConfigCommand,
  ListNotebookInstancesCommand,
} from '@aws-sdk/client-sagemaker';
import { runningNow } from '../../../src/commands/cost/activateCost';
import { pace } from '../../../src/ui/pace';
import { BillRowNode } from '../../../src/views/runningNow/runningNowNodes';
import type { ExplorerNode } from '../../../src/views/tree/explorerNode';
import { advanceEmulatorClock, clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { run, withWindow } from '../support/testWindow';
import { childNamed } from '../support/tree';
import { host, until } from '../support/workbench';

const LAB = 'ml-pipeline-lab-notebook';
const FRAUD = 'FraudDetectionNotebookInstance';
const STARTING = 'abalone-autopilot-notebook';
const ROLE = 'arn:aws:iam::123456789012:role/sm-notebook-instance-role';
type Outcome = { outcome: string; message?: string };

/** The instance's row as the view shows it now (listed afresh, as after a refresh). */
async function row(name: string): Promise<{ node: ExplorerNode; description: string; tooltip: string }> {
  const provider = (await host()).views.providers.notebookInstances;
  provider.refresh();
  const node = await childNamed(provider as unknown as { getChildren(): Promise<ExplorerNode[]> }, name);
  const item = await node.getTreeItem();
  const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
  return { node, description: String(item.description), tooltip };
}

const sagemaker = async () => await (await host()).session.clients.sagemaker();
const writes = async () =>
  (await recordedRequests()).map((r) => r.operation).filter((o) => /^(Create|Update|Stop|Start|Delete)/.test(o));

async function onStartOf(config: string): Promise<string> {
  const out = await (
    await sagemaker()
  ).send(new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: config }));
  return Buffer.from(out.OnStart?.[0]?.Content ?? '', 'base64').toString('utf8');
}

const describeInstance = async (name: string) =>
  (await sagemaker()).send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }));

/** Seconds this suite moved the emulator's clock on (an update's minute), given back after each test. */
let clockMoved = 0;
async function moveClock(seconds: number): Promise<void> {
  clockMoved += seconds;
  await advanceEmulatorClock(seconds);
}

describe('Notebook instance auto-stop', function () {
  this.timeout(120_000);
  let followSeconds: number;
  before(async () => {
    followSeconds = pace.followSeconds;
    pace.followSeconds = 1;
    await resetEmulator();
  });
  after(() => {
    pace.followSeconds = followSeconds;
  });
  afterEach(async () => {
    // Later suites read ages off the emulator's clock ("1d ago"): it goes back to where it was.
    if (clockMoved) await advanceEmulatorClock(-clockMoved);
    clockMoved = 0;
    await resetEmulator();
    (await host()).views.providers.notebookInstances.refresh();
  });

  it('says on each row whether it stops when idle, describing each lifecycle configuration once', async () => {
    await clearRequests();
    const lab = await row(LAB);
    assert.strictEqual(lab.description, 'Stopped · ml.t3.medium · no auto-stop');
    assert.match(lab.tooltip, /Auto-stop \| Lifecycle configuration foo does not stop it when idle/);
    const fraud = await row(FRAUD);
    assert.strictEqual(fraud.description, 'InService · ml.t2.medium · no auto-stop');
    const starting = await row(STARTING);
    assert.match(starting.description, / · no auto-stop$/);
    assert.match(starting.tooltip, /No lifecycle configuration: nothing stops it when idle/);
    const described = (await recordedRequests())
      .filter((r) => r.operation === 'DescribeNotebookInstanceLifecycleConfig')
      .map((r) => (r.input as { NotebookInstanceLifecycleConfigName: string }).NotebookInstanceLifecycleConfigName);
    assert.deepStrictEqual(
      [...described].sort(),
      [...new Set(described)].sort(),
      `each configuration at most once, however often the rows render: ${described.join(', ')}`,
    );
    assert.ok(
      !(await recordedRequests()).some((r) => r.operation === 'DescribeNotebookInstance'),
      'no describe per instance',
    );
  });

  it('adds auto-stop to the stopped lab instance as a copy of its configuration, naming the instances that share it', async () => {
    // A second instance on the same configuration: the command must say so, and leave the configuration alone.
    await (
      await sagemaker()
    ).send(
      new CreateNotebookInstanceCommand({
        NotebookInstanceName: 'lab-partner-notebook',
        InstanceType: 'ml.t3.medium',
        RoleArn: ROLE,
        LifecycleConfigName: 'foo',
      }),
    );
    const fooBefore = await onStartOf('foo');
    const lab = await row(LAB);
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onInputBox(`Add auto-stop to ${LAB}`, async (p) => {
        assert.strictEqual(p.value, '60');
        assert.strictEqual(await p.type('2'), 'Idle minutes are a whole number from 5 to 1440');
        assert.strictEqual(await p.type('45'), undefined);
      });
      ui.onQuickPick(`${LAB} runs lifecycle configuration foo`, (p) => {
        assert.deepStrictEqual(
          p.items.map((i) => [i.label, i.detail]),
          [
            [
              'Copy foo with auto-stop added',
              `New configuration ${LAB}-auto-stop: foo's scripts, then the auto-stop script. foo is not changed. lab-partner-notebook also uses it and keeps it as it is.`,
            ],
            [
              'Attach a fresh auto-stop configuration',
              `New configuration ${LAB}-auto-stop with the auto-stop script only: foo's scripts no longer run on ${LAB}. lab-partner-notebook also uses it and keeps it as it is.`,
            ],
          ],
        );
        p.pick('Copy foo with auto-stop added');
      });
      ui.onMessage(`Add auto-stop to ${LAB}?`, 'Add Auto-Stop');
      const added = await run<Outcome>('addAutoStop', lab.node);
      const done = `${LAB} stops itself after 45 idle minutes from its next start: lifecycle configuration ${LAB}-auto-stop is attached.`;
      assert.deepStrictEqual([added.outcome, added.message], ['done', done]);
      const asked = ui.messages.find((m) => m.modal)!;
      assert.strictEqual(
        asked.detail,
        `Creates lifecycle configuration ${LAB}-auto-stop (foo's scripts, then the auto-stop script; foo is not changed) ` +
          `and attaches it to ${LAB} in place of foo. From its next start, ${LAB} stops itself after 45 minutes without ` +
          'kernel activity in Jupyter (checked every 5 minutes).',
      );
      assert.deepStrictEqual(ui.shown('info'), [done]);
    });
    assert.deepStrictEqual(await writes(), ['CreateNotebookInstanceLifecycleConfig', 'UpdateNotebookInstance']);
    const update = (await recordedRequests()).find((r) => r.operation === 'UpdateNotebookInstance')!;
    assert.deepStrictEqual(update.input, { NotebookInstanceName: LAB, LifecycleConfigName: `${LAB}-auto-stop` });

    const copy = await onStartOf(`${LAB}-auto-stop`);
    assert.ok(copy.startsWith(fooBefore), "foo's on-start script comes first, as it was");
    assert.match(copy, /IDLE_MINUTES=45\n/);
    assert.match(copy, /aws sagemaker stop-notebook-instance --notebook-instance-name "\$NAME"/);
    assert.strictEqual(await onStartOf('foo'), fooBefore, 'foo is unchanged');
    const described = await describeInstance(LAB);
    assert.deepStrictEqual(
      [described.NotebookInstanceStatus, described.NotebookInstanceLifecycleConfigName],
      ['Stopped', `${LAB}-auto-stop`],
    );
    const listed = await (await sagemaker()).send(new ListNotebookInstancesCommand({ NameContains: LAB }));
    assert.strictEqual(listed.NotebookInstances?.[0]?.NotebookInstanceLifecycleConfigName, `${LAB}-auto-stop`);

    const after = await row(LAB);
    assert.strictEqual(after.description, 'Stopped · ml.t3.medium · auto-stop after 45 idle min');
    assert.match(after.tooltip, new RegExp(`Lifecycle configuration ${LAB}-auto-stop stops it after 45 idle minutes`));
    const partner = await row('lab-partner-notebook');
    assert.match(partner.description, / · no auto-stop$/, 'the instance sharing foo is unchanged');
  });

  it('refuses an InService instance until the user says Stop, Then Add; a cancel changes nothing', async () => {
    const fraud = await row(FRAUD);
    await clearRequests();
    const modal = `${FRAUD} is InService: SageMaker attaches a lifecycle configuration only to a Stopped instance.`;
    await withWindow(async (ui) => {
      ui.onInputBox(`Add auto-stop to ${FRAUD}`, '30');
      ui.onQuickPick(`${FRAUD} runs lifecycle configuration BasicNotebookInstanceLifecycleConfig`, (p) =>
        p.pick('Attach a fresh auto-stop configuration'),
      );
      ui.onMessage(modal, undefined);
      const cancelled = await run<Outcome>('addAutoStop', fraud.node);
      assert.strictEqual(cancelled.outcome, 'cancelled');
      const asked = ui.messages.find((m) => m.modal)!;
      assert.deepStrictEqual(asked.items, ['Stop, Then Add']);
      assert.strictEqual(
        asked.detail,
        `Stop, then add: stops ${FRAUD} (running kernels and unsaved changes in Jupyter are lost; the ML storage volume is kept), ` +
          `creates lifecycle configuration ${FRAUD}-auto-stop (the auto-stop script only) and attaches it to ${FRAUD} in place of ` +
          `BasicNotebookInstanceLifecycleConfig. ${FRAUD} stays Stopped. From its next start, ${FRAUD} stops itself after 30 ` +
          'minutes without kernel activity in Jupyter (checked every 5 minutes).',
      );
    });
    await withWindow(async (ui) => {
      ui.onInputBox(`Add auto-stop to ${FRAUD}`, (p) => p.cancel());
      assert.strictEqual((await run<Outcome>('addAutoStop', fraud.node)).outcome, 'cancelled');
    });
    assert.deepStrictEqual(await writes(), [], 'nothing was stopped, created or attached');
    assert.strictEqual((await describeInstance(FRAUD)).NotebookInstanceStatus, 'InService');

    await withWindow(async (ui) => {
      ui.onInputBox(`Add auto-stop to ${FRAUD}`, '30');
      ui.onQuickPick(`${FRAUD} runs lifecycle configuration BasicNotebookInstanceLifecycleConfig`, (p) =>
        p.pick('Attach a fresh auto-stop configuration'),
      );
      ui.onMessage(modal, 'Stop, Then Add');
      const added = await run<Outcome>('addAutoStop', fraud.node);
      assert.deepStrictEqual(
        [added.outcome, added.message],
        [
          'done',
          `${FRAUD} stops itself after 30 idle minutes from its next start: lifecycle configuration ${FRAUD}-auto-stop is attached. ${FRAUD} was stopped first; start it when you need it.`,
        ],
      );
    });
    assert.deepStrictEqual(await writes(), [
      'StopNotebookInstance',
      'CreateNotebookInstanceLifecycleConfig',
      'UpdateNotebookInstance',
    ]);
    const described = await describeInstance(FRAUD);
    assert.deepStrictEqual(
      [described.NotebookInstanceStatus, described.NotebookInstanceLifecycleConfigName],
      ['Stopped', `${FRAUD}-auto-stop`],
    );
    const fresh = await onStartOf(`${FRAUD}-auto-stop`);
    assert.match(fresh, /^#!\/bin\/bash\n/);
    assert.match(fresh, /IDLE_MINUTES=30\n/);
    assert.doesNotMatch(fresh, /fraud-detection-using-machine-learning/, "the old configuration's script is not in it");
    assert.strictEqual((await row(FRAUD)).description, 'Stopped · ml.t2.medium · auto-stop after 30 idle min');
  });

  it('from the palette, picks the instance and gives one without a configuration the template', async () => {
    await until(
      'the starting instance to be InService',
      async () => (await describeInstance(STARTING)).NotebookInstanceStatus === 'InService' || undefined,
    );
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onQuickPick('Add auto-stop to which notebook instance?', (p) => p.pick(STARTING));
      ui.onInputBox(`Add auto-stop to ${STARTING}`, async (p) => {
        assert.strictEqual(await p.accept(), undefined, 'the 60 offered is taken');
      });
      ui.onMessage(`${STARTING} is InService`, 'Stop, Then Add');
      const added = await run<Outcome>('addAutoStop');
      assert.strictEqual(added.outcome, 'done', added.message);
      const asked = ui.messages.find((m) => m.modal)!;
      assert.match(
        asked.detail ?? '',
        new RegExp(
          `creates lifecycle configuration ${STARTING}-auto-stop \\(the auto-stop script only\\) and attaches it to ${STARTING}\\. `,
        ),
      );
    });
    const described = await describeInstance(STARTING);
    assert.strictEqual(described.NotebookInstanceLifecycleConfigName, `${STARTING}-auto-stop`);
    assert.match(await onStartOf(`${STARTING}-auto-stop`), /IDLE_MINUTES=60\n/);
    assert.strictEqual((await row(STARTING)).description, 'Stopped · ml.m5.xlarge · auto-stop after 60 idle min');
  });

  it("refuses a copy whose on-start script would pass the API's 16,384 base64 characters, and sends nothing", async () => {
    // A long on-start script that fits as it is (16,000 characters in base64), attached to the lab instance.
    const long = `#!/bin/bash\n${'echo "preparing the lab"\n'.repeat(480)}`.slice(0, 12_000);
    const client = await sagemaker();
    await client.send(
      new CreateNotebookInstanceLifecycleConfigCommand({
        NotebookInstanceLifecycleConfigName: 'lab-long-start',
        OnStart: [{ Content: Buffer.from(long).toString('base64') }],
      }),
    );
    await client.send(
      new UpdateNotebookInstanceCommand({ NotebookInstanceName: LAB, LifecycleConfigName: 'lab-long-start' }),
    );
    await moveClock(61);
    await until(
      'the update to end',
      async () => (await describeInstance(LAB)).NotebookInstanceStatus === 'Stopped' || undefined,
    );
    await clearRequests();
    await withWindow(async (ui) => {
      ui.onInputBox(`Add auto-stop to ${LAB}`, '60');
      ui.onQuickPick(`${LAB} runs lifecycle configuration lab-long-start`, (p) =>
        p.pick('Copy lab-long-start with auto-stop added'),
      );
      const refused = await run<Outcome>('addAutoStop', LAB);
      assert.strictEqual(refused.outcome, 'refused');
      assert.match(
        refused.message ?? '',
        /^The on-start script would have 12,\d{3} characters \(1[67],\d{3} base64-encoded\); SageMaker takes at most 16,384 base64-encoded characters/,
      );
      assert.deepStrictEqual(ui.shown('warning'), [refused.message]);
    });
    assert.deepStrictEqual(await writes(), [], 'nothing was created or attached');
  });

  it("says on Running Now's row of an InService instance whether it stops when idle, the AWS sample's script included", async () => {
    // The lab instance gets the widely copied AWS sample (idle time in seconds, autostop.py from cron), then starts.
    const sample = [
      '#!/bin/bash',
      'set -e',
      'IDLE_TIME=3600',
      'wget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py',
      '(crontab -l 2>/dev/null; echo "*/5 * * * * /usr/bin/python $PWD/autostop.py --time $IDLE_TIME --ignore-connections") | crontab -',
      '',
    ].join('\n');
    const client = await sagemaker();
    await client.send(
      new CreateNotebookInstanceLifecycleConfigCommand({
        NotebookInstanceLifecycleConfigName: 'lab-sample-auto-stop',
        OnStart: [{ Content: Buffer.from(sample).toString('base64') }],
      }),
    );
    await client.send(
      new UpdateNotebookInstanceCommand({ NotebookInstanceName: LAB, LifecycleConfigName: 'lab-sample-auto-stop' }),
    );
    await moveClock(61);
    await until(
      'the update to end',
      async () => (await describeInstance(LAB)).NotebookInstanceStatus === 'Stopped' || undefined,
    );
    await withWindow(async () => {
      const started = await run<Outcome>('startNotebookInstance', LAB);
      assert.strictEqual(started.outcome, 'done', started.message);
    });

    assert.strictEqual((await run<Outcome>('refreshRunningNow')).outcome, 'done');
    const rows = (await runningNow().provider.getChildren()).filter((n): n is BillRowNode => n instanceof BillRowNode);
    const tooltipOf = async (name: string) => {
      const node = rows.find((n) => n.row.resource.name === name);
      assert.ok(node, `${name} is on Running Now: ${rows.map((n) => n.row.resource.name).join(', ')}`);
      const item = await node.getTreeItem();
      return { node, text: (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '') };
    };
    const lab = await tooltipOf(LAB);
    assert.match(
      lab.text,
      /Auto-stop: auto-stop after 60 idle min\. Lifecycle configuration lab-sample-auto-stop stops it after 60 idle minutes/,
    );
    const fraud = await tooltipOf(FRAUD);
    assert.match(
      fraud.text,
      /Auto-stop: no auto-stop\. Lifecycle configuration BasicNotebookInstanceLifecycleConfig does not stop it when idle/,
    );
    assert.strictEqual((await row(LAB)).description, 'InService · ml.t3.medium · auto-stop after 60 idle min');

    // The row's menu passes the row: Add Auto-Stop… works on its instance.
    await withWindow(async (ui) => {
      ui.onInputBox(`Add auto-stop to ${FRAUD}`, (p) => p.cancel());
      assert.strictEqual((await run<Outcome>('addAutoStop', fraud.node)).outcome, 'cancelled');
    });
  });
});
