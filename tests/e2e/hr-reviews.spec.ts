import { expect, test, type Page } from '@playwright/test';
import { fillDate } from './support/date-field';
import { hana, isoLocal, lise, max, openHrTab, setUpHrTeam } from './support/hr-team';
import { signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

// Issue #14 item 5 in serve mode: HR starts a review cycle from a template; Max rates himself and
// hands it to Lise, his manager by his employee record; she rates, schedules the review meeting
// (a one-to-one of the meetings module), marks it discussed; both sign with the e-signature dialog.

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

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
  await setUpHrTeam(page);
  const year = new Date().getFullYear();

  // HR starts the cycle: two goals weighted 60/40 (refused while they do not add up) and a competency.
  await signInAs(page, hana);
  await openHrTab(page, 'Reviews');
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
  await openHrTab(page, 'Reviews');
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
  await openHrTab(page, 'Reviews');
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
  await openHrTab(page, 'Reviews');
  await page.getByTestId('review-row').click();
  await expect(page.getByTestId('review-signatures')).toHaveText('Signed by the person: not yet · by the manager: yes');
  await sign(page, max.password);
  await expect(page.getByTestId('review-row')).toContainText('Signed');
  await expect(page.getByTestId('review-row')).toContainText('4.2 of 5');
  await saveScreenshot(page, 'hr-reviews');
});
