// The AutoGluon leaderboard of the seeded abalone training job in real VS Code with the packaged extension,
// opened from the job's inline button: the best model first, the evaluation metrics, the score chart.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SCREENSHOTS, useWorkbench } from './support/codeServerSession';
import { openSageMakerSidebar, showOnlyView } from './support/sidebarPanes';

describe('AutoGluon leaderboard in VS Code (packaged .vsix, real browser)', function () {
  this.timeout(180_000);
  const workbench = useWorkbench((s) => openSageMakerSidebar(s.page, 420));

  it('shows the leaderboard read out of model.tar.gz, best model first', async () => {
    const { page } = workbench();
    await showOnlyView(page, 'Training Jobs');
    const row = page.locator('.sidebar .monaco-list-row', { hasText: 'abalone-autogluon-2021-07-05-18-03-21-457' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.hover();
    await row.locator('.action-label[aria-label="Open AutoGluon Leaderboard"]').click();
    const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await webview.getByRole('heading', { name: 'AutoGluon · abalone-autogluon-2021-07-05-18-03-21-457' }).waitFor({ timeout: 30_000 });
    const first = (await webview.locator('table.versions tbody tr').first().textContent()) ?? '';
    assert.match(first, /^★ WeightedEnsemble_L20\.30720\.2297/);
    assert.ok((await webview.locator('.card').allTextContents()).some((c) => c.startsWith('accuracy0.2297')));
    await webview.locator('canvas').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'autogluon-leaderboard.png') });
  });
});
