import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/people';
import { createFirstAdministrator } from './support/first-run';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #10 item 3: a workflow acting on its record, through the UI in serve mode: the leave request
// is filed through the host's bridge (the HR register's own test files records through the UI),
// its workflow run from My work, and its status read on the instance page and the record's page.
// Item 7: a colleague outside the leave request's scope sees nothing of it.

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
const max = { name: 'Max Planck', email: 'max@lab.example', password: 'quantum-of-action-1900' };
const mia = { name: 'Lise Meitner', email: 'lise@lab.example', password: 'nuclear-fission-1938' };
/** Max's colleague in the same department: neither HR nor his manager, so she may not read his leave. */
const marie = { name: 'Marie Curie', email: 'marie@lab.example', password: 'radioactivity-1898' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

type CallResult = { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

/**
 * A command (or the first answer of a live query) through the same WebSocket bridge the UI uses,
 * on its own connection signed in as `who`: what a page this test does not cover (the record
 * pages) would send.
 */
async function hostCall(page: Page, who: { email: string; password: string }, name: string, input: unknown, op: 'call' | 'subscribe' = 'call'): Promise<Record<string, unknown>> {
  const result = await page.evaluate(
    async ({ who, name, input, op }) => {
      const token = sessionStorage.getItem('labflow.token') ?? '';
      const ws = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const send = (t: 'call' | 'subscribe', id: string, command: string, payload: unknown) =>
        new Promise<unknown>((resolve) => {
          const onMessage = (event: MessageEvent) => {
            const message = JSON.parse(String(event.data)) as { t: string; id: string; result: unknown };
            if (message.t !== (t === 'call' ? 'result' : 'data') || message.id !== id) return;
            ws.removeEventListener('message', onMessage);
            resolve(message.result);
          };
          ws.addEventListener('message', onMessage);
          ws.send(JSON.stringify({ t, id, name: command, input: payload }));
        });
      await send('call', 'sign-in', 'auth/sign-in', who);
      const answer = await send(op, 'request', name, input);
      ws.close();
      return answer;
    },
    { who, name, input, op },
  );
  const typed = result as CallResult;
  if (!typed.ok) throw new Error(`${name} failed: ${typed.error?.message}`);
  return typed.value ?? {};
}


async function openWorkflowsTab(page: Page, tab: 'My work' | 'Instances' | 'Definitions') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('a leave request: applied through its step form in My work, approved there with an e-signature, the record is approved, and a colleague sees none of it', async ({ page }) => {
  test.setTimeout(240_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const qc = await hostCall(page, admin, 'departments/create', { code: 'QC', name: 'Quality control' });
  const maxId = String((await hostCall(page, admin, 'people/create', { ...max, roles: ['member'], departmentId: qc.id })).id);
  await hostCall(page, admin, 'people/create', { ...mia, roles: ['department_head'], departmentId: qc.id });
  await hostCall(page, admin, 'people/create', { ...marie, roles: ['member'], departmentId: qc.id });

  // The administrator copies the leave request template: it runs on leave requests, and its first step has a form.
  await openWorkflowsTab(page, 'Definitions');
  await page.getByRole('button', { name: 'New from template' }).click();
  const templates = page.getByRole('dialog');
  await templates.getByRole('button', { name: /Leave Request/ }).click();
  await templates.getByRole('button', { name: 'Copy and edit' }).click();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Runs on' })).toHaveText('Leave requests');
  await page.getByRole('button', { name: 'Step 1: Apply for leave' }).click();
  const formEditor = page.getByTestId('form-fields-editor');
  await expect(formEditor.getByTestId('form-field-row')).toHaveCount(3);
  await expect(formEditor.getByRole('textbox', { name: 'Label' }).nth(2)).toHaveValue('I have checked that I have enough leave left');
  const effects = page.getByTestId('record-effects-editor');
  await expect(effects.getByRole('combobox', { name: 'On “Complete”' })).toHaveText('Becomes Submitted');
  // Applying also writes the reason on the leave request: a fixed value the step's outcome sets.
  await effects.getByRole('button', { name: 'Set a field' }).click();
  const setRow = effects.getByTestId('record-effect-field');
  await setRow.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Reason', exact: true }).click();
  await setRow.getByRole('textbox', { name: 'Becomes' }).fill('Summer holiday');
  await setRow.getByRole('textbox', { name: 'Becomes' }).blur();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await saveScreenshot(page, 'workflow-records-editor-step-form');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Published');

  // Max files a leave request (the record pages will) and starts its workflow from it.
  await signInAs(page, max);
  const leave = await hostCall(page, max, 'records/create', { kind: 'leave_request', data: { personId: maxId, leaveType: 'annual', startDate: '2026-07-06', endDate: '2026-07-08', days: 3 } });
  await openWorkflowsTab(page, 'Instances');
  await page.getByRole('button', { name: 'Start workflow' }).first().click();
  const start = page.getByRole('dialog', { name: 'Start a workflow' });
  await start.getByRole('combobox', { name: /Workflow/ }).click();
  await page.getByRole('option', { name: /Leave Request/ }).click();
  await start.getByRole('combobox', { name: 'Leave request' }).click();
  await page.getByRole('option', { name: new RegExp(String(leave.number)) }).click();
  await saveScreenshot(page, 'workflow-records-start-from-record');
  await start.getByRole('button', { name: 'Start workflow' }).click();
  await expect(page.getByTestId('instance-record')).toContainText(`Leave request ${String(leave.number)}`);
  await expect(page.getByTestId('record-status')).toHaveText('Leave request: Draft');

  // My work: the apply step's form, checked before the step moves on.
  await openWorkflowsTab(page, 'My work');
  const applyRow = page.getByTestId('my-work-row').filter({ hasText: 'Apply for leave' });
  await expect(applyRow.getByTestId('my-work-record')).toContainText(`Leave request ${String(leave.number)}`);
  await applyRow.getByRole('button', { name: 'Complete Apply for leave' }).click();
  const form = page.getByRole('dialog', { name: 'Complete: Apply for leave' });
  await form.getByRole('textbox', { name: 'Handover notes' }).fill('Samples for batch 42 are in fridge 3.');
  await form.getByRole('button', { name: 'Complete' }).click();
  await expect(form.getByText('Tick “I have checked that I have enough leave left”.')).toBeVisible();
  await saveScreenshot(page, 'workflow-records-step-form-refused');
  await form.getByRole('checkbox', { name: 'I have checked that I have enough leave left' }).check();
  await form.getByRole('combobox', { name: 'Who stands in for you' }).click();
  await page.getByRole('option', { name: mia.name }).click();
  await form.getByRole('button', { name: 'Complete' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText('Nothing waiting for you')).toBeVisible();

  // Max's manager approves from My work with her e-signature.
  await signInAs(page, mia);
  await openWorkflowsTab(page, 'My work');
  const approveRow = page.getByTestId('my-work-row').filter({ hasText: 'Manager approval' });
  await expect(approveRow.getByTestId('my-work-record')).toContainText('Submitted');
  await saveScreenshot(page, 'workflow-records-my-work');
  await approveRow.getByRole('button', { name: 'Approve Manager approval' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await expect(sign.getByTestId('signature-statement')).toContainText(`Leave Request for Leave request ${String(leave.number)}`);
  await sign.getByRole('textbox', { name: 'Comments' }).fill('Enjoy the time off.');
  await sign.getByLabel('Your password').fill('not my password');
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign.getByText('The password is not correct; nothing was signed.')).toBeVisible();
  await sign.getByLabel('Your password').fill(mia.password);
  await saveScreenshot(page, 'workflow-records-sign-approval');
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign).toHaveCount(0);
  await expect(page.getByText('Nothing waiting for you')).toBeVisible();

  // The record is approved: on the instance page, and as the host holds it.
  await openWorkflowsTab(page, 'Instances');
  await page.getByTestId('instance-row').first().click();
  await expect(page.getByTestId('record-status')).toHaveText('Leave request: Approved');
  await expect(page.getByTestId('timeline-signature')).toContainText(`Signed by ${mia.name} — meaning: Approved`);
  await expect(page.getByTestId('active-step')).toContainText('Record the leave');
  // The history and the variables read as the lab says it: the record by its number, the stand-in by name.
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText(`${max.name} started Leave Request for Leave request ${String(leave.number)}`);
  await expect(timeline).toContainText(`${mia.name} finished Manager approval with "approve"; the leave request is now Approved`);
  await expect(page.getByRole('table', { name: 'Variables' }).getByRole('row', { name: /Who stands in for you/ })).toContainText(mia.name);
  // A file given along the way, on the instance page: kept with the leave request, under its scope.
  const files = page.getByRole('region', { name: 'Files' }).getByTestId('attachments-panel');
  const handover = join(tmpdir(), `handover-${Date.now()}.txt`);
  writeFileSync(handover, 'Fridge 3: batch 42 samples, labelled.');
  await files.getByTestId('attachment-input').setInputFiles(handover);
  await expect(files.getByRole('listitem').filter({ hasText: basename(handover) })).toContainText(mia.name);
  await saveScreenshot(page, 'workflow-records-instance-approved');
  // The instance page links to the leave request, whose page shows it approved and lists its workflow.
  await page.getByTestId('instance-record').click();
  await expect(page.getByTestId('record-status')).toHaveText('Approved');
  await expect(page.getByRole('tab', { name: 'Workflows', selected: true })).toBeVisible();
  await expect(page.getByTestId('instance-row')).toHaveCount(1);
  await expect(page.getByTestId('instance-row')).toContainText('Record the leave');
  await saveScreenshot(page, 'workflow-records-record-page');
  expect(await hostCall(page, max, 'records/get', { id: leave.id }, 'subscribe')).toMatchObject({ status: 'approved', statusLabel: 'Approved', data: expect.objectContaining({ reason: 'Summer holiday' }) });

  // Marie works next to Max but may not read his leave: no instance, no work, no notice, no record.
  await signInAs(page, marie);
  await openWorkflowsTab(page, 'Instances');
  await expect(page.getByText('No workflows started yet')).toBeVisible();
  await expect(page.getByTestId('instance-row')).toHaveCount(0);
  await openWorkflowsTab(page, 'My work');
  await expect(page.getByText('Nothing waiting for you')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Notifications' }).click();
  await expect(page.getByText('No notifications yet')).toBeVisible();
  await saveScreenshot(page, 'workflow-records-colleague-sees-nothing');
  await expect(hostCall(page, marie, 'records/get', { id: leave.id }, 'subscribe')).rejects.toThrow('it is not shared with you');
});
