import { expect, test, type Page } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { createFirstAdministrator } from './support/first-run';
import { keyboardDrag, mouseDrag } from './support/mouse-drag';
import { signInAs } from './support/people';
import { fillDate } from './support/date-field';
import { saveScreenshot } from './support/screenshots';
import { admin, hana, lise as mia } from './support/hr-team';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14, hiring: a hiring manager files a requisition and submits it where she filed it, HR
// approves it through the HIRING workflow in My work, adds two candidates (one with her CV),
// moves one to interviews by mouse and schedules an interview with two colleagues, who each fill
// in their own scorecard; the candidate shows both and the average; she moves on to the offer by
// keyboard, a drop the pipeline does not allow (hired by a drop) is refused without a write, and
// the other candidate is rejected with a reason.

const ivan = { name: 'Ivan Pavlov', email: 'ivan@lab.example', password: 'conditioned-reflex-1897' };
const uma = { name: 'Uma Ramakrishnan', email: 'uma@lab.example', password: 'tiger-genetics-2026' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const stage = (page: Page, id: string) => page.getByTestId(`stage-${id}`);
const candidate = (page: Page, name: string) => page.getByTestId('candidate-card').filter({ hasText: name });

async function openHiring(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'HR' }).click();
  await page.getByRole('tab', { name: 'Hiring' }).click();
}

