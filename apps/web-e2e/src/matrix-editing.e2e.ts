import { expect, type Locator, type Page, test } from '@playwright/test';

const DEMO_PASSWORD = 'accord-demo-2026';
const MATRIX = /Harbor Dental: who owns what in IT/;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/w\//);
}

async function openHarborMatrix(page: Page): Promise<Locator> {
  await page
    .getByRole('link', { name: /^Matrix$/ })
    .first()
    .click();
  await page.getByRole('link', { name: MATRIX }).first().click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible({ timeout: 30_000 });
  return grid;
}

/** The titles of the rows the grid draws, top to bottom. */
function titlesInOrder(grid: Locator): Promise<string[]> {
  return grid
    .getByRole('rowheader')
    .evaluateAll((cells) =>
      cells.flatMap((cell) => (cell.hasAttribute('data-grid-cell') ? [cell.getAttribute('aria-label') ?? ''] : [])),
    );
}

function saved(page: Page, method: string, path: RegExp) {
  return page.waitForResponse(
    (response) => response.request().method() === method && path.test(response.url()) && response.ok(),
  );
}

test("Harbor Dental's IT admin adds a responsibility, edits it by keyboard (and meets a conflicting edit), moves it, filters the grid, adds a cloud vendor and deletes the row", async ({
  page,
  browser,
}) => {
  // Long: many steps, each waiting for a save, on a machine other test runs share.
  test.setTimeout(240_000);
  await signIn(page, 'ida@harbordental.example');
  const grid = await openHarborMatrix(page);
  const title = 'Quarterly restore test';
  const titleCell = grid.getByRole('rowheader', { name: title, exact: true });
  const focusedCell = page.locator('[data-grid-cell]:focus');

  await test.step('adds a responsibility to Backups and recovery, and lands on it', async () => {
    await page.getByRole('button', { name: 'Add responsibility', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New responsibility' });
    await expect(dialog.getByLabel('Title')).toBeFocused();
    await dialog.getByLabel('Title').fill('Restore test');
    await dialog.getByRole('textbox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Backups and recovery' }).click();
    await dialog.getByRole('button', { name: 'Add responsibility' }).click();
    await expect(page.getByText('“Restore test” was added to Backups and recovery.')).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(grid.getByRole('rowheader', { name: 'Restore test', exact: true })).toBeFocused();
  });

  await test.step('Enter edits the title; Escape cancels and returns to the cell', async () => {
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit responsibility' });
    await expect(dialog.getByLabel('Title')).toBeFocused();
    await dialog.getByLabel('Title').fill('Something else entirely');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(grid.getByRole('rowheader', { name: 'Restore test', exact: true })).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Title')).toHaveValue('Restore test');
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Critical').check();
    const patched = saved(page, 'PATCH', /\/responsibilities\//);
    await page.keyboard.press('Enter');
    await patched;
    await expect(dialog).toBeHidden();
    await expect(titleCell).toBeFocused();
    await expect(titleCell).toHaveAccessibleDescription(/Critical\. .*Nobody is accountable/);
  });

  await test.step('a conflicting edit by the MSP engineer shows their version; Ida takes it and saves on top', async () => {
    const dialog = page.getByRole('dialog', { name: 'Edit responsibility' });
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Title')).toBeFocused();

    // Meanwhile Sam renames the row from his own session.
    const sam = await browser.newContext();
    const login = await sam.request.post('/api/auth/login', {
      headers: { 'X-Accord-Csrf': '1' },
      data: { email: 'sam@northwind.example', password: DEMO_PASSWORD },
    });
    expect(login.ok()).toBe(true);
    const [, ws, matrixId] = /\/w\/([^/]+)\/matrices\/([^/?#]+)/.exec(page.url()) ?? [];
    const current = (await (await sam.request.get(`/api/workspaces/${ws}/matrices/${matrixId}`)).json()) as {
      responsibilities: { id: string; title: string; version: number }[];
    };
    const theirs = current.responsibilities.find((row) => row.title === title);
    const renamed = await sam.request.patch(
      `/api/workspaces/${ws}/matrices/${matrixId}/responsibilities/${theirs?.id}`,
      {
        headers: { 'X-Accord-Csrf': '1', 'If-Match': `"${theirs?.version}"` },
        data: { title: 'Restore drill', description: 'Restore one server each quarter.' },
      },
    );
    expect(renamed.ok()).toBe(true);
    await sam.close();

    await dialog.getByLabel('Description').fill('Restore a server and a mailbox.');
    const conflict = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.status() === 412,
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    await conflict;
    const notice = dialog.getByRole('alert').filter({ hasText: 'Someone else changed this responsibility' });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('list', { name: 'Their version' })).toContainText('Restore drill');
    await expect(notice).toContainText('Restore one server each quarter.');
    // What Ida typed is still there until she takes their version.
    await expect(dialog.getByLabel('Description')).toHaveValue('Restore a server and a mailbox.');
    await notice.getByRole('button', { name: 'Use their version' }).click();
    await expect(dialog.getByLabel('Title')).toHaveValue('Restore drill');
    await expect(dialog.getByLabel('Description')).toHaveValue('Restore one server each quarter.');

    await dialog.getByLabel('Title').fill(title);
    const patched = saved(page, 'PATCH', /\/responsibilities\//);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await patched;
    await expect(dialog).toBeHidden();
    await expect(titleCell).toBeFocused();
  });

  await test.step('sets letters by keyboard and from the letter menu; the rule breaks go', async () => {
    await page.keyboard.press('ArrowRight');
    await expect(focusedCell).toHaveAttribute('aria-label', `MSP, ${title}: no letter`);
    let put = saved(page, 'PUT', /\/assignments$/);
    await page.keyboard.press('r');
    await expect(focusedCell).toHaveAttribute('aria-label', `MSP, ${title}: Responsible`);
    await put;

    await page.keyboard.press('ArrowRight');
    put = saved(page, 'PUT', /\/assignments$/);
    await page.keyboard.press('a');
    await expect(focusedCell).toHaveAttribute('aria-label', `Internal IT, ${title}: Accountable`);
    await put;

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: `Business, ${title}` });
    await expect(menu).toBeVisible();
    put = saved(page, 'PUT', /\/assignments$/);
    await menu.getByRole('menuitem', { name: 'Informed' }).click();
    await expect(menu).toBeHidden();
    await expect(focusedCell).toHaveAttribute('aria-label', `Business, ${title}: Informed`);
    await put;
    await expect(titleCell).not.toHaveAccessibleDescription(/Rule breaks/);
  });

  await test.step('Alt+ArrowUp moves it up within its category, which survives a reload; the menu moves it back', async () => {
    await page.keyboard.press('Home');
    await expect(titleCell).toBeFocused();
    await page.keyboard.press('ArrowUp');
    const above = (await focusedCell.getAttribute('aria-label')) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(titleCell).toBeFocused();

    const reordered = saved(page, 'POST', /\/responsibilities\/reorder$/);
    await page.keyboard.press('Alt+ArrowUp');
    await reordered;
    await expect(titleCell).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(focusedCell).toHaveAttribute('aria-label', above);
    await page.keyboard.press('ArrowUp');
    await expect(titleCell).toBeFocused();

    // A link to the category's rows shows the new order after a reload.
    await page.goto(`${page.url().split('?')[0]}?category=backups`);
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(titleCell).toBeVisible();
    let titles = await titlesInOrder(grid);
    expect(titles.indexOf(title)).toBe(titles.indexOf(above) - 1);

    await grid.getByRole('button', { name: `Actions for ${title}` }).click();
    const back = saved(page, 'POST', /\/responsibilities\/reorder$/);
    await page.getByRole('menuitem', { name: 'Move down' }).click();
    await back;
    await expect(titleCell).toBeFocused();
    titles = await titlesInOrder(grid);
    expect(titles.indexOf(title)).toBe(titles.indexOf(above) + 1);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).not.toHaveURL(/category=/);
  });

  await test.step('filters to rows with gaps; the filter lives in the URL', async () => {
    // Clearing the MSP's R leaves nobody responsible: a rule break.
    await titleCell.click();
    await page.keyboard.press('ArrowRight');
    const put = saved(page, 'PUT', /\/assignments$/);
    await page.keyboard.press('Delete');
    await put;
    await expect(titleCell).toHaveAccessibleDescription(/Nobody is responsible/);

    const total = await grid.getByRole('rowheader').count();
    await page.getByRole('switch', { name: 'Only gaps and rule breaks' }).check();
    await expect(page).toHaveURL(/[?&]gaps=1/);
    await expect(page.getByTestId('row-count')).toHaveText(/^\d+ of \d+ responsibilities$/);
    await expect(titleCell).toBeVisible();
    // Help desk tier 1 is covered: not a gap.
    await expect(grid.getByRole('rowheader', { name: 'Help desk tier 1', exact: true })).toHaveCount(0);
    expect(await grid.getByRole('rowheader').count()).toBeLessThan(total);

    await page.reload();
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('switch', { name: 'Only gaps and rule breaks' })).toBeChecked();
    await expect(titleCell).toBeVisible();

    // Keyboard navigation works on the filtered rows.
    await titleCell.click();
    await page.keyboard.press('ArrowDown');
    await expect(focusedCell).toHaveCount(1);
    await page.keyboard.press('ArrowUp');
    await expect(titleCell).toBeFocused();
  });

  await test.step('filters by party and letter, and by title', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).not.toHaveURL(/gaps=1/);
    await page.getByRole('textbox', { name: 'Party' }).click();
    await page.getByRole('option', { name: 'Internal IT' }).click();
    await page.getByRole('textbox', { name: 'Holds' }).click();
    await page.getByRole('option', { name: 'Accountable (A)' }).click();
    await expect(page).toHaveURL(/party=internal_it/);
    await expect(page).toHaveURL(/letter=A/);
    await expect(titleCell).toBeVisible();
    const internalIt = await grid
      .getByRole('gridcell', { name: /^Internal IT, / })
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
    expect(internalIt.length).toBeGreaterThan(0);
    expect(internalIt.filter((label) => !label.endsWith(': Accountable'))).toEqual([]);

    await page.getByRole('textbox', { name: 'Holds' }).click();
    await page.getByRole('option', { name: 'Consulted (C)' }).click();
    await expect(titleCell).toHaveCount(0);

    await page.getByRole('textbox', { name: 'Search' }).fill('quarterly RESTORE');
    await expect(page).toHaveURL(/q=quarterly/);
    await expect(page.getByText('No responsibilities match these filters')).toBeVisible();
    await page.getByRole('textbox', { name: 'Holds' }).click();
    await page.getByRole('option', { name: 'Any letter' }).click();
    await expect(titleCell).toBeVisible();
    await expect(page.getByTestId('row-count')).toHaveText(/^1 of \d+ responsibilities$/);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page.getByTestId('row-count')).toHaveText(/^\d+ responsibilities$/);
    await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('');
  });

  await test.step('adds a custom party "Cloud vendor" who must sign off, and gives it a letter', async () => {
    await page.getByRole('button', { name: 'Parties' }).click();
    const drawer = page.getByRole('dialog', { name: 'Parties' });
    await drawer.getByLabel('Party name').fill('Cloud vendor');
    await drawer.getByRole('switch', { name: 'Must sign off the agreement' }).last().check();
    await drawer.getByRole('button', { name: 'Add party' }).click();
    await expect(drawer.getByRole('switch', { name: 'Cloud vendor must sign off the agreement' })).toBeChecked();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(grid.getByRole('columnheader', { name: /Cloud vendor/ })).toBeVisible();

    // The row is out of view; its entry in the gap report brings it back and focuses it.
    await page
      .getByRole('region', { name: 'Gaps' })
      .getByRole('button', { name: new RegExp(`Nobody does the work for '${title}'`) })
      .click();
    await expect(focusedCell).toHaveAttribute('aria-label', `MSP, ${title}: no letter`);
    await page.keyboard.press('End');
    await expect(focusedCell).toHaveAttribute('aria-label', `Cloud vendor, ${title}: no letter`);
    const put = saved(page, 'PUT', /\/assignments$/);
    await page.keyboard.press('c');
    await put;
    await expect(focusedCell).toHaveAttribute('aria-label', `Cloud vendor, ${title}: Consulted`);
  });

  await test.step('deletes the row after confirming; it stays gone after a reload', async () => {
    await page.keyboard.press('Home');
    await expect(titleCell).toBeFocused();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete this responsibility?' });
    await expect(confirm).toContainText(`“${title}” and its letters are removed from the draft.`);
    await confirm.getByRole('button', { name: 'Delete responsibility' }).click();
    await expect(confirm).toBeHidden();
    await expect(titleCell).toHaveCount(0);
    await expect(focusedCell).toHaveCount(1);
    await page.reload();
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(titleCell).toHaveCount(0);
  });

  await test.step('deletes the cloud vendor again, after confirming', async () => {
    await page.getByRole('button', { name: 'Parties' }).click();
    const drawer = page.getByRole('dialog', { name: 'Parties' });
    await drawer.getByRole('button', { name: 'Delete Cloud vendor' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Cloud vendor”?' });
    await confirm.getByRole('button', { name: 'Delete party' }).click();
    await expect(confirm).toBeHidden();
    await expect(drawer.getByText('Cloud vendor', { exact: true })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(grid.getByRole('columnheader', { name: /Cloud vendor/ })).toHaveCount(0);
  });

  await test.step('renames the matrix from the header, and back', async () => {
    const rename = async (name: string) => {
      await page.getByRole('button', { name: 'Rename', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename matrix' });
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    };
    const original = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await rename('Harbor Dental: who does what');
    await rename(original);
  });
});

test('the business owner reads the matrix without any editing controls', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'olivia@harbordental.example');
  const grid = await openHarborMatrix(page);
  await expect(grid).toHaveAttribute('aria-readonly', 'true');
  await expect(page.getByText('You can read this matrix; your role does not include editing it.')).toBeVisible();
  for (const name of ['Add responsibility', 'Parties', 'Rename']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(grid.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await expect(grid.getByRole('button', { name: /^Add a responsibility to / })).toHaveCount(0);

  // Letters cannot be typed, but Enter on a title shows the responsibility.
  const first = grid.getByRole('rowheader', { name: 'Help desk tier 1', exact: true });
  await first.click();
  await page.keyboard.press('ArrowRight');
  const cell = page.locator('[data-grid-cell]:focus');
  const label = (await cell.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('r');
  await expect(cell).toHaveAttribute('aria-label', label);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Responsibility' });
  await expect(dialog.getByText('Help desk tier 1')).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(first).toBeFocused();
});
