// Data from AWS is text, never markup or code: an Autopilot job whose candidates' names carry HTML and
// script has its leaderboard drawn in real VS Code, and nothing of it runs.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createJob } from '../emulator/services/sagemaker/autoMlModule';
import type { World } from '../emulator/services/world';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('hostile strings from AWS in real VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench(async (s) => {
    // Names AWS would refuse, put straight into the emulator: the extension must not trust them either.
    createJob(s.world() as World, 'us-east-1', {
      name: 'hostile-names', candidateNamePrefix: HOSTILE, v2: true, mode: 'HYPERPARAMETER_TUNING', problemType: 'Regression', objective: { MetricName: 'MSE', Type: 'Minimize' },
      targetAttribute: 'rings', inputS3Uri: 's3://sagemaker-us-east-1-123456789012/abalone-v1/input', outputS3Uri: 's3://sagemaker-us-east-1-123456789012/hostile/output',
      roleArn: 'arn:aws:iam::123456789012:role/r', maxCandidates: 5, creationTime: Date.now() - 86_400_000,
    });
    await openSageMakerSidebar(s.page, 400);
  });

  it('shows candidates named with HTML as text in the leaderboard', async () => {
    const { page } = workbench();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await showOnlyView(page, 'Autopilot');
    const row = page.locator('.sidebar .monaco-list-row', { hasText: 'hostile-names' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open Leaderboard"]').click();
    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview.getByRole('heading', { name: 'hostile-names', exact: true }).waitFor({ timeout: 30_000 });
    await webview.locator('.lb-body .lb-row').first().waitFor({ timeout: 15_000 });
    assert.equal(await webview.locator('img').count(), 0, 'no element was made from a name');
    const names = await webview.locator('.lb-body .lb-row .col-name').allTextContents();
    assert.ok(names.length === 5 && names.every((n) => n.includes(`${HOSTILE}-`)), names.join(' | '));
    // The selected candidate's details pane shows the name as a heading, as text.
    assert.equal(await webview.getByRole('heading', { name: new RegExp(`^★ #1 ${HOSTILE.replace(/[()]/g, '\\$&')}-`) }).count(), 1);
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-names.png') });
  });
});