test('a requisition is approved through HIRING, and its candidates move along the board by mouse and keyboard, one rejected with a reason', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  await runCommands(page, admin, [
    { name: 'people/create', input: { ...hana, roles: ['hr'] } },
    { name: 'people/create', input: { ...mia, roles: ['member'] } },
    { name: 'people/create', input: { ...ivan, roles: ['member'] } },
    { name: 'people/create', input: { ...uma, roles: ['member'] } },
  ]);

  // The administrator publishes the hiring workflow from its template.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'Definitions' }).click();
  await page.getByRole('button', { name: 'New from template' }).click();
  const templates = page.getByRole('dialog');
  await templates.getByRole('button', { name: /^Hiring/ }).click();
  await templates.getByRole('button', { name: 'Copy and edit' }).click();
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('editor-version')).toContainText('Published');

  // Mia, the hiring manager, files a requisition and submits it right there.
  await signInAs(page, mia);
  await openHiring(page);
  await expect(page.getByText('No requisitions you can see yet.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'New requisition' }).click();
  const form = page.getByRole('dialog', { name: 'New job requisition' });
  await expect(form.getByRole('textbox', { name: 'Job description' })).toBeVisible({ timeout: 10_000 });
  await form.getByRole('textbox', { name: 'Job title' }).fill('Analytical chemist');
  await form.getByRole('textbox', { name: 'Job description' }).fill('HPLC method development and validation under GMP.');
  await form.getByRole('textbox', { name: 'Why the post is needed' }).fill('Two new stability studies from Q3.');
  await saveScreenshot(page, 'hr-hiring-new-requisition');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form).toHaveCount(0);
  const row = page.getByTestId('requisition-row');
  await expect(row).toContainText('Analytical chemist');
  await expect(row).toContainText('Draft');
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await page.getByTestId('requisition-confirm').getByRole('button', { name: 'Confirm and send' }).click();
  const submit = page.getByRole('dialog', { name: 'Complete: Submit the requisition' });
  await submit.getByRole('checkbox', { name: /in this year's budget/ }).check();
  await submit.getByRole('button', { name: 'Complete' }).click();
  await expect(submit).toHaveCount(0);
  await expect(page.getByTestId('requisition-state')).toHaveText('Waiting for HR to approve the post and its job description.');
  await expect(row).toContainText('Awaiting approval');

  // HR approves it in My work; the requisition opens.
  await signInAs(page, hana);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('tab', { name: 'My work' }).click();
  const approval = page.getByTestId('my-work-row').filter({ hasText: 'Approve the post and job description' });
  await approval.getByRole('button', { name: 'Approve Approve the post and job description' }).click();
  const sign = page.getByRole('dialog', { name: /^Sign:/ });
  await sign.getByLabel('Your password').fill(hana.password);
  await sign.getByRole('button', { name: 'Sign and approve' }).click();
  await expect(sign).toHaveCount(0);

  await openHiring(page);
  await expect(row).toContainText('Open');
  await expect(row).toContainText(mia.name);

  // Two candidates; Clara's CV is attached on her.
  for (const [name, source] of [['Clara Chen', 'Referral'], ['Bert Brown', 'Job board']] as const) {
    await page.getByRole('button', { name: 'Add candidate' }).click();
    const add = page.getByRole('dialog', { name: 'Add a candidate' });
    await add.getByRole('textbox', { name: 'Name' }).fill(name);
    await add.getByRole('textbox', { name: 'Email' }).fill(`${name.split(' ')[0]!.toLowerCase()}@example.org`);
    await add.getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: source }).click();
    await add.getByRole('button', { name: 'Add candidate' }).click();
    await expect(add).toHaveCount(0);
    await expect(candidate(page, name)).toBeVisible();
  }
  await expect(stage(page, 'screening').getByTestId('candidate-card')).toHaveCount(2);
  await candidate(page, 'Clara Chen').click();
  const clara = page.getByRole('region', { name: 'Candidate Clara Chen' });
  await clara.getByTestId('attachment-input').setInputFiles({ name: 'Clara Chen CV.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% CV of Clara Chen\n') });
  await expect(clara.getByRole('listitem').filter({ hasText: 'Clara Chen CV.pdf' })).toBeVisible();

  // Clara moves to interviews by mouse, then to the offer by keyboard.
  await mouseDrag(page, candidate(page, 'Clara Chen'), stage(page, 'interviews'), 80);
  await expect(stage(page, 'interviews').getByTestId('candidate-card')).toHaveText(/Clara Chen/);

  // An interview with Ivan and Uma: a meeting they are invited to, and a scorecard each.
  await clara.getByRole('button', { name: 'Schedule an interview' }).click();
  const schedule = page.getByRole('dialog', { name: 'Schedule an interview' });
  for (const who of [ivan, uma]) {
    await schedule.getByRole('combobox', { name: 'Interviewers' }).click();
    await page.getByRole('option', { name: who.name }).click();
  }
  await fillDate(schedule, 'Starts', `${iso(addDays(new Date(), 7))}T10:00`);
  await schedule.getByRole('textbox', { name: 'Place' }).fill('Meeting room 2');
  await saveScreenshot(page, 'hr-hiring-schedule-interview');
  await schedule.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(schedule).toHaveCount(0);
  await expect(clara.getByTestId('scorecard-row')).toHaveCount(2);
  await expect(clara.getByTestId('scorecard-average')).toHaveText('No scorecard submitted yet.');

  // Each interviewer fills in their own scorecard from the Hiring tab.
  for (const [who, score, recommendation] of [[ivan, '4', 'Hire'], [uma, '3', 'No hire']] as const) {
    await signInAs(page, who);
    await openHiring(page);
    const mine = page.getByTestId('my-scorecard-row').filter({ hasText: 'Clara Chen' });
    await expect(mine).toContainText('Analytical chemist');
    await mine.getByRole('button', { name: 'Fill in' }).click();
    const card = page.getByRole('dialog', { name: 'Scorecard for Clara Chen' });
    await expect(card.getByRole('radiogroup', { name: 'Technical knowledge' })).toBeVisible({ timeout: 10_000 });
    await expect(card.getByRole('button', { name: 'Submit scorecard' })).toBeDisabled();
    for (const criterion of ['Technical knowledge', 'Laboratory practice and safety', 'Problem solving', 'Communication', 'Teamwork']) {
      await card.getByRole('radiogroup', { name: criterion }).getByRole('radio', { name: score }).check();
    }
    await card.getByRole('radiogroup', { name: 'Recommendation' }).getByRole('radio', { name: recommendation, exact: true }).check();
    await card.getByRole('textbox', { name: 'Summary' }).fill(`${who.name.split(' ')[0]}'s view of the interview.`);
    if (who === ivan) await saveScreenshot(page, 'hr-hiring-scorecard');
    await card.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(card).toHaveCount(0);
    await expect(mine).toContainText('Submitted');
    await expect(page.getByTestId('candidate-card')).toHaveCount(0); // an interviewer never sees the candidates
  }

  // Back with HR: both scorecards and their average on Clara; she moves on to the offer by keyboard.
  await signInAs(page, hana);
  await openHiring(page);
  await candidate(page, 'Clara Chen').click();
  await expect(clara.getByTestId('scorecard-average')).toHaveText('Average 3.5 of 5 from 2 scorecards.');
  await expect(clara.getByTestId('scorecard-row').filter({ hasText: ivan.name })).toContainText('Hire');
  await expect(candidate(page, 'Clara Chen')).toContainText('2 scorecards · average 3.5 of 5');
  await keyboardDrag(page, candidate(page, 'Clara Chen'), stage(page, 'offer'));
  await expect(stage(page, 'offer').getByTestId('candidate-card')).toHaveText(/Clara Chen/);

  // The offer letter is printed from her panel and kept with her files.
  await clara.getByRole('button', { name: 'Print / PDF' }).click();
  await page.getByRole('menuitem', { name: 'Offer letter' }).click();
  const letter = page.getByRole('dialog', { name: /Offer letter\.pdf$/ });
  // The first document of a run also loads the font: allow for a busy machine.
  await expect(letter.getByTestId('pdf-pages')).toHaveText('1 page', { timeout: 60_000 });
  await saveScreenshot(page, 'hr-hiring-offer-letter');
  await letter.getByRole('button', { name: 'Keep as attachment' }).click();
  await expect(letter.getByText('Kept with the files.')).toBeVisible();
  await letter.getByRole('button', { name: 'Close' }).click();
  await expect(clara.getByRole('listitem').filter({ hasText: 'Offer letter.pdf' })).toBeVisible();

  // Hired is reached by hiring, not by a drop: refused, and she stays at the offer.
  await mouseDrag(page, candidate(page, 'Clara Chen'), stage(page, 'hired'), 80);
  await expect(page.getByTestId('board-refusal')).toContainText('Hire a candidate from their offer');
  await expect(stage(page, 'offer').getByTestId('candidate-card')).toHaveText(/Clara Chen/);

  // Bert is rejected with the reason asked for.
  await mouseDrag(page, candidate(page, 'Bert Brown'), stage(page, 'rejected'), 80);
  const reject = page.getByRole('dialog', { name: 'Reject Bert Brown' });
  await expect(reject.getByRole('button', { name: 'Reject', exact: true })).toBeDisabled();
  await reject.getByRole('textbox', { name: 'Why they are rejected' }).fill('No GMP experience');
  await reject.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(stage(page, 'rejected').getByTestId('candidate-card')).toContainText('No GMP experience');
  await expect(stage(page, 'screening').getByTestId('candidate-card')).toHaveCount(0);
  await expect(row).toContainText('1'); // one candidate still in progress
  await saveScreenshot(page, 'hr-hiring-board');

  // The board is what the host holds.
  await page.reload();
  await openHiring(page);
  await expect(stage(page, 'offer').getByTestId('candidate-card')).toHaveText(/Clara Chen/);
  await expect(stage(page, 'rejected').getByTestId('candidate-card')).toHaveText(/Bert Brown/);
});
