/** Issue 12, defect 7 (part): Escape closes the inspector. */
import { expect, test } from './fixtures';
import { CanvasPage } from './pages/CanvasPage';

test('Escape closes the inspector opened from the canvas', async ({ page, app }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await canvas.node('HTTPRoute/team-b/shop').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__gwsim!.getSelected())).toBeUndefined();
});
