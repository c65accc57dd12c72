import { expect, test, type Page } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { admin, hana, isoLocal, lise } from './support/hr-team';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14, hire and onboarding: HR sets up the lab's onboarding checklist (an IT line before the
// start, a manager's line on the first day), then hires Nia, whose offer was accepted, from her
// panel on the Hiring tab. Nia is in the directory, the Onboarding tab shows her progress, and the
// onboarding tasks appear in IT's and the manager's My work (the Tasks section).

const ivan = { name: 'Ivan Sutherland', email: 'ivan@lab.example', password: 'sketchpad-1963-it' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A Monday at least two weeks ahead, on this machine's calendar. */
function startMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() + 14);
  while (d.getDay() !== 1) d.setDate(d.getDate() + 1);
  return isoLocal(d);
}

async function openHr(page: Page, tab: 'Hiring' | 'Onboarding') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'HR' }).click();
  await page.getByRole('tablist', { name: 'HR views' }).getByRole('tab', { name: tab }).click();
}

async function openMyTasks(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tasks' }).click();
}

test('an accepted offer is hired: the person exists and onboarding tasks reach IT and the manager', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const { values: people } = await runCommands(page, admin, [
    { name: 'people/create', input: { ...hana, roles: ['hr'] } },
    { name: 'people/create', input: { ...lise, roles: ['member'] } },
    { name: 'people/create', input: { ...ivan, roles: ['member'] } },
    { name: 'workflows/definitions/create', input: { commandId: 'e2e-hiring-def', source: { kind: 'template', templateCode: 'HIRING' } } },
    { name: 'workflows/definitions/publish', input: { commandId: 'e2e-hiring-pub', code: 'HIRING' } },
  ]);
  const liseId = people[1]!.id;
  // Lise files the requisition and submits it; Hana approves it; Nia reaches the offer.
  const { values: [requisition, run] } = await runCommands(page, lise, [
    { name: 'records/create', input: { kind: 'job_requisition', data: { jobTitle: 'Lab technician', hiringManagerId: liseId, jobDescription: 'Sample preparation and HPLC runs.' } } },
    { name: 'workflows/instances/start', input: { commandId: 'e2e-hiring-run', code: 'HIRING', entityType: 'job_requisition', entityId: '$0' } },
  ]);
  await runCommands(page, lise, [{ name: 'workflows/instances/advance', input: { commandId: 'e2e-hiring-submit', instanceId: run!.id, action: 'complete', data: { budget_agreed: true } } }]);
  const start = startMonday();
  await runCommands(page, hana, [
    { name: 'workflows/instances/advance', input: { commandId: 'e2e-hiring-approve', instanceId: run!.id, action: 'approve', signature: { password: hana.password, meaning: 'approved' } } },
    { name: 'records/create', input: { kind: 'candidate', data: { requisitionId: requisition!.id, hiringManagerId: liseId, name: 'Nia Novak', email: 'nia.novak@example.org' } } },
    { name: 'hr/candidates/move', input: { id: '$1', to: 'interviews' } },
    { name: 'records/update', input: { id: '$1', data: { offerStartDate: start } } },
    { name: 'hr/candidates/move', input: { id: '$1', to: 'offer' } },
  ]);

  // Hana sets up the onboarding checklist in the Onboarding tab.
  await signInAs(page, hana);
  await openHr(page, 'Onboarding');
  await expect(page.getByText('Nobody is onboarding now.')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('textbox', { name: 'New checklist' }).fill('Every new starter');
  await page.getByRole('button', { name: 'Add checklist' }).click();
  await expect(page.getByText('No lines in Every new starter yet.')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('combobox', { name: 'IT lines by' }).click();
  await page.getByRole('option', { name: ivan.name }).click();
  await expect(page.getByRole('combobox', { name: 'IT lines by' })).toHaveText(ivan.name);
  for (const [line, who, days] of [['Prepare the laptop and accounts', 'IT', '-2'], ['Welcome meeting', 'Manager', '0']] as const) {
    await page.getByRole('textbox', { name: 'Line' }).fill(line);
    await page.getByRole('combobox', { name: 'Who' }).click();
    await page.getByRole('option', { name: who, exact: true }).click();
    await page.getByRole('spinbutton', { name: 'Days from the start' }).fill(days);
    await page.getByRole('button', { name: 'Add line' }).click();
    await expect(page.getByTestId('onboarding-line').filter({ hasText: line })).toBeVisible();
  }
  await expect(page.getByTestId('onboarding-line').first()).toContainText(`IT (${ivan.name})`);
  await expect(page.getByTestId('onboarding-line').first()).toContainText('2 working days before the start');
  await saveScreenshot(page, 'hr-onboarding-checklist');

  // Nia's offer was accepted: Hana hires her from her panel.
  await openHr(page, 'Hiring');
  await page.getByTestId('candidate-card').filter({ hasText: 'Nia Novak' }).click();
  const panel = page.getByRole('region', { name: 'Candidate Nia Novak' });
  await panel.getByRole('button', { name: 'Hire' }).click();
  const hire = page.getByRole('dialog', { name: 'Hire Nia Novak' });
  await expect(hire.getByRole('textbox', { name: 'Work email (their sign-in)' })).toHaveValue('nia.novak@example.org');
  await hire.getByRole('textbox', { name: 'Work email (their sign-in)' }).fill(lise.email);
  await hire.getByRole('button', { name: 'Hire', exact: true }).click();
  await expect(hire.getByText(`${lise.name} already uses ${lise.email}`)).toBeVisible();
  await hire.getByRole('textbox', { name: 'Work email (their sign-in)' }).fill('nia@lab.example');
  await expect(hire.getByText(`${lise.name} already uses`)).toHaveCount(0);
  await expect(hire.getByRole('combobox', { name: 'Role in LabFlow' })).toHaveText('Member');
  await saveScreenshot(page, 'hr-hire-dialog');
  await hire.getByRole('button', { name: 'Hire', exact: true }).click();
  await expect(hire).toHaveCount(0);
  await expect(panel.getByText('Hired: Nia Novak is in the directory')).toBeVisible();
  await expect(page.getByTestId('stage-hired').getByTestId('candidate-card')).toHaveText(/Nia Novak/);
  await expect(panel.getByRole('button', { name: 'Hire' })).toHaveCount(0);
  await saveScreenshot(page, 'hr-hire-hired');

  // Her onboarding: two tasks, none done yet.
  await openHr(page, 'Onboarding');
  const nia = page.getByTestId('onboarding-new-hire').filter({ hasText: 'Nia Novak' });
  await expect(nia).toContainText('Lab technician');
  await expect(nia).toContainText('0 of 2 done');
  await expect(nia.getByRole('row').filter({ hasText: 'Prepare the laptop and accounts — Nia Novak' })).toContainText(ivan.name);
  await expect(nia.getByRole('row').filter({ hasText: 'Welcome meeting — Nia Novak' })).toContainText(lise.name);
  await saveScreenshot(page, 'hr-onboarding-progress');

  // IT and the manager find their line in their own tasks.
  for (const [who, line] of [[ivan, 'Prepare the laptop and accounts — Nia Novak'], [lise, 'Welcome meeting — Nia Novak']] as const) {
    await signInAs(page, who);
    await openMyTasks(page);
    await expect(page.getByText(line).first()).toBeVisible({ timeout: 10_000 });
    await saveScreenshot(page, `hr-onboarding-tasks-${who === ivan ? 'it' : 'manager'}`);
  }
});
