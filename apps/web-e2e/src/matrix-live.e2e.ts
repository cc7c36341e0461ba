import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';

const DEMO_PASSWORD = 'accord-demo-2026';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/w\//);
}

async function openHarborMatrix(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Harbor Dental: who owns what in IT/ }).first().click();
  await expect(page.getByRole('grid')).toBeVisible();
}

test('Harbor Dental\'s IT admin sets a letter by keyboard, the gaps follow, the MSP engineer sees it live, and the XLSX export carries it', async ({ page, browser }) => {
  test.setTimeout(120_000);

  // The MSP engineer has the same matrix open in another browser.
  const sam = await (await browser.newContext()).newPage();
  await signIn(sam, 'sam@northwind.example');
  await sam.getByRole('link', { name: 'Harbor Dental' }).first().click();
  await openHarborMatrix(sam);

  await signIn(page, 'ida@harbordental.example');
  await page.getByRole('link', { name: /^Matrix$/ }).first().click();
  await openHarborMatrix(page);
  const grid = page.getByRole('grid');
  const accountable = grid.getByRole('gridcell', { name: /: Accountable$/ }).first();
  const label = (await accountable.getAttribute('aria-label')) ?? '';
  const cellName = label.slice(0, label.indexOf(':'));
  const row = cellName.slice(cellName.indexOf(', ') + 2);

  await test.step('clears the accountable party with the keyboard, and the gap panel names the row', async () => {
    await expect(page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: new RegExp(`accountable for '${escape(row)}'`) })).toHaveCount(0);
    await accountable.click();
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.ok());
    await page.keyboard.press('Delete');
    await saved;
    await expect(grid.getByRole('gridcell', { name: `${cellName}: no letter` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: new RegExp(`accountable for '${escape(row)}'`) })).toBeVisible();
  });

  await test.step('the engineer sees the change without reloading', async () => {
    await expect(sam.getByRole('grid').getByRole('gridcell', { name: `${cellName}: no letter` })).toBeVisible({ timeout: 5000 });
  });

  await test.step('sets it back to Accountable by typing A, and the gap goes', async () => {
    await grid.getByRole('gridcell', { name: `${cellName}: no letter` }).click();
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.ok());
    await page.keyboard.press('a');
    await saved;
    await expect(page.getByRole('region', { name: 'Gaps' }).getByRole('button', { name: new RegExp(`accountable for '${escape(row)}'`) })).toHaveCount(0);
    await expect(sam.getByRole('grid').getByRole('gridcell', { name: `${cellName}: Accountable` })).toBeVisible({ timeout: 5000 });
  });

  await test.step('the XLSX export downloads and parses back to the same letters', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Excel workbook/ }).click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile(file);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const party = cellName.slice(0, cellName.indexOf(', '));
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    const exported = rows.find((r) => r.getCell(header.indexOf('Responsibility') + 1).text === row);
    expect(exported?.getCell(header.indexOf(party) + 1).text).toBe('A');
    // The grid draws only the rows in view, so the letters of the whole matrix come from the API
    // the grid shows them from.
    const [, ws, matrixId] = /\/w\/([^/]+)\/matrices\/([^/?#]+)/.exec(page.url()) ?? [];
    const matrix = (await (await page.request.get(`/api/workspaces/${ws}/matrices/${matrixId}`)).json()) as {
      responsibilities: { letters: Record<string, string> }[];
    };
    const lettersInMatrix = matrix.responsibilities.reduce((n, r) => n + Object.keys(r.letters).length, 0);
    const lettersInFile = rows.reduce((n, r) => n + header.slice(7).filter((_, i) => /^[RACI]$/.test(r.getCell(8 + i).text)).length, 0);
    expect(lettersInFile).toBe(lettersInMatrix);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
