import { expect, type Page, test } from '@playwright/test';

const ROWS = 1000;
const CSRF = { 'X-Accord-Csrf': '1' };
/** Categories by key, as an imported file may name them. */
const CATEGORIES = [
  'help_desk',
  'onboarding',
  'identity_access',
  'endpoint_security',
  'patching',
  'backups',
  'networking',
  'cloud',
  'devices',
  'compliance',
];
/** Each measurement is the median of this many runs, taken in turns with the small matrix. */
const RUNS = 5;

/** A CSV in the export's layout with `count` rows spread over the categories; every 7th row lacks an A. */
function bigCsv(count: number): string {
  const header = [
    'Category',
    'Key',
    'Responsibility',
    'Description',
    'Critical',
    'After hours',
    'Tool access',
    'MSP',
    'Internal IT',
    'Business',
  ];
  const lines = [header.join(',')];
  for (let i = 1; i <= count; i += 1) {
    const category = CATEGORIES[i % CATEGORIES.length] ?? 'help_desk';
    const letters = i % 7 === 0 ? ['R', 'C', 'I'] : ['R', 'A', 'I'];
    lines.push(
      [
        category,
        '',
        `Responsibility ${String(i).padStart(4, '0')}`,
        '',
        i % 5 === 0 ? 'yes' : '',
        '',
        '',
        ...letters,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

// Recording a trace snapshots the page during every action, which would weigh on the timings.
test.use({ trace: 'off' });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Opens a matrix from its client's list and measures, in the page, the time from the matrix's
 * answer arriving to its first row drawn (network and route loading are not counted).
 */
async function firstRenderMs(page: Page, listPath: string, matrixName: string): Promise<number> {
  await page.goto(listPath);
  await page.evaluate(() => {
    new MutationObserver((_changes, observer) => {
      if (document.querySelector('[role="grid"] [data-grid-cell]')) {
        (window as unknown as { gridDrawnAt: number }).gridDrawnAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('link', { name: matrixName, exact: true }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  return page.evaluate(() => {
    const answer = performance
      .getEntriesByType('resource')
      .filter((entry) => /\/matrices\/[^/]+$/.test(new URL(entry.name).pathname))
      .at(-1) as PerformanceResourceTiming | undefined;
    const drawn = (window as unknown as { gridDrawnAt?: number }).gridDrawnAt;
    return answer && drawn !== undefined ? drawn - answer.responseEnd : Number.NaN;
  });
}

/** Types a letter into the focused cell and measures, in the page, until the cell shows it. */
function keyToCellMs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cell = document.activeElement as HTMLElement;
        const before = cell.getAttribute('aria-label') ?? '';
        const key = before.endsWith(': Informed') ? 'c' : 'i';
        const pressed = performance.now();
        new MutationObserver((_changes, observer) => {
          if (cell.getAttribute('aria-label') !== before) {
            observer.disconnect();
            resolve(performance.now() - pressed);
          }
        }).observe(cell, { attributes: true, attributeFilter: ['aria-label'] });
        cell.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }),
  );
}

async function typingMs(page: Page): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.getByRole('grid').getByRole('gridcell').nth(i).focus();
    const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.ok());
    // The matrix is fetched again once the save settled; measure the next key after that.
    const refetched = page.waitForResponse(
      (response) =>
        response.request().method() === 'GET' && /\/matrices\/[^/]+$/.test(new URL(response.url()).pathname),
    );
    times.push(await keyToCellMs(page));
    await saved;
    await refetched;
  }
  return median(times);
}

test(`a matrix of ${ROWS} responsibilities draws only the rows in view, opens and edits about as fast as a small one, and scrolls to far rows by keyboard`, async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = Date.now();

  // A workspace of its own, set up through the API: a small matrix from the template, and a large one.
  const signup = await page.request.post('/api/auth/signup', {
    headers: CSRF,
    data: {
      workspaceName: `Large Matrix ${run}`,
      name: 'Lara Large',
      email: `lara.${run}@large.example`,
      password: 'correct-horse-battery-2026',
    },
  });
  expect(signup.ok()).toBe(true);
  const workspaceId = ((await signup.json()) as { memberships: { workspaceId: string }[] }).memberships[0]?.workspaceId;
  const client = await page.request.post(`/api/workspaces/${workspaceId}/clients`, {
    headers: CSRF,
    data: { name: 'Big Client' },
  });
  const clientId = ((await client.json()) as { id: string }).id;
  const listPath = `/w/${workspaceId}/clients/${clientId}/matrices`;
  const newMatrix = async (name: string) => {
    const created = await page.request.post(`/api/workspaces/${workspaceId}/clients/${clientId}/matrices`, {
      headers: CSRF,
      data: { name, template: 'co_managed' },
    });
    return (await created.json()) as { id: string; version: number; responsibilities: unknown[] };
  };
  const small = await newMatrix('The template');
  const large = await newMatrix('A thousand rows');
  const imported = await page.request.post(`/api/workspaces/${workspaceId}/matrices/${large.id}/import`, {
    headers: { ...CSRF, 'If-Match': `"${large.version}"` },
    multipart: { file: { name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv(ROWS)) } },
  });
  expect(imported.ok()).toBe(true);

  const grid = page.getByRole('grid');
  const focusedCell = page.locator('[data-grid-cell]:focus');

  await test.step(`opening and typing take about as long as in the ${small.responsibilities.length}-row template (ratio in the same run)`, async () => {
    const smallRender: number[] = [];
    const largeRender: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      smallRender.push(await firstRenderMs(page, listPath, 'The template'));
      largeRender.push(await firstRenderMs(page, listPath, 'A thousand rows'));
    }
    const largeTyping = await typingMs(page);
    await firstRenderMs(page, listPath, 'The template');
    const smallTyping = await typingMs(page);

    const report = {
      [`first render, ${ROWS} rows (ms)`]: median(largeRender),
      [`first render, ${small.responsibilities.length} rows (ms)`]: median(smallRender),
      [`key press to updated cell, ${ROWS} rows (ms)`]: largeTyping,
      [`key press to updated cell, ${small.responsibilities.length} rows (ms)`]: smallTyping,
    };
    for (const [type, ms] of Object.entries(report)) test.info().annotations.push({ type, description: ms.toFixed(1) });
    console.log(
      Object.entries(report)
        .map(([type, ms]) => `${type}: ${ms.toFixed(1)}`)
        .join('\n'),
    );
    // Drawing every row would make the large matrix many times slower than the small one. The
    // bounds are loose: the machines that run these journeys are shared and their timings noisy.
    expect(median(largeRender) / median(smallRender)).toBeLessThan(4);
    expect(largeTyping / smallTyping).toBeLessThan(5);
  });

  await test.step('the grid counts every line but draws a screenful', async () => {
    await firstRenderMs(page, listPath, 'A thousand rows');
    await expect(page.getByTestId('row-count')).toHaveText(`${ROWS} responsibilities`);
    // Every row and category heading counts, plus the header row.
    await expect(grid).toHaveAttribute('aria-rowcount', String(ROWS + CATEGORIES.length + 1));
    const drawn = await grid.locator('tr[aria-rowindex]').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(80);
  });

  await test.step('Ctrl+End scrolls to the last row and focuses its last cell; Ctrl+Home and PageDown follow', async () => {
    await grid
      .getByRole('rowheader', { name: /^Responsibility \d+$/ })
      .first()
      .click();
    await page.keyboard.press('Control+End');
    await expect(focusedCell).toHaveAttribute('aria-label', /^Business, Responsibility \d+: /);
    const focusedRow = page.locator('tr:has([data-grid-cell]:focus)');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', String(ROWS + CATEGORIES.length + 1));
    await expect(focusedCell).toBeInViewport();
    await page.keyboard.press('Control+Home');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', '3');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(focusedCell).toBeInViewport();
    expect(await grid.locator('tr[aria-rowindex]').count()).toBeLessThan(80);
  });
});
