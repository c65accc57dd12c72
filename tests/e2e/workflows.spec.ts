import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startServeHost, type ServedHost } from './support/serve-host';
import { saveScreenshot } from './support/screenshots';
import { createFirstAdministrator } from './support/first-run';
import { addPerson, signInAs } from './support/people';

// Issue #3 part 8: the Workflows section end to end, against the real host in serve mode.

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
const requester = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-fifty-one-1952', role: 'Procurement manager' };
const head = { name: 'Dorothy Hodgkin', email: 'dorothy@lab.example', password: 'penicillin-structure-1945', role: 'Department head' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function createAdministrator(page: Page) {
  await page.goto(host!.url);
  await createFirstAdministrator(page, admin);
}

async function openWorkflowsTab(page: Page, tab: 'My work' | 'Instances' | 'Definitions' | 'SLA violations') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** The administrator copies the procurement template and publishes the copy. */
async function publishProcurement(page: Page, { screenshots }: { screenshots: boolean }) {
  await openWorkflowsTab(page, 'Definitions');
  await expect(page.getByText('No workflow definitions yet')).toBeVisible();
  if (screenshots) await saveScreenshot(page, 'workflows-definitions-empty');
  await page.getByRole('button', { name: 'New from template' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Equipment Procurement Workflow/ }).click();
  await expect(dialog.getByLabel('Workflow code')).toHaveValue('EQUIPMENT_PROCUREMENT');
  if (screenshots) await saveScreenshot(page, 'workflows-template-dialog');
  await dialog.getByRole('button', { name: 'Copy and edit' }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Draft');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  return page;
}

async function addPeople(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'People & roles' }).click();
  await addPerson(page, requester);
  await addPerson(page, head);
}

/**
 * The signed-in requester starts procurement for a piece of equipment and completes the request step.
 * The record type is free text ("procurement"), not a record kind: a kind's record id must name a
 * record that exists (workflow-records.spec covers that).
 */
