import { type Browser, expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { linkIn, waitForMails } from './support/mailbox';

const DEMO_PASSWORD = 'accord-demo-2026';
const MATRIX = 'Harbor Dental: who owns what in IT';
const ROW = 'User onboarding';
const REASON = 'We onboard every new hire ourselves since we moved to the new HR system.';

const people = {
  ida: { email: 'ida@harbordental.example', name: 'Ida Lindqvist' },
  sam: { email: 'sam@northwind.example', name: 'Sam Patel' },
  olivia: { email: 'olivia@harbordental.example', name: 'Olivia Chen' },
};

/** A browser of its own for one person, signed in. */
async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/w\//);
  return page;
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** Opens the bell and follows the notification whose title matches. */
async function followNotification(page: Page, title: RegExp): Promise<void> {
  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const popover = page.getByRole('dialog', { name: 'Notifications' });
  await popover.getByRole('button', { name: title }).first().click();
  await expect(popover).toBeHidden();
}

/** All the text of a PDF, page by page, as pdf.js extracts it. */
async function pdfText(file: string): Promise<string> {
  const data = new Uint8Array(await readFile(file));
  const pdf = await getDocument({ data, useSystemFonts: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

test('Ida claims "User onboarding" for internal IT, Sam accepts and requests sign-off signing for the MSP, Ida and Olivia sign by typing their names: the version is in effect, its certificate holds the hash, and every signature request came by mail', async ({
  browser,
  baseURL,
}) => {
  // Three browsers and a PDF on a loaded two-core box: minutes, not seconds.
  test.setTimeout(300_000);

  const ida = await signedIn(browser, baseURL, people.ida.email);

  await test.step('Ida claims the row for internal IT from the claims inbox, with the RACI rules checked as she chooses', async () => {
    await openDashboard(ida);
    await ida.getByRole('row').filter({ hasText: MATRIX }).getByRole('link', { name: 'Claims', exact: true }).click();
    await expect(ida.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible();
    await ida.getByRole('button', { name: 'New claim' }).click();

    const dialog = ida.getByRole('dialog', { name: 'New claim' });
    await dialog.getByRole('textbox', { name: 'Responsibility' }).fill(ROW);
    await ida.getByRole('option', { name: ROW, exact: true }).click();
    const letter = (party: string) => dialog.getByRole('radiogroup', { name: `Proposed letter for ${party}` });
    // Internal IT does the work alone first: nobody would be accountable, and the modal says so.
    await letter('Internal IT').getByText('R', { exact: true }).click();
    await letter('MSP').getByText('None', { exact: true }).click();
    await expect(dialog.getByText('Nobody is accountable (A) for this responsibility.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Send claim' })).toBeDisabled();
    // Internal IT responsible, the business accountable, the MSP consulted.
    await letter('Business').getByText('A', { exact: true }).click();
    await letter('MSP').getByText('C', { exact: true }).click();
    await expect(dialog.getByText('Follows the RACI rules. If accepted:')).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'What the claim changes' }).getByRole('listitem')).toHaveCount(3);
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('button', { name: 'Send claim' }).click();
    await expect(dialog).toBeHidden();

    const card = ida.getByRole('article', { name: `Claim on ${ROW}` });
    await expect(card).toContainText('You claim it for internal IT');
    await expect(card).toContainText(REASON);
    await expect(card).toContainText('Waiting for the MSP to accept or decline.');
    await expect(card.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  });

  const sam = await signedIn(browser, baseURL, people.sam.email);
  let matrixPath = '';

  await test.step('Sam sees the claim in his bell, opens the inbox from it and accepts', async () => {
    await followNotification(sam, new RegExp(`Ida Lindqvist claims “${ROW}” for internal IT`));
    await expect(sam).toHaveURL(/\/w\/[^/]+\/matrices\/[^/]+\/claims$/);
    matrixPath = new URL(sam.url()).pathname.replace(/\/claims$/, '');
    const card = sam.getByRole('article', { name: `Claim on ${ROW}` });
    await expect(card).toContainText('Ida Lindqvist claims it for internal IT');
    await expect(card).toContainText(REASON);
    await expect(card).toContainText(`Internal IT becomes Responsible for '${ROW}'`);
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect(sam.getByText('Claim accepted')).toBeVisible();

    await sam.getByRole('tab', { name: /Accepted/ }).click();
    await expect(sam.getByRole('article', { name: `Claim on ${ROW}` }).first()).toContainText('Accepted by Sam Patel');
  });

  let version = 0;
  let hash = '';

  await test.step('Sam requests sign-off and signs for the MSP in the same step', async () => {
    await sam
      .getByRole('navigation', { name: 'Pages of this matrix' })
      .getByRole('link', { name: 'Versions & sign-off' })
      .click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Versions & sign-off' })).toBeVisible();
    await sam.getByRole('button', { name: 'Request sign-off' }).first().click();
    const dialog = sam.getByRole('dialog', { name: 'Request sign-off' });
    // The demo database is shared by every journey of a run: say so plainly if one left the draft broken.
    const broken = dialog.getByRole('alert').filter({ hasText: 'The draft breaks a RACI rule' });
    if (await broken.isVisible()) {
      throw new Error(
        `Harbor Dental's demo draft breaks a RACI rule (${await broken.innerText()}). Another journey must have stopped half-way through an edit; this one needs the draft to keep the rules.`,
      );
    }
    await expect(dialog.getByText('The draft follows the RACI rules.', { exact: false })).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Sign for MSP now' }).check();
    const send = dialog.getByRole('button', { name: 'Request sign-off and sign' });
    await dialog.getByLabel('Type your name to sign').fill('Sam Pat');
    await expect(send).toBeDisabled();
    await dialog.getByLabel('Type your name to sign').fill(people.sam.name);
    await send.click();

    await expect(sam).toHaveURL(/\/versions\/\d+$/);
    version = Number(/\/versions\/(\d+)$/.exec(sam.url())?.[1]);
    await expect(sam.getByRole('heading', { level: 1, name: `Version ${version}` })).toBeVisible();
    await expect(sam.getByTestId('signer-progress')).toHaveText('1 of 3 signed');
    await expect(sam.getByRole('listitem', { name: 'MSP' })).toContainText('Signed');
    await expect(sam.getByRole('listitem', { name: 'MSP' })).toContainText(people.sam.name);
    hash = (await sam.getByTestId('version-hash').getAttribute('data-hash')) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  await test.step('each signature request arrived by mail, with the link to the version and its hash', async () => {
    const subject = (party: string) =>
      `Accord: Your signature is requested for ${MATRIX}, version ${version} (${party})`;
    const requests = await waitForMails(
      (mail) =>
        mail.subject.startsWith('Accord: Your signature is requested') && mail.subject.includes(`version ${version} `),
      {
        done: (found) =>
          [people.ida.email, people.olivia.email].every((to) => found.some((mail) => mail.to.includes(to))),
      },
    );
    const to = (email: string) => requests.find((mail) => mail.to.includes(email));
    expect(to(people.ida.email)?.subject).toBe(subject('Internal IT'));
    expect(to(people.olivia.email)?.subject).toBe(subject('Business'));
    // Sam signed as he asked: nobody asks him by mail.
    expect(to(people.sam.email)).toBeUndefined();
    for (const mail of [to(people.ida.email), to(people.olivia.email)]) {
      expect(mail?.text).toContain(hash);
      expect(new URL(linkIn(mail?.text ?? '') ?? 'http://x/').pathname).toBe(`${matrixPath}/versions/${version}`);
    }
  });

  await test.step('Ida opens the version from her bell, reads it, and signs by typing her name', async () => {
    await ida.reload();
    await followNotification(ida, new RegExp(`Your signature is requested for .*version ${version} \\(Internal IT\\)`));
    await expect(ida).toHaveURL(new RegExp(`${matrixPath}/versions/${version}$`));
    await expect(ida.getByRole('heading', { level: 2, name: 'What changes' })).toBeVisible();
    const row = ida
      .getByRole('table', { name: `Responsibilities of version ${version}` })
      .getByRole('row')
      .filter({ hasText: ROW });
    await expect(row.getByRole('cell').nth(0).getByLabel('Consulted')).toBeVisible();
    await expect(row.getByRole('cell').nth(1).getByLabel('Responsible')).toBeVisible();
    await expect(row.getByRole('cell').nth(2).getByLabel('Accountable')).toBeVisible();
    await expect(ida.getByTestId('version-hash')).toHaveAttribute('data-hash', hash);

    await ida.getByRole('button', { name: 'Sign for Internal IT' }).click();
    const dialog = ida.getByRole('dialog', { name: `Sign version ${version} for Internal IT` });
    const sign = dialog.getByRole('button', { name: 'Sign for Internal IT' });
    await expect(sign).toBeDisabled();
    await dialog.getByLabel('Type your full name to sign').fill('ida lindqvist');
    await sign.click();
    await expect(dialog).toBeHidden();
    await expect(ida.getByTestId('signer-progress')).toHaveText('2 of 3 signed');
    await expect(ida.getByRole('button', { name: 'Sign for Internal IT' })).toHaveCount(0);
  });

  const olivia = await signedIn(browser, baseURL, people.olivia.email);

  await test.step('Olivia opens the pending sign-off from her dashboard and signs for the business', async () => {
    await openDashboard(olivia);
    await olivia
      .getByRole('row')
      .filter({ hasText: MATRIX })
      .getByRole('link', { name: `Version ${version} awaits signatures` })
      .click();
    await expect(olivia.getByRole('heading', { level: 1, name: `Version ${version}` })).toBeVisible();
    await olivia.getByRole('button', { name: 'Sign for Business' }).click();
    const dialog = olivia.getByRole('dialog', { name: `Sign version ${version} for Business` });
    await dialog.getByLabel('Type your full name to sign').fill(people.olivia.name);
    await dialog.getByRole('button', { name: 'Sign for Business' }).click();
    await expect(dialog).toBeHidden();

    await expect(olivia.getByTestId('signer-progress')).toHaveText('3 of 3 signed');
    const header = olivia.getByRole('main');
    await expect(header.getByText('Approved', { exact: true }).first()).toBeVisible();
    await expect(header.getByText('In effect', { exact: true }).first()).toBeVisible();
    await expect(olivia.getByText('Approved and in effect', { exact: true })).toBeVisible();
  });

  await test.step('the certificate PDF downloads and its text holds the version’s hash', async () => {
    const downloading = olivia.waitForEvent('download');
    await olivia.getByRole('link', { name: 'Download certificate (PDF)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`v${version} certificate\\.pdf$`));
    const text = await pdfText(await download.path());
    expect(text.replace(/\s+/g, '')).toContain(hash);
  });

  await test.step('Sam sees the version approved and in effect in the versions list', async () => {
    await sam.goto(`${matrixPath}/versions`);
    const listed = sam
      .getByRole('table', { name: 'Versions, newest first' })
      .getByRole('row')
      .filter({ hasText: `Version ${version}` });
    await expect(listed).toContainText('Approved');
    await expect(listed).toContainText('In effect');
    await expect(listed).toContainText('3 of 3 signed');
  });

  for (const page of [ida, sam, olivia]) await page.context().close();
});
