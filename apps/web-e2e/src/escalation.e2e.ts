import { expect, type Page, test } from '@playwright/test';

const DEMO_PASSWORD = 'accord-demo-2026';
/** For the first look after a full page load: on a busy two-core machine a cold load can take longer than expect's 10 s. */
const PAGE_LOAD = { timeout: 30_000 };

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/w\//);
}

/** From the matrices of Harbor Dental (on screen) to the matrix; answers its path, /w/<ws>/matrices/<id>. */
async function openHarborMatrix(page: Page): Promise<string> {
  await page
    .getByRole('link', { name: /Harbor Dental: who owns what in IT/ })
    .first()
    .click();
  await page.waitForURL(/\/w\/[^/]+\/matrices\/[^/?#]+$/);
  return new URL(page.url()).pathname;
}

/** Opens a path of the policy editor's Paths tab by the name of its scope; answers its accordion item. */
async function openPath(page: Page, scope: RegExp) {
  await page.getByRole('tab', { name: /Paths/ }).click();
  const control = page.getByRole('button', { name: scope });
  await control.click();
  await expect(control).toHaveAttribute('aria-expanded', 'true');
  return page.locator('.mantine-Accordion-item').filter({ has: control });
}

test('the MSP engineer simulates a P1 security incident at 02:00 on a Sunday, reviews the security path, and the audit log shows it', async ({
  page,
}) => {
  // Several pages and a reload on a busy machine; each step still waits at most expect's 10 s.
  test.setTimeout(180_000);
  await signIn(page, 'sam@northwind.example');
  await page.getByRole('link', { name: 'Harbor Dental' }).first().click();
  const matrix = await openHarborMatrix(page);

  await page.goto(`${matrix}/escalation`);
  await expect(page.getByRole('heading', { name: 'Escalation policy' })).toBeVisible(PAGE_LOAD);
  await expect(page.getByText('1 path not reviewed')).toBeVisible();

  await test.step('simulates a P1 security incident at 02:00 on a Sunday: the NOC on-call is called at minute 0, on duty', async () => {
    await page.getByRole('link', { name: 'Simulator' }).click();
    await page.getByRole('textbox', { name: 'Responsibility' }).fill('security incident');
    await page.getByRole('option', { name: /^Security incident handling/ }).click();
    await expect(page.getByRole('textbox', { name: 'Severity' })).toHaveValue('P1 Emergency');
    await page.getByRole('button', { name: 'Next Sunday 02:00' }).click();
    await expect(page.getByLabel('Time')).toHaveValue('02:00');
    await expect(page.getByText(/^Sunday \d+ \w+ \d{4}, 02:00$/)).toBeVisible();
    await page.getByRole('button', { name: 'Run simulation' }).click();

    await expect(page).toHaveURL(/[?&]severity=p1(&|$)/);
    await expect(page).toHaveURL(/[?&]at=\d{4}-\d{2}-\d{2}T02%3A00/);
    const result = page.getByRole('region', { name: 'Simulation result' });
    await expect(result.getByText('After hours', { exact: true })).toBeVisible(PAGE_LOAD);
    await expect(result.getByText(/^Respond within 30 minutes$/)).toBeVisible();
    await expect(result.getByText('Not reviewed')).toBeVisible();
    const calls = page.getByRole('region', { name: /Who is called when/ }).locator('.mantine-Timeline-item');
    await expect(calls.first()).toContainText('Minute 0 · 02:00');
    await expect(calls.first()).toContainText('Northwind NOC on-call');
    await expect(calls.first()).toContainText('On duty');
    await expect(calls.first()).toContainText('First to answer');
    await expect(calls.nth(1)).toContainText('Minute 10 · 02:10');
    await expect(calls.nth(1)).toContainText('Sam Patel');
  });

  await test.step('the scenario lives in the address: reloading the link shows the same timeline', async () => {
    await page.reload();
    const first = page
      .getByRole('region', { name: /Who is called when/ })
      .locator('.mantine-Timeline-item')
      .first();
    await expect(first).toContainText('Northwind NOC on-call', PAGE_LOAD);
    await expect(page.getByRole('textbox', { name: 'Responsibility' })).toHaveValue(/^Security incident handling/);
  });

  await test.step('marks the security path reviewed', async () => {
    await page.getByRole('link', { name: 'Escalation policy' }).click();
    const path = await openPath(page, /^Threat response/);
    await expect(path.getByText('Not reviewed', { exact: true }).last()).toBeVisible();
    const markReviewed = path.getByRole('button', { name: 'Mark reviewed' });
    await expect(markReviewed).toBeEnabled();
    const reviewed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/paths/security_incidents/review') && r.ok(),
    );
    await markReviewed.click();
    await reviewed;
    await expect(path.getByText(/^Reviewed by Sam Patel on \d+ \w+ \d{4}$/)).toBeVisible();
    await expect(markReviewed).toHaveCount(0);
    await expect(page.getByText('1 path not reviewed')).toHaveCount(0);
  });

  await test.step('the audit log shows the review', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    const row = page.getByRole('row').filter({ hasText: 'reviewed an escalation path of' }).first();
    await expect(row).toBeVisible(PAGE_LOAD);
    await expect(row).toContainText('Sam Patel');
  });
});

test('the client IT admin sees a negative wait refused at the field, nothing is sent, and she cannot mark a path reviewed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'ida@harbordental.example');
  await page
    .getByRole('link', { name: /^Matrix$/ })
    .first()
    .click();
  const matrix = await openHarborMatrix(page);
  await page.goto(`${matrix}/escalation`);
  const path = await openPath(page, /^Threat response/);

  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/escalation-policy')) writes.push(request.url());
  });

  await test.step('a negative wait in the after-hours steps is shown at that field and in the summary', async () => {
    const wait = path.getByRole('region', { name: 'After-hours steps' }).getByLabel('Wait, step 1');
    await wait.fill('-5');
    await expect(wait).toHaveAttribute('aria-invalid', 'true');
    await expect(path.getByRole('region', { name: 'After-hours steps' }).getByText('Cannot be negative')).toBeVisible();
    const summary = page.getByRole('alert').filter({ hasText: 'to fix before saving' });
    await expect(summary).toContainText('Path for Threat response · after-hours step 1 · wait');
    await expect(summary).toContainText('Cannot be negative');
    await expect(page.getByText('Unsaved changes')).toBeVisible();
  });

  await test.step('saving is refused in the browser, so nothing reaches the API', async () => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Not saved yet')).toBeVisible();
    expect(writes).toEqual([]);
  });

  await test.step('there is no way for her to mark the path reviewed', async () => {
    // Reviewed or not (the engineer's journey may have reviewed it), the review is the MSP's to give.
    await expect(path.getByText(/^(Not reviewed|Reviewed by .+)$/).last()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark reviewed' })).toHaveCount(0);
  });

  await test.step('discarding puts the saved policy back', async () => {
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(page.getByText('All changes saved')).toBeVisible();
    await expect(path.getByRole('region', { name: 'After-hours steps' }).getByLabel('Wait, step 1')).toHaveValue(
      '10 min',
    );
    expect(writes).toEqual([]);
  });
});
