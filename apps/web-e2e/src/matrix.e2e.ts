import { expect, test } from '@playwright/test';

const PASSWORD = 'correct-horse-battery-2026';

test('the MSP admin starts a co-managed matrix for a client, edits letters by keyboard (saved at once), sees the rule break and its gap, and follows the gap back to the row', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const run = Date.now();
  const clientName = `Harbor Dental ${run}`;

  await test.step('signs up and creates a client', async () => {
    await page.goto('/sign-up');
    await page.getByLabel('Company name').fill(`Northwind Matrix ${run}`);
    await page.getByLabel('Your name').fill('Alex Morgan');
    await page.getByLabel('Work e-mail').fill(`alex.matrix.${run}@northwind.example`);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await page
      .getByRole('button', { name: /New client|Add your first client/ })
      .first()
      .click();
    await page.getByLabel('Client name').fill(clientName);
    await page.getByRole('button', { name: 'Create client' }).click();
  });

  await test.step('opens the client and starts a matrix from the co-managed template', async () => {
    await page.getByRole('link', { name: clientName }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${clientName} · Matrices` })).toBeVisible();
    await page.getByRole('button', { name: 'New matrix' }).first().click();
    await page.getByLabel('Name').fill('IT responsibilities 2027');
    await page.getByRole('button', { name: 'Create matrix' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'IT responsibilities 2027' })).toBeVisible();
    await expect(page.getByRole('grid')).toBeVisible();
  });

  const grid = page.getByRole('grid');
  // The one cell in the tab order: a row's title cell or one of its letter cells.
  const focused = grid.locator('[data-grid-cell][tabindex="0"]');

  await test.step('moves with the arrow keys and sets a letter by typing it, which survives a reload', async () => {
    await expect(focused).toHaveCount(1);
    await focused.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(focused).toBeFocused();
    await expect(focused).toHaveAttribute('role', 'gridcell');
    const label = (await focused.getAttribute('aria-label')) ?? '';
    const cellName = label.slice(0, label.indexOf(':'));
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.ok());
    await page.keyboard.press('i');
    await expect(focused).toHaveAttribute('aria-label', `${cellName}: Informed`);
    await expect(grid.getByRole('gridcell', { name: `${cellName}: Informed` })).toHaveCount(1);
    await saved;
    await page.reload();
    await expect(grid.getByRole('gridcell', { name: `${cellName}: Informed` })).toHaveCount(1);
  });

  await test.step('clearing the accountable party breaks the rule, and the gap leads back to the row', async () => {
    const accountable = grid.getByRole('gridcell', { name: /: Accountable$/ }).first();
    const label = (await accountable.getAttribute('aria-label')) ?? '';
    const cellName = label.slice(0, label.indexOf(':'));
    await accountable.click();
    await page.keyboard.press('Delete');
    await expect(grid.getByRole('gridcell', { name: `${cellName}: no letter` })).toBeFocused();
    await expect(page.getByText(/\d+ rule breaks?/)).toBeVisible();
    const row = cellName.slice(cellName.indexOf(', ') + 2);
    const gap = page
      .getByRole('region', { name: 'Gaps' })
      .getByRole('button', { name: `High: Nobody is accountable for '${row}'` })
      .first();
    await expect(gap).toBeVisible();
    await page.keyboard.press('Control+End');
    await gap.click();
    await expect(page.locator('[role="gridcell"]:focus')).toHaveAttribute(
      'aria-label',
      new RegExp(`, ${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
    );
  });
});