async function startAndSubmitRequest(page: Page, equipmentId: string, cost: string) {
  await openWorkflowsTab(page, 'Instances');
  await page.getByRole('button', { name: 'Start workflow' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Start a workflow' });
  await dialog.getByRole('combobox', { name: /Workflow/ }).click();
  await page.getByRole('option', { name: /Equipment Procurement Workflow/ }).click();
  await dialog.getByRole('combobox', { name: 'Record type' }).fill('procurement');
  await dialog.getByRole('textbox', { name: 'Record id' }).fill(equipmentId);
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Variable 1 name').fill('equipment_name');
  await dialog.getByLabel('Variable 1 value').fill('Solar simulator');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Variable 2 name').fill('estimated_cost');
  await dialog.getByTestId('variable-row').nth(1).getByRole('combobox').click();
  await page.getByRole('option', { name: 'Number' }).click();
  await dialog.getByLabel('Variable 2 value').fill(cost);
  return dialog;
}

async function completeRequest(page: Page, comment: string) {
  await expect(page.getByTestId('active-step')).toContainText('Procurement Request');
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Comments' }).fill(comment);
  await dialog.getByRole('textbox', { name: 'Comments' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('active-step')).toContainText('Manager Approval');
}

async function openMyWorkItem(page: Page, equipmentId: string) {
  await openWorkflowsTab(page, 'My work');
  await page.getByTestId('my-work-row').filter({ hasText: equipmentId }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Equipment Procurement Workflow' })).toBeVisible();
  await expect(page.getByText(`procurement ${equipmentId}`).first()).toBeVisible();
}

test('procurement from template to a signed approval, and a signed rejection that ends another instance', async ({ page }) => {
  test.setTimeout(240_000);
  host = await startServeHost();
  await createAdministrator(page);

  await publishProcurement(page, { screenshots: true });
  // The editor validates as it is edited: a parallel split with one branch is marked in the form and the diagram.
  await page.getByRole('button', { name: 'Step 5: Create Purchase Order' }).click();
  await page.getByTestId('step-form').getByRole('combobox', { name: /^Type/ }).click();
  await page.getByRole('option', { name: 'Parallel split' }).click();
  await expect(page.getByTestId('problem-count')).toBeVisible();
  await expect(page.getByTestId('problem-list')).toContainText('A parallel split needs at least two branches');
  await expect(page.getByTestId('problem-list')).toContainText('steps[4].next_steps');
  await expect(page.locator('[data-testid="diagram-node"][data-problem="true"]')).toHaveAttribute('data-step-id', 'po_creation');
  await saveScreenshot(page, 'workflows-editor-problems');
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByRole('textbox', { name: 'Definition JSON' })).toContainText('"initial_step": "request"');
  await saveScreenshot(page, 'workflows-editor-json');
  await page.getByRole('textbox', { name: 'Definition JSON' }).fill('{ "steps": ');
  await expect(page.getByTestId('json-error')).toContainText('Not valid JSON');
  await expect(page.getByTestId('diagram-node')).toHaveCount(5);
  // Leaving with unsaved changes asks first; stay, undo the change by discarding it.
  await page.getByRole('tab', { name: 'Definitions' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByTestId('definition-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Edit Equipment Procurement Workflow' }).click();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Step 2: Manager Approval' }).click();
  await saveScreenshot(page, 'workflows-editor');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published. New instances start from this version')).toBeVisible();
  await expect(page.getByTestId('editor-version')).toContainText('v1 · Published');
  await page.getByRole('button', { name: 'Definitions', exact: true }).click();
  await expect(page.getByTestId('definition-row')).toContainText('Published');

  // Export as JSON, import an edited copy as a new draft, then retire the copy after confirming.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Equipment Procurement Workflow' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('EQUIPMENT_PROCUREMENT-v1.json');
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { workflow_code: string; name: string };
  expect(exported.workflow_code).toBe('EQUIPMENT_PROCUREMENT');
  const upload = page.locator('input[type="file"]');
  await upload.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json is not a JSON file' })).toBeVisible();
  const copy = { ...exported, workflow_code: 'PROCUREMENT_SMALL', name: 'Small purchases' };
  await upload.setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) });
  await expect(page.getByTestId('definition-row')).toHaveCount(2);
  await expect(page.getByTestId('definition-row').filter({ hasText: 'Small purchases' })).toContainText('Draft');
  await saveScreenshot(page, 'workflows-definitions');
  await expect(page.getByRole('button', { name: 'Retire Small purchases' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Publish Small purchases' }).click();
  await expect(page.getByTestId('definition-row').filter({ hasText: 'Small purchases' })).toContainText('Published');
  await page.getByRole('button', { name: 'Retire Small purchases' }).click();
  await expect(page.getByRole('dialog', { name: 'Retire Small purchases?' })).toContainText('starts no new instances');
  await page.getByRole('button', { name: 'Retire', exact: true }).click();
  await expect(page.getByTestId('definition-row')).toHaveCount(1);

  await addPeople(page);

  // The requester starts the workflow for an equipment record and completes the request step.
  await signInAs(page, requester);
  await openWorkflowsTab(page, 'Instances');
  await expect(page.getByText('No workflows started yet')).toBeVisible();
  const start = await startAndSubmitRequest(page, 'EQ-1001', '500000');
  await saveScreenshot(page, 'workflows-start-dialog');
  await start.getByRole('button', { name: 'Start workflow' }).click();
  await expect(page.getByTestId('instance-status')).toHaveText('Running');
  await expect(page.getByRole('region', { name: 'Variables' })).toContainText('500,000');
  await completeRequest(page, 'Quotation from two vendors attached.');
  await saveScreenshot(page, 'workflows-instance-requested');

  // A second request for another record.
  const second = await startAndSubmitRequest(page, 'EQ-1002', '120000');
  await second.getByRole('button', { name: 'Start workflow' }).click();
  await completeRequest(page, 'Replacement for the broken unit.');
  await openWorkflowsTab(page, 'Instances');
  await expect(page.getByTestId('instance-row')).toHaveCount(2);
  await saveScreenshot(page, 'workflows-instances');

  // The department head sees both in My work and approves the first with an e-signature.
  await signInAs(page, head);
  await openWorkflowsTab(page, 'My work');
  await expect(page.getByTestId('my-work-row')).toHaveCount(2);
  await expect(page.getByTestId('my-work-row').first()).toContainText('Manager Approval');
  await saveScreenshot(page, 'workflows-my-work');
  await openMyWorkItem(page, 'EQ-1001');
  await page.getByRole('button', { name: 'Approve…' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await expect(sign.getByTestId('signature-statement')).toContainText('legally binding');
  await expect(sign.getByRole('radio', { name: /Approved/ })).toBeChecked();
  await sign.getByRole('textbox', { name: 'Comments' }).fill('Within the equipment budget.');
  await sign.getByLabel('Your password').fill(head.password);
  await saveScreenshot(page, 'workflows-signature-dialog');
  await sign.getByLabel('Your password').press('Enter');
  await expect(sign).toHaveCount(0);
  await expect(page.getByTestId('active-step')).toContainText('Send RFQ');
  await expect(page.locator('[data-testid="diagram-node"][data-active="true"]')).toHaveAttribute('data-step-id', 'rfq');
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline.filter({ hasText: `${requester.name} started` })).toHaveCount(1);
  await expect(timeline.filter({ hasText: `${requester.name} finished Procurement Request` })).toContainText('Quotation from two vendors attached.');
  await expect(page.getByTestId('timeline-signature')).toContainText(`Signed by ${head.name} — meaning: Approved`);
  await expect(timeline.filter({ hasText: 'Within the equipment budget.' })).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Manager Approval → Send RFQ');
  await page.getByRole('textbox', { name: 'Comment' }).fill('Please send the RFQ to three vendors.');
  await page.getByRole('textbox', { name: 'Comment' }).press('Enter');
  await expect(timeline.filter({ hasText: `${head.name} commented` })).toContainText('Please send the RFQ to three vendors.');
  await saveScreenshot(page, 'workflows-instance-approved');

  // The second is rejected with a signature meaning "rejected", and ends.
  await openMyWorkItem(page, 'EQ-1002');
  await page.getByRole('button', { name: 'Reject…' }).click();
  const reject = page.getByRole('dialog', { name: /^Sign:/ });
  await expect(reject.getByRole('radio', { name: /Rejected/ })).toBeChecked();
  await expect(reject.getByRole('radio', { name: /Approved/ })).toHaveCount(0);
  await reject.getByRole('textbox', { name: 'Comments' }).fill('Repair is cheaper.');
  await reject.getByLabel('Your password').fill(head.password);
  await reject.getByRole('button', { name: 'Sign and reject' }).click();
  await expect(page.getByTestId('instance-status')).toHaveText('Rejected');
  await expect(page.getByTestId('active-step')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
  await expect(page.getByTestId('timeline-signature')).toContainText(`Signed by ${head.name} — meaning: Rejected`);
  await expect(timeline.filter({ hasText: 'ended as rejected' })).toHaveCount(1);
  for (const entry of await timeline.all()) await expect(entry).toContainText(/Lovelace|Franklin|Hodgkin|LabFlow/);
  await saveScreenshot(page, 'workflows-instance-rejected');

  await openWorkflowsTab(page, 'My work');
  await expect(page.getByText('Nothing waiting for you')).toBeVisible();
  await openWorkflowsTab(page, 'Instances');
  await page.getByRole('combobox', { name: /^Status/ }).click();
  await page.getByRole('option', { name: 'Rejected' }).click();
  await expect(page.getByTestId('instance-row')).toHaveCount(1);
  await expect(page.getByTestId('instance-row')).toContainText('EQ-1002');
  await openWorkflowsTab(page, 'SLA violations');
  await expect(page.getByText('No SLA violations')).toBeVisible();
  await saveScreenshot(page, 'workflows-sla-violations');
});

test('a wrong password in the e-signature dialog is refused in place and changes nothing', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await createAdministrator(page);
  await publishProcurement(page, { screenshots: false });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Published');
  await addPeople(page);
  await signInAs(page, requester);
  const start = await startAndSubmitRequest(page, 'EQ-2001', '9000');
  await start.getByRole('button', { name: 'Start workflow' }).click();
  await completeRequest(page, 'Needed for the spring campaign.');

  await signInAs(page, head);
  await openMyWorkItem(page, 'EQ-2001');
  const events = await page.getByTestId('timeline-entry').count();
  await page.getByRole('button', { name: 'Approve…' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await sign.getByLabel('Your password').fill('not-my-password-at-all');
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign.getByText('The password is not correct; nothing was signed.')).toBeVisible();
  await expect(sign.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
  await expect(sign.getByLabel('Your password')).toHaveValue('');
  await saveScreenshot(page, 'workflows-signature-wrong-password');
  await page.keyboard.press('Escape');
  await expect(sign).toHaveCount(0);
  await expect(page.getByTestId('active-step')).toContainText('Manager Approval');
  await expect(page.getByTestId('instance-status')).toHaveText('Running');
  await expect(page.getByTestId('timeline-entry')).toHaveCount(events);
  await expect(page.getByTestId('timeline-signature')).toHaveCount(0);
  await openWorkflowsTab(page, 'My work');
  await expect(page.getByTestId('my-work-row')).toHaveCount(1);

  // Three days pass: the 48-hour approval is overdue in My work and listed as an SLA violation. The
  // clock moves while nobody is signed in, as three idle days would end any session.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const url = new URL(host!.url);
  const moved = await page.request.post(`${url.origin}/__test/clock`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` }, data: { advanceMs: 3 * 86_400_000 } });
  expect(moved.status()).toBe(200);
  await page.getByLabel('Email').fill(head.email);
  await page.getByLabel('Password').fill(head.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(head.name);
  await openWorkflowsTab(page, 'SLA violations');
  await expect(page.getByTestId('sla-violation-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('sla-violation-row')).toContainText('Manager Approval');
  // A free-text record type is written in words (src-shared/format/code-label.ts), never as the stored code.
  await expect(page.getByTestId('sla-violation-row')).toContainText('Procurement EQ-2001');
  await saveScreenshot(page, 'workflows-sla-violations-open');
  await openWorkflowsTab(page, 'My work');
  await expect(page.getByTestId('my-work-row')).toContainText('Overdue');
  await saveScreenshot(page, 'workflows-my-work-overdue');
});

/** Two branches whose assignee comes from a variable nobody set, and one a person works on (issue 19.1). */
const sampleRelease = {
  workflow_code: 'SAMPLE_RELEASE',
  name: 'Sample release',
  initial_step: 'split',
  steps: [
    { step_id: 'split', name: 'Split the work', type: 'parallel', next_steps: ['label', 'ship', 'qc'] },
    { step_id: 'label', name: 'Print labels', type: 'task', assignee_type: 'variable', assignee_value: 'label_printer', conditions: { complete: ['join'], hand_over: ['label_desk'] } },
    { step_id: 'ship', name: 'Book courier', type: 'task', assignee_type: 'variable', assignee_value: 'courier_clerk', conditions: { complete: ['join'], hand_over: ['ship_desk'] } },
    { step_id: 'qc', name: 'QC check', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['join'] },
    { step_id: 'label_desk', name: 'Labels by the front desk', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['join'] },
    { step_id: 'ship_desk', name: 'Courier by the front desk', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['join'] },
    { step_id: 'join', name: 'All ready', type: 'join', next_steps: ['released'] },
    { step_id: 'released', name: 'Released', type: 'end' },
  ],
};

/** Starts a published workflow on a free-text record type and id (no record kind), as the signed-in person. */
async function startOnFreeText(page: Page, workflowName: string, recordType: string, recordId: string) {
  await openWorkflowsTab(page, 'Instances');
  await page.getByRole('button', { name: 'Start workflow' }).first().click();
  const start = page.getByRole('dialog', { name: 'Start a workflow' });
  await start.getByRole('combobox', { name: /Workflow/ }).click();
  await page.getByRole('option', { name: workflowName }).click();
  await start.getByRole('combobox', { name: 'Record type' }).fill(recordType);
  await start.getByRole('textbox', { name: 'Record id' }).fill(recordId);
  await start.getByRole('button', { name: 'Start workflow' }).click();
}

async function completeStep(page: Page, stepName: string, comment: string) {
  await page.getByTestId('available-actions').filter({ hasText: stepName }).getByRole('button', { name: 'Complete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Comments' }).fill(comment);
  await dialog.getByRole('textbox', { name: 'Comments' }).press('Enter');
  await expect(dialog).toHaveCount(0);
}

async function resolveAt(page: Page, stepName: string, continueAt: string) {
  await page.getByTestId('open-incident').filter({ hasText: `Stopped at ${stepName}` }).getByRole('button', { name: 'Resolve' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Stopped at ${stepName}: Nobody could be found for "${stepName}".`);
  await dialog.getByRole('combobox', { name: 'Continue at' }).click();
  await page.getByRole('option', { name: new RegExp(`^${continueAt}`) }).click();
  await dialog.getByRole('textbox', { name: 'Comments' }).fill('The front desk does it today.');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);
}

test('incidents in two branches are listed with their steps and resolved one by one while the third branch goes on', async ({ page }) => {
  host = await startServeHost();
  await createAdministrator(page);
  await openWorkflowsTab(page, 'Definitions');
  await page.locator('input[type="file"]').setInputFiles({ name: 'sample-release.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sampleRelease)) });
  await page.getByRole('button', { name: 'Publish Sample release' }).click();
  await expect(page.getByTestId('definition-row').filter({ hasText: 'Sample release' })).toContainText('Published');

  await startOnFreeText(page, 'Sample release', 'sample', 'S-0042');

  // Both stopped branches are listed, each with its step; the QC check is still there to do.
  await expect(page.getByTestId('instance-status')).toHaveText('Incident');
  const incidents = page.getByTestId('open-incident');
  await expect(incidents).toHaveCount(2);
  await expect(incidents.nth(0)).toContainText('Stopped at Print labels');
  await expect(incidents.nth(1)).toContainText('Stopped at Book courier');
  await expect(incidents.nth(0)).toContainText('The other steps go on meanwhile.');
  await expect(page.getByTestId('active-step').filter({ hasText: 'Print labels' })).toContainText('Stopped by an incident');
  await saveScreenshot(page, 'workflows-incidents-per-branch');
  await completeStep(page, 'QC check', 'Purity 99.2 %.');
  await expect(page.getByTestId('instance-status')).toHaveText('Incident');
  await expect(page.getByTestId('available-actions')).toHaveCount(0);

  // Each incident is resolved on its own: the instance stays stopped until the last one.
  await resolveAt(page, 'Book courier', 'Courier by the front desk');
  await expect(incidents).toHaveCount(1);
  await expect(incidents).toContainText('Stopped at Print labels');
  await expect(page.getByTestId('instance-status')).toHaveText('Incident');
  await expect(page.getByTestId('available-actions').filter({ hasText: 'Courier by the front desk' })).toHaveCount(1);
  await resolveAt(page, 'Print labels', 'Labels by the front desk');
  await expect(incidents).toHaveCount(0);
  await expect(page.getByTestId('instance-status')).toHaveText('Running');
  await saveScreenshot(page, 'workflows-incidents-resolved');

  // Both branches reach the join, which waited for them, and the release ends the workflow.
  await completeStep(page, 'Courier by the front desk', 'Booked for Tuesday.');
  await completeStep(page, 'Labels by the front desk', 'Printed.');
  await expect(page.getByTestId('instance-status')).toHaveText('Completed');
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline.filter({ hasText: 'resolved the incident at' })).toHaveCount(2);
});

/** Moves serve mode's clock (test mode only), as if that much time had passed. */
async function advanceClock(page: Page, served: ServedHost, advanceMs: number) {
  const url = new URL(served.url);
  const response = await page.request.post(`${url.origin}/__test/clock`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` }, data: { advanceMs } });
  expect(response.status()).toBe(200);
}

const supplierQuote = {
  workflow_code: 'SUPPLIER_QUOTE',
  name: 'Supplier quote',
  initial_step: 'quote',
  steps: [
    { step_id: 'quote', name: 'Wait for the quote', type: 'task', assignee_type: 'role', assignee_value: 'admin', conditions: { complete: ['order'], chase: ['chase'] } },
    { step_id: 'chase', name: 'Chase the supplier', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: ['quote'] },
    { step_id: 'order', name: 'Place the order', type: 'task', assignee_type: 'role', assignee_value: 'admin', next_steps: [] },
  ],
};

test('a timer set in the editor moves a waiting step on to its step when nobody acts in time (issue 19.5)', async ({ page }) => {
  host = await startServeHost();
  await createAdministrator(page);
  await openWorkflowsTab(page, 'Definitions');
  await page.locator('input[type="file"]').setInputFiles({ name: 'supplier-quote.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(supplierQuote)) });
  await page.getByRole('button', { name: 'Edit Supplier quote' }).click();
  await page.getByRole('button', { name: 'Step 1: Wait for the quote' }).click();
  const timer = page.getByRole('region', { name: 'Timer that moves the step on' });
  await timer.getByLabel('Move on if nobody acts in time').check();
  await timer.getByRole('spinbutton', { name: 'After (hours)' }).fill('48');
  await timer.getByRole('combobox', { name: 'Then go to' }).click();
  await page.getByRole('option', { name: 'Chase the supplier (chase)' }).click();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(page.getByText('after 48 h')).toBeVisible();
  await saveScreenshot(page, 'workflows-editor-boundary-timer');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published. New instances start from this version')).toBeVisible();

  await startOnFreeText(page, 'Supplier quote', 'quote-request', 'Q-7');
  await expect(page.getByTestId('active-step')).toContainText('Wait for the quote');
  await expect(page.getByTestId('active-step')).toContainText('moves on to Chase the supplier at');
  await saveScreenshot(page, 'workflows-instance-boundary-timer');

  await advanceClock(page, host, 49 * 3_600_000);
  await expect(page.getByTestId('active-step')).toContainText('Chase the supplier');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Nobody acted on Wait for the quote in time: it moved on to Chase the supplier' })).toHaveCount(1);
});
