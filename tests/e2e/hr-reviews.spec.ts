import { expect, test, type Page } from '@playwright/test';
import { runCommands } from './support/bridge-commands';
import { fillDate } from './support/date-field';
import { createFirstAdministrator } from './support/first-run';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14 item 5 in serve mode: HR starts a review cycle from a template; Max rates himself and
// hands it to Lise, his manager by his employee record; she rates, schedules the review meeting
// (a one-to-one of the meetings module), marks it discussed; both sign with the e-signature dialog.

const admin = { name: 'Ada Lovelace', email: 'ada@lab.example', password: 'analytical-engine-1843' };
const hana = { name: 'Hana Holm', email: 'hana@lab.example', password: 'human-resources-2026' };
const max = { name: 'Max Planck', email: 'max@lab.example', password: 'quantum-of-action-1900' };
const lise = { name: 'Lise Meitner', email: 'lise@lab.example', password: 'nuclear-fission-1938' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const pad = (n: number) => String(n).padStart(2, '0');
const isoLocal = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

async function openReviews(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'HR' }).click();
  await page.getByRole('tablist', { name: 'HR views' }).getByRole('tab', { name: 'Reviews' }).click();
}

async function rate(page: Page, row: ReturnType<Page['getByTestId']>, who: 'Self' | 'Manager', rating: string) {
  await row.getByRole('combobox', { name: who }).click();
  await page.getByRole('option', { name: rating, exact: true }).click();
}

async function sign(page: Page, password: string) {
  await page.getByRole('button', { name: 'Sign…' }).click();
  const form = page.getByRole('form', { name: 'Electronic signature' });
  await form.getByLabel('Your password').fill(password);
  await form.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(form).toHaveCount(0);
}

test('a review goes from the cycle HR starts through self review, manager review and meeting to both signatures', async ({ page }) => {
  test.setTimeout(180_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const { values } = await runCommands(page, admin, [
    { name: 'people/create', input: { ...hana, roles: ['hr'] } },
    { name: 'people/create', input: { ...max, roles: ['member'] } },
    { name: 'people/create', input: { ...lise, roles: ['member'] } },
  ]);
  await runCommands(page, hana, [{ name: 'records/create', input: { kind: 'employee', data: { personId: values[1]!.id, jobTitle: 'Lab technician', startDate: '2025-01-01', managerId: values[2]!.id } } }]);
  const year = new Date().getFullYear();

  // HR starts the cycle: two goals weighted 60/40 (refused while they do not add up) and a competency.
  await signInAs(page, hana);
  await openReviews(page);
  await expect(page.getByText('No reviews you can see.')).toBeVisible();
  await page.getByRole('button', { name: 'Start a review cycle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a review cycle' });
  await fillDate(dialog, 'Due', `${year}-12-15`);
  await dialog.getByRole('combobox', { name: 'People to review' }).click();
  await page.getByRole('option', { name: max.name }).click();
  await dialog.getByRole('textbox', { name: 'Competencies (one a line)' }).fill('Good laboratory practice');
  await dialog.getByRole('textbox', { name: 'Goal 1' }).fill('Validate the HPLC method');
  await dialog.getByRole('button', { name: 'Add a goal' }).click();
  await dialog.getByRole('textbox', { name: 'Goal 2' }).fill('Train two colleagues');
  await dialog.getByRole('spinbutton', { name: 'Weight (%)' }).first().fill('60');
  await expect(dialog.getByTestId('goal-weights')).toHaveText('Weights add up to 60%');
  await dialog.getByRole('button', { name: 'Start the cycle' }).click();
  await expect(dialog.getByText('The goals\' weights must add up to 100%.')).toBeVisible();
  await dialog.getByRole('spinbutton', { name: 'Weight (%)' }).nth(1).fill('40');
  await expect(dialog.getByTestId('goal-weights')).toHaveText('Weights add up to 100%');
  await saveScreenshot(page, 'hr-review-cycle');
  await dialog.getByRole('button', { name: 'Start the cycle' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('review-row')).toContainText([`${max.name}${year}`]);

  // Max sees his goals, notes progress, rates himself and hands it on.
  await signInAs(page, max);
  await openReviews(page);
  await expect(page.getByTestId('my-goal')).toHaveCount(2);
  await page.getByTestId('review-row').click();
  const review = page.getByRole('dialog', { name: `Review ${year}: ${max.name}` });
  const goals = review.getByTestId('review-goal');
  await goals.first().getByRole('textbox', { name: 'Progress' }).fill('Method validated in March');
  await rate(page, goals.first(), 'Self', '4');
  await rate(page, goals.nth(1), 'Self', '3');
  await review.getByRole('textbox', { name: 'Self review' }).fill('A good year in the HPLC lab.');
  await saveScreenshot(page, 'hr-review-self');
  await review.getByRole('button', { name: 'Hand to my manager' }).click();
  await expect(review).toHaveCount(0);
  await expect(page.getByTestId('review-row')).toContainText('Manager review');
  await expect(page.getByTestId('my-goal').first()).toContainText('Method validated in March');

  // Lise rates, moves it to the meeting, schedules it and marks it discussed.
  await signInAs(page, lise);
  await openReviews(page);
  await page.getByTestId('review-row').click();
  const managed = page.getByRole('dialog', { name: `Review ${year}: ${max.name}` });
  await rate(page, managed.getByTestId('review-goal').first(), 'Manager', '5');
  await rate(page, managed.getByTestId('review-goal').nth(1), 'Manager', '3');
  await managed.getByRole('textbox', { name: 'Manager\'s review' }).fill('Agreed; the training goal carries over.');
  await managed.getByRole('button', { name: 'Ready to discuss' }).click();
  await expect(managed).toHaveCount(0);
  await page.getByTestId('review-row').click();
  const meeting = page.getByRole('dialog', { name: `Review ${year}: ${max.name}` });
  await expect(meeting.getByRole('button', { name: 'Discussed' })).toHaveCount(0);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000);
  await fillDate(meeting, 'Review meeting starts', `${isoLocal(inAWeek)}T10:00`);
  await meeting.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expect(meeting.getByTestId('review-meeting')).toContainText('Review meeting:');
  await expect(meeting).toContainText('weighted goal score 4.2 of 5');
  await saveScreenshot(page, 'hr-review-meeting');
  await meeting.getByRole('button', { name: 'Discussed' }).click();
  await expect(meeting).toHaveCount(0);

  // Both sign; the second signature completes it.
  await page.getByTestId('review-row').click();
  await sign(page, lise.password);
  await expect(page.getByTestId('review-row')).toContainText('Sign-off');
  await signInAs(page, max);
  await openReviews(page);
  await page.getByTestId('review-row').click();
  await expect(page.getByTestId('review-signatures')).toHaveText('Signed by the person: not yet · by the manager: yes');
  await sign(page, max.password);
  await expect(page.getByTestId('review-row')).toContainText('Signed');
  await expect(page.getByTestId('review-row')).toContainText('4.2 of 5');
  await saveScreenshot(page, 'hr-reviews');
});
