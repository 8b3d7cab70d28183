// The headline flow in real VS Code with the packaged extension: open the seeded abalone release waiting
// at EvaluationApproval, read the evidence (question, metric cards, plot) in the Release Review panel,
// approve it through VS Code's own input box and modal, and watch the pipeline move on to Deploy.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { expandRow, openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

describe('release review and approval in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 460));

  it('shows the evidence beside the buttons and approves the release', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Pipelines');
    await page
      .locator('.sidebar .monaco-list-row', { hasText: 'Waiting for approval · EvaluationApproval' })
      .first()
      .waitFor({ timeout: 30_000 });
    await expandRow(page, 'abalone-cicd-pipeline', 'Approval');
    // Clicking the waiting action opens the Release Review panel.
    await page.locator('.sidebar .monaco-list-row', { hasText: 'EvaluationApproval' }).nth(1).click();

    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview.getByText('Is the Model Ready for Production?').waitFor({ timeout: 30_000 });
    const cards = await webview.locator('.card').allTextContents();
    assert.ok(
      cards.some((c) => c.startsWith('RMSE1.484')),
      cards.join(' | '),
    );
    assert.ok(
      cards.some((c) => c.startsWith('MSE2.202')),
      cards.join(' | '),
    );
    assert.ok((await webview.locator('canvas').count()) >= 1, 'the evaluation plot is drawn');
    assert.ok((await webview.locator('.commits li').allTextContents()).some((c) => c.includes('Checkpoint')));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'release-review.png') });

    await webview.getByRole('button', { name: 'Approve…' }).click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('RMSE 1.48 is below 2.0');
    await input.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    const detail = (await dialog.textContent()) ?? '';
    assert.match(detail, /Approve the release of abalone-cicd-pipeline\?/);
    assert.match(detail, /Stage: Approval · action: EvaluationApproval/);
    assert.match(detail, /rmse 1\.484 · mse 2\.202/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'release-approve-confirm.png') });
    await dialog.getByRole('button', { name: 'Approve' }).click();

    await webview
      .getByText(/^Approved abalone-cicd-pipeline \(execution [0-9a-f]{8}\): the Deploy stage runs next\.$/)
      .waitFor({ timeout: 30_000 });
    assert.equal(await webview.getByRole('button', { name: 'Approve…' }).isDisabled(), true, 'nothing left to approve');
    await page
      .locator('.sidebar .monaco-list-row', { hasText: 'InProgress · Deploy' })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'release-approved.png') });
  });
});
