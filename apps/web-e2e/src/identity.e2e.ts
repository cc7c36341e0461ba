import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { linkIn, waitForMails } from './support/mailbox';

const PASSWORD = 'correct-horse-battery-2026';

test('the MSP admin signs up, creates a client and invites its IT admin by e-mail; the invitee accepts in a second browser and sees only that client; the audit log shows every step and "chain verified"', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const run = Date.now();
  const workspaceName = `Northwind E2E ${run}`;
  const clientName = `Harbor Dental ${run}`;
  const otherClientName = `Summit Logistics ${run}`;
  const adminEmail = `alex.${run}@northwind.example`;
  const inviteeEmail = `ida.${run}@harbordental.example`;

  await test.step('the MSP admin signs up and lands in the new, empty workspace', async () => {
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Start free' }).click();
    await page.getByLabel('Company name').fill(workspaceName);
    await page.getByLabel('Your name').fill('Alex Morgan');
    await page.getByLabel('Work e-mail').fill(adminEmail);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create workspace' }).click();

    await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}\/clients$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No active clients' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Workspace' })).toHaveValue(workspaceName);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link', { name: 'People' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Audit log' })).toBeVisible();
  });

  await test.step('creates two clients', async () => {
    for (const name of [clientName, otherClientName]) {
      await page
        .getByRole('button', { name: /New client|Add your first client/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'New client' });
      await dialog.getByLabel('Client name').fill(name);
      await dialog.getByRole('button', { name: 'Create client' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
    }
  });

  let acceptUrl = '';
  await test.step("invites the client's IT admin, who gets the link by e-mail", async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('E-mail').fill(inviteeEmail);
    await invite.getByRole('textbox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Internal IT admin' }).click();
    await invite.getByRole('textbox', { name: 'Client' }).click();
    await page.getByRole('option', { name: clientName }).click();
    await invite.getByRole('button', { name: 'Send invitation' }).click();

    // Mail goes out (the journeys run with a local SMTP server), so the page shows no link to pass on.
    await expect(page.getByText(`Invitation e-mailed to ${inviteeEmail}.`)).toBeVisible();
    await expect(page.getByTestId('accept-url')).toHaveCount(0);
    const [mail] = await waitForMails((m) => m.to.includes(inviteeEmail));
    expect(mail.subject).toBe(`Alex Morgan invited you to ${workspaceName} on Accord`);
    expect(mail.text).toContain(`for ${clientName} as Internal IT admin`);
    acceptUrl = linkIn(mail.text) ?? '';
    expect(acceptUrl).toMatch(/\/invitations\/[\w-]{20,}$/);
    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await expect(pending.getByRole('row').filter({ hasText: inviteeEmail })).toContainText(clientName);
  });

  await test.step('the invitee accepts in a browser of their own and sees only their client', async () => {
    const invitee = await browser.newContext({ baseURL });
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(new URL(acceptUrl).pathname);

    await expect(inviteePage.getByRole('heading', { level: 1, name: `Join ${workspaceName}` })).toBeVisible();
    await expect(inviteePage.getByText('Internal IT admin', { exact: true })).toBeVisible();
    await expect(inviteePage.getByText(clientName, { exact: true })).toBeVisible();
    await expect(inviteePage.getByLabel('E-mail')).toHaveValue(inviteeEmail);
    await inviteePage.getByLabel('Your name').fill('Ida Lindqvist');
    await inviteePage.getByLabel(/^Choose a password/).fill(PASSWORD);
    await inviteePage.getByLabel(/^Confirm password/).fill(PASSWORD);
    await inviteePage.getByRole('button', { name: 'Create account and join' }).click();

    await expect(inviteePage).toHaveURL(/\/w\/[0-9a-f-]{36}\/clients$/);
    await expect(inviteePage.getByRole('heading', { level: 1, name: 'Your company' })).toBeVisible();
    const clients = inviteePage.getByRole('table', { name: 'Clients' });
    await expect(clients.getByRole('cell', { name: clientName, exact: true })).toBeVisible();
    await expect(clients.getByRole('row')).toHaveCount(2); // the header and their one client
    await expect(inviteePage.getByText(otherClientName)).toHaveCount(0);
    await expect(inviteePage.getByRole('button', { name: 'New client' })).toHaveCount(0);
    const navigation = inviteePage.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'People' })).toHaveCount(0);
    await invitee.close();
  });

  await test.step('the audit log shows every step, the chain verified, and exports them as CSV', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const events = page.getByRole('table', { name: 'Audit events, newest first' });
    const row = (text: string | RegExp) => events.getByRole('row').filter({ hasText: text });

    await expect(row('signed up')).toContainText('Alex Morgan');
    await expect(row(`created the workspace ${workspaceName}`)).toBeVisible();
    await expect(row(`created client ${clientName}`)).toContainText('MSP admin');
    await expect(row(`created client ${otherClientName}`)).toBeVisible();
    await expect(row(`invited ${inviteeEmail}`)).toContainText(clientName);
    await expect(row('accepted an invitation')).toContainText('Ida Lindqvist');
    await expect(row('joined the workspace').filter({ hasText: 'Ida Lindqvist' })).toContainText('Internal IT admin');
    await expect(page.getByTestId('chain-status')).toHaveText(/^Chain verified · \d+ events$/);

    // The invitation's details read as fields, not JSON.
    await row(`invited ${inviteeEmail}`)
      .getByRole('button', { name: /Show details/ })
      .click();
    const changes = events.getByRole('listitem');
    await expect(changes.filter({ hasText: /^E-mail/ })).toContainText(inviteeEmail);
    await expect(changes.filter({ hasText: /^Role/ })).toContainText('Internal IT admin');
    await expect(changes.filter({ hasText: /^Client/ })).toContainText(clientName);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^accord-audit-northwind-e2e-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Seq,Time (UTC),Actor,Actor role,Action,Description');
    expect(csv).toContain(`created client ${clientName}`);
    expect(csv).toContain('invitation.accepted');
  });
});
