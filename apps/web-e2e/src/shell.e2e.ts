import { expect, test } from '@playwright/test';

test('a visitor opens Accord and sees the product with the database ready', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Accord/);
  await expect(page.getByRole('banner')).toContainText('Accord');
  await expect(page.getByTestId('api-status')).toContainText(/online/i);
  await expect(page.getByTestId('db-status')).toHaveText('ready');
});

test('an unknown address inside the app shows the not-found page, not a blank screen', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(200); // the SPA answers; its router decides
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
});
