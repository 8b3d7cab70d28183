// Every view of the packaged extension, opened alone in real VS Code and photographed: the release that
// waits for approval must be unmissable (bell, badge on the SageMaker icon), endpoints show capacity.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { expandRow, openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

describe('each SageMaker view in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page));

  const shot = (name: string) => workbench().page.screenshot({ path: path.join(SCREENSHOTS, `view-${name}.png`) });
  const rows = () => workbench().page.locator('.sidebar .monaco-list-row').allTextContents();

  it('Pipelines: the release waiting at EvaluationApproval has the bell and a badge on the SageMaker icon', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Pipelines');
    await page
      .locator('.sidebar .monaco-list-row', { hasText: 'Waiting for approval · EvaluationApproval' })
      .first()
      .waitFor({ timeout: 30_000 });
    const badge = page
      .locator(
        '.activitybar .action-item[aria-label^="SageMaker"] .badge-content, .activitybar a[aria-label^="SageMaker"] ~ .badge .badge-content',
      )
      .first();
    await badge.waitFor({ timeout: 30_000 });
    assert.equal((await badge.textContent())?.trim(), '1');
    await expandRow(page, 'abalone-cicd-pipeline', 'Approval');
    await page
      .locator('.sidebar .monaco-list-row', { hasText: 'EvaluationApproval' })
      .nth(1)
      .waitFor({ timeout: 30_000 });
    const approvalRow = page.locator('.sidebar .monaco-list-row', { hasText: 'EvaluationApproval' }).nth(1);
    assert.equal(await approvalRow.locator('.codicon-bell-dot').count(), 1, 'the waiting action shows the bell');
    await shot('pipelines');
    // The README's picture: the activity bar badge and the sidebar only.
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'readme-pipelines.png'),
      clip: { x: 0, y: 30, width: 600, height: 420 },
    });
  });

  it('Endpoints: capacity, shadow variant and autoscaling after expanding', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Endpoints');
    await expandRow(page, 'cmapss-XGBoostEndpoint', 'autoscaling 1–5');
    await expandRow(page, 'abalone-endpoint', 'ShadowV4');
    // The describe made on expand adds the capacity to the endpoint's own line.
    await page
      .locator('.sidebar .monaco-list-row', { hasText: 'InService · 1 × ml.m5.large · 1 shadow' })
      .first()
      .waitFor({ timeout: 15_000 });
    assert.ok((await rows()).some((r) => r.includes('serverless') || r.includes('abalone-serverless-endpoint')));
    await shot('endpoints');
  });

  for (const [view, first, child] of [
    ['Notebook Instances', 'FraudDetectionNotebookInstance', 'Default code repository'],
    ['Autopilot', 'abalone-2021-07-05-17-07-15-994', 'best · '],
    ['Training Jobs', 'linear-learner-2021-02-11-10-15-33-211', 'Hyperparameters'],
    ['Model Registry', 'AbalonePackageGroup', 'PendingManualApproval'],
  ] as const) {
    it(`${view}: listed from the emulator`, async () => {
      const { page } = workbench();
      await showOnlyView(page, view);
      const firstRow = page.locator('.sidebar .pane', { hasText: view }).locator('.monaco-list-row').first();
      await firstRow.waitFor({ timeout: 30_000 });
      if (first && child) await expandRow(page, first, child);
      else await firstRow.click();
      const texts = await rows();
      assert.ok(texts.length > 1, `${view} lists rows: ${texts.join(' | ')}`);
      assert.ok(
        !texts.some((t) => /failed|error/i.test(t) && /could not|denied|unavailable/i.test(t)),
        texts.join(' | '),
      );
      await shot(view.toLowerCase().replace(/ /g, '-'));
    });
  }
});
