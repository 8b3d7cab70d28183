// Idle notebook instances in Running Now, in the real extension host against the emulator, whose InService instances
// run a real Jupyter server: a notebook connected to an instance through the kernel picker, as a user connects it,
// lets the bill read that server's kernel and terminal activity through the same connection; once it saw none for
// sagemakerWorkbench.idleNotebookMinutes the row says idle with what an idle hour costs, the idle total takes it in,
// and the row's Stop stops it; the same for the running Studio JupyterLab space a notebook is connected to. An
// instance nobody is connected to is neither read nor signed in to.
//
// The instances' Jupyter servers are real Python servers on the real clock: their `last_activity` and Date header move
// with wall time, not with the emulator's clock. So the threshold is the setting's smallest, one minute, and the test
// waits for the row to turn idle as that real minute passes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  FRAUD,
  notebookRequests,
  openNotebook,
  runCells,
  selectInstance,
  selectSpace,
  useKernelSuite,
  type Outcome,
} from '../notebookKernels/support';
import { clearRequests, recordedRequests, resetEmulator } from '../support/emulatorControl';
import { billRow, billShows, shownBill } from '../support/runningNowBill';
import { run, withWindow } from '../support/testWindow';
import { until } from '../support/workbench';

/** Seeded InService too (once started after a reset), but nobody opens a notebook on it or its files. */
const OTHER = 'abalone-autopilot-notebook';
/** The seeded Studio space whose JupyterLab app runs (ml.t3.medium). */
const DOMAIN_ID = 'd-abcdefghijkl';
const SPACE = 'autopilot-experiments';
const SPACE_ROW = `${SPACE} (JupyterLab space)`;

const setMinutes = (minutes: number | undefined) =>
  vscode.workspace
    .getConfiguration('sagemakerWorkbench')
    .update('idleNotebookMinutes', minutes, vscode.ConfigurationTarget.Global);

describe('Running Now: idle notebook instances', function () {
  this.timeout(300_000);
  useKernelSuite();
  before(async () => {
    await resetEmulator();
    await setMinutes(1);
  });
  after(() => setMinutes(undefined));

  it('marks the instance and the space notebooks are connected to idle after a minute with no kernel or terminal activity on their Jupyter, with what an idle hour costs; an instance nobody is connected to is not read; Stop on the row stops it', async () => {
    await until(
      `${OTHER} to be InService`,
      async () => (billShows(await shownBill(), OTHER) ? true : undefined),
      30_000,
    );
    const document = await openNotebook(['print("working")']);
    await withWindow((ui) => selectInstance(ui, document, FRAUD));
    const onSpace = await openNotebook(['print("working")']);
    await withWindow((ui) => selectSpace(ui, onSpace, `${DOMAIN_ID}/${SPACE}`));
    // Both used just before the first reading (connecting to the space takes a while of its own).
    await runCells(document, 0);
    await runCells(onSpace, 0);
    await clearRequests();
    await notebookRequests('DELETE');

    // Just used: read, not idle. The other instance: not read, and its row says why.
    const working = await shownBill();
    const fraud = billRow(working, FRAUD);
    assert.deepStrictEqual([fraud.node.row.activityRead, fraud.node.row.idle], [true, undefined]);
    assert.ok(fraud.description.startsWith('ml.t2.medium · $0.0464/h · running '), fraud.description);
    const spaceRow = billRow(working, SPACE_ROW).node.row;
    assert.deepStrictEqual([spaceRow.activityRead, spaceRow.idle], [true, undefined]);
    const other = billRow(working, OTHER);
    assert.deepStrictEqual([other.node.row.activityRead, other.node.row.idle], [undefined, undefined]);
    assert.match(other.tooltip, /Not checked for idleness: its Jupyter activity is read only while you are connected/);
    assert.strictEqual(
      working.totalDescription,
      'on-demand prices from the AWS Price List; $0.23/h of it on idle endpoints',
    );

    // The bill is read again every few seconds (not on every turn of the wait) until the real minute has passed.
    let next = 0;
    const idle = await until(
      `${FRAUD} and ${SPACE_ROW} to be marked idle`,
      async () => {
        if (Date.now() < next) return undefined;
        next = Date.now() + 5_000;
        const bill = await shownBill();
        return billRow(bill, FRAUD).node.row.idle && billRow(bill, SPACE_ROW).node.row.idle ? bill : undefined;
      },
      180_000,
    );
    const row = billRow(idle, FRAUD);
    assert.match(
      row.description,
      /^idle \d+ min: no kernel or terminal activity, \$0\.0464 an idle hour · ml\.t2\.medium · \$0\.0464\/h · running /,
    );
    const marked = row.node.row.idle as { minutes: number; thresholdMinutes: number; usdPerHour: number };
    assert.ok(marked.minutes >= 1, `idle ${marked.minutes} min`);
    assert.deepStrictEqual([marked.thresholdMinutes, marked.usdPerHour], [1, 0.0464]);
    assert.match(row.tooltip, /no kernel or terminal activity for \d+ min \(idle after 1 min/);
    const space = billRow(idle, SPACE_ROW);
    assert.match(
      space.description,
      /^idle \d+ min: no kernel or terminal activity, \$0\.05 an idle hour · ml\.t3\.medium · \$0\.05\/h · running /,
    );
    // The idle endpoint's $0.23, the instance's $0.0464 and the space's $0.05.
    assert.strictEqual(
      idle.totalDescription,
      'on-demand prices from the AWS Price List; $0.326/h of it on idle endpoints and notebooks',
    );
    assert.strictEqual(billRow(idle, OTHER).node.row.idle, undefined, 'not read, so never marked');

    // Read through the notebook's own connection (its session cookie); the other instance's server never asked,
    // and no presigned URL minted for it (nor any other: the connection's sign-in stands).
    const gateway = await notebookRequests();
    assert.ok(
      gateway.some((r) => r.instance === FRAUD && r.path.endsWith('/api/terminals') && r.session === 'valid'),
      'the bill read the terminals of the connected instance',
    );
    assert.deepStrictEqual(
      gateway.filter((r) => r.instance === OTHER),
      [],
    );
    const presigned = (await recordedRequests()).filter((r) => r.operation === 'CreatePresignedNotebookInstanceUrl');
    assert.deepStrictEqual(presigned, []);

    await withWindow(async (ui) => {
      ui.onMessage(`Stop notebook instance ${FRAUD}?`, 'Stop');
      const stopped = await run<Outcome>('stopRunningNotebookInstance', row.node);
      assert.deepStrictEqual([stopped.outcome, stopped.message], ['done', `${FRAUD} is Stopped.`]);
      // The notebook's kernel went with it, and the kernels feature says so.
      await until(
        'the kernels feature to say the kernels stopped',
        () => ui.shown('warning').some((m) => m.startsWith(`${FRAUD} is Stopp`)) || undefined,
        30_000,
      );
    });
    const after = await shownBill();
    assert.ok(!billShows(after, FRAUD));
    assert.ok(billRow(after, SPACE_ROW).node.row.idle, 'the space is still idle');
    assert.strictEqual(
      after.totalDescription,
      'on-demand prices from the AWS Price List; $0.28/h of it on idle endpoints and notebooks',
    );
  });
});
