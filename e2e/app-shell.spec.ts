import { expect, test } from '@playwright/test';

test('the app starts offline and names itself', async ({ page }) => {
  const offOrigin: string[] = [];
  page.on('request', (req) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(req.url())) offOrigin.push(req.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'gwsim' })).toBeVisible();
  expect(offOrigin).toEqual([]);
});
