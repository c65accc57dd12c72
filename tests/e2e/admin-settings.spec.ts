import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startSmtpReceiver, startWebhookReceiver } from '../integration/notifications/receivers';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';
import { fillDate } from './support/date-field';

/**
 * What an administrator sets up and reads back in Settings and on a project page: email (to a real
 * SMTP server on loopback) and a webhook (to a real HTTP receiver), each delivery in the log, the
 * audit trail of those changes, a project copied from a template, and the plan exported as CSV.
 */
const admin = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-51-diffraction' };

let host: ServedHost | undefined;
const closers: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  for (const close of closers.splice(0)) await close();
});

async function openNotificationSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Notifications' }).click();
}

test('email and webhook settings deliver through the outbox, each delivery is in the log, and the audit trail lists the changes', async ({ page }) => {
  const smtp = await startSmtpReceiver();
  const receiver = await startWebhookReceiver(() => 200);
  closers.push(smtp.close, receiver.close);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await openNotificationSettings(page);

  // Email: the lab's SMTP relay, then a test email that the server accepts.
  const email = page.getByRole('form', { name: 'Email settings' });
  await email.getByLabel('SMTP server').fill('127.0.0.1');
  await email.getByLabel('Port').fill(String(smtp.port));
  await email.getByLabel('Encryption').click();
  await page.getByRole('option', { name: 'None (lab relay only)' }).click();
  await email.getByLabel('User name').fill('labflow');
  await email.getByLabel('Password').fill('smtp-secret-42');
  await email.getByLabel('Sender address').fill('labflow@lab.example');
  await email.getByLabel('Sender name').fill('LabFlow');
  await email.getByRole('button', { name: 'Save email settings' }).click();
  await expect(email.getByText('Email settings saved. The password is stored encrypted.')).toBeVisible();
  await page.getByLabel('Send a test email to').fill('qa@lab.example');
  await page.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByTestId('test-email-outcome')).toContainText('Sent. The server answered:');
  expect(smtp.mails.map((m) => m.to)).toEqual([['qa@lab.example']]);

  // A webhook for messages from the administrator: its secret is shown once.
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('LIMS');
  await dialog.getByLabel('Address').fill('http://169.254.169.254/latest/meta-data/');
  await dialog.getByLabel('Messages from the administrator').check();
  await dialog.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog.getByText('This address points at a link-local or cloud-metadata service, which webhooks may not reach.')).toBeVisible();
  await dialog.getByLabel('Address').fill(receiver.url);
  await dialog.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('webhook-secret')).toContainText('whsec_');
  await expect(page.getByTestId('webhook-row')).toHaveCount(1);
  await expect(page.getByTestId('webhook-row')).toContainText('LIMS');

  // A message from the administrator goes out by webhook; the log shows it delivered with the receiver's answer.
  await page.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: admin.name }).click();
  await page.getByRole('textbox', { name: 'Subject' }).fill('Freezer F-3 alarm test');
  await page.getByRole('button', { name: 'Send test notification' }).click();
  const log = page.getByRole('table', { name: 'All deliveries (outbox)' });
  const webhookRow = log.getByTestId('delivery-row').filter({ hasText: 'Freezer F-3 alarm test' }).filter({ hasText: 'webhook' });
  await expect(webhookRow).toContainText('Delivered');
  await expect(webhookRow).toContainText('HTTP 200');
  expect(receiver.hooks).toHaveLength(1);
  expect(JSON.parse(receiver.hooks[0]!.body)).toMatchObject({ event: 'system', subject: 'Freezer F-3 alarm test' });
  await expect(log.getByTestId('delivery-row').filter({ hasText: 'qa@lab.example' })).toContainText('Delivered');
  await saveScreenshot(page, 'settings-notifications-delivery-log');

  // Switched off, the webhook gets nothing more.
  await page.getByLabel('LIMS is active').click();
  await expect(page.getByLabel('LIMS is active')).not.toBeChecked();

  // The audit trail lists who changed what, newest first, in words a lab person reads.
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  const trail = page.getByRole('table', { name: 'Audit trail' });
  await expect(trail.getByRole('row').filter({ hasText: 'Changed a webhook' }).first()).toContainText(admin.name);
  await expect(trail.getByRole('row').filter({ hasText: 'Added a webhook' })).toHaveCount(1);
  await expect(trail.getByRole('row').filter({ hasText: 'Changed the email settings' })).toHaveCount(1);
  // Secrets are said to change, never shown: neither the SMTP password nor any ciphertext.
  await expect(trail.getByRole('row').filter({ hasText: 'Added a webhook' })).toContainText('Secret: — → changed');
  await expect(trail).not.toContainText('smtp-secret-42');
  await expect(trail).not.toContainText('kf1:');
  await saveScreenshot(page, 'settings-audit-trail');
});

test('a project copied from another as a template keeps its plan moved to the new start, and the plan exports as CSV', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, [
    { name: 'projects/create', input: { code: 'STAB-26', name: 'Stability study', startDate: '2026-03-02' } },
    { name: 'tasks/create', input: { projectId: '$0', title: 'Pull samples', startDate: '2026-03-02', dueDate: '2026-03-04' } },
    { name: 'tasks/create', input: { projectId: '$0', title: 'Assay, "month 6"', startDate: '2026-03-05', dueDate: '2026-03-06', dependsOn: ['$1'] } },
  ]);

  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Open Stability study' }).click();

  // The plan as CSV: one row per task, the quote in a title escaped, the dependency by code.
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Plan as CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toMatch(/^STAB-26.*\.csv$/);
  const text = readFileSync((await csv.path())!, 'utf8');
  const lines = text.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('Pull samples');
  expect(lines[1]).toContain('2026-03-02');
  expect(lines[2]).toContain('"Assay, ""month 6"""');

  // A new project from it, starting four weeks later: the tasks and their link come along, dates moved.
  await page.getByRole('button', { name: 'Use as template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project from STAB-26' });
  await dialog.getByLabel('Code').fill('STAB-27');
  await dialog.getByLabel('Name').fill('Stability study 2027');
  await fillDate(dialog, 'Starts on', '2026-03-30');
  await saveScreenshot(page, 'project-template-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Stability study 2027' })).toBeVisible();
  await page.getByRole('tab', { name: 'Tasks' }).click();
  const rows = page.getByTestId('task-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Pull samples' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Export' }).click();
  const copied = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Plan as CSV' }).click();
  const copiedText = readFileSync((await (await copied).path())!, 'utf8');
  expect(copiedText).toContain('2026-03-30');
  expect(copiedText).toContain('2026-04-02');
  expect(copiedText).not.toContain('2026-03-02');
  await saveScreenshot(page, 'project-from-template');
});
