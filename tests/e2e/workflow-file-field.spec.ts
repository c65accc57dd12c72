import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { fillDate } from './support/date-field';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #10 item 3: a step form's `file` field. The purchase request template's "Confirm receipt"
// asks for the delivery note: the buyer attaches the scan in the form itself and chooses it, and the
// request is received. The steps before it (request, manager approval, order) are run through the
// host's bridge, as the people concerned would from their own PCs (workflow-records.spec.ts covers
// step forms through the UI).

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
const hana = { name: 'Hana Holm', email: 'hana@lab.example', password: 'department-head-2026' };
const pat = { name: 'Pat Purchase', email: 'pat@lab.example', password: 'procurement-2026-ok' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const cid = (n: string) => `e2e-file-field-${n}`;

test('the buyer attaches the delivery note in the receipt step’s form, chooses it, and the purchase request is received', async ({ page }) => {
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);

  const setup = await runCommands(page, admin, [
    { name: 'departments/create', input: { code: 'LAB', name: 'Analytical lab' } },
    { name: 'people/create', input: { ...hana, roles: ['department_head'], departmentId: '$0' } },
    { name: 'people/create', input: { ...pat, roles: ['member', 'procurement_officer'], departmentId: '$0' } },
    { name: 'workflows/definitions/create', input: { commandId: cid('def'), source: { kind: 'template', templateCode: 'PURCHASE_REQUEST' } } },
    { name: 'workflows/definitions/publish', input: { commandId: cid('pub'), code: 'PURCHASE_REQUEST' } },
  ]);
  const patId = setup.values[2]!.id;
  const request = await runCommands(page, pat, [
    { name: 'records/create', input: { kind: 'purchase_request', data: { itemName: 'Karl Fischer titrator', quantity: 1, estimatedCost: { amountMinor: 450_000, currency: 'EUR' }, requesterId: patId } } },
    { name: 'workflows/instances/start', input: { commandId: cid('start'), code: 'PURCHASE_REQUEST', entityType: 'purchase_request', entityId: '$0' } },
    { name: 'workflows/instances/advance', input: { commandId: cid('submit'), instanceId: '$1', action: 'complete', data: { justification: 'The old titrator fails its water checks.' } } },
  ]);
  const instanceId = request.values[1]!.id;
  await runCommands(page, hana, [{ name: 'workflows/instances/advance', input: { commandId: cid('approve'), instanceId, action: 'approve', signature: { password: hana.password, meaning: 'approved' } } }]);
  await runCommands(page, pat, [
    { name: 'workflows/instances/advance', input: { commandId: cid('order'), instanceId, action: 'complete', data: { supplier: 'Metrohm', final_cost: { amountMinor: 440_000, currency: 'EUR' }, po_number: 'PO-0042' } } },
  ]);

  await signInAs(page, pat);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'My work' }).click();
  const row = page.getByTestId('my-work-row').filter({ hasText: 'Confirm receipt' });
  await row.getByRole('button', { name: 'Complete Confirm receipt' }).click();
  const form = page.getByRole('dialog', { name: 'Complete: Confirm receipt' });
  await fillDate(form, 'Received on *', '2026-03-16');
  const noteField = form.getByRole('combobox', { name: 'Delivery note' });
  await expect(form.getByTestId('attachments-panel').getByText('No files yet.', { exact: false })).toBeVisible({ timeout: 10_000 });

  // The scan is attached in the form, lands in the workflow's files and is offered in the field.
  const scan = join(tmpdir(), `delivery-note-${Date.now()}.txt`);
  writeFileSync(scan, 'Metrohm delivery note DN-7731: 1 × KF titrator');
  await form.getByTestId('attachment-input').setInputFiles(scan);
  const fileName = scan.split('/').pop()!;
  await expect(form.getByTestId('attachments-panel').getByText(fileName)).toBeVisible({ timeout: 15_000 });
  await noteField.click();
  await page.getByRole('option', { name: new RegExp(fileName) }).click();
  await expect(noteField).toHaveText(fileName);
  await saveScreenshot(page, 'workflow-step-file-field');

  await form.getByRole('button', { name: 'Complete' }).click();
  await expect(form).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText('Nothing waiting for you')).toBeVisible({ timeout: 10_000 });

  // The instance is done and its record received; the note is among the workflow's files.
  await page.getByRole('tab', { name: 'Instances' }).click();
  await page.getByRole('row').filter({ hasText: 'Karl Fischer titrator' }).first().click();
  await expect(page.getByTestId('record-status')).toHaveText('Purchase request: Received', { timeout: 15_000 });
  await saveScreenshot(page, 'workflow-step-file-field-done');
});
