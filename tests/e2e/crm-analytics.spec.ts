import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { runCommands } from './support/bridge-commands';
import { PASSWORD } from './support/equipment-lab';
import { createFirstAdministrator } from './support/first-run';
import { mouseDrag } from './support/mouse-drag';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';

const admin = { name: 'Grace Hopper', email: 'grace@lab.example', password: 'cobol-compiler-1959' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

test('the forecast, funnel and win rate show the pipeline per currency and follow a card dragged to another stage', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, admin);
  const closedOn = today();
  // A sales colleague and a pipeline in two currencies, one won and one lost this quarter, as other screens would make them.
  const { personId } = await runCommands(page, admin, [
    { name: 'people/create', input: { name: 'Sam Sales', email: 'sam@lab.org', password: PASSWORD, roles: ['sales'] } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'] } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Kemi stability study', organisationId: '$1', stageId: 'qualification', probabilityPercent: 10, value: { amountMinor: 1_000_000, currency: 'EUR' }, expectedCloseOn: '2027-03-15', ownerId: '$0' } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Kemi method transfer', organisationId: '$1', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 2_000_000, currency: 'EUR' }, expectedCloseOn: '2027-04-10', ownerId: '$0' } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Kemi US site audit', organisationId: '$1', stageId: 'negotiation', probabilityPercent: 75, value: { amountMinor: 500_000, currency: 'USD' }, expectedCloseOn: '2027-03-20', ownerId: '$0' } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Kemi microbiology', organisationId: '$1', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 300_000, currency: 'EUR' }, expectedCloseOn: closedOn, ownerId: '$0', closedOn } } },
    { name: 'records/transition', input: { id: '$5', to: 'won' } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Kemi water testing', organisationId: '$1', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 300_000, currency: 'EUR' }, expectedCloseOn: closedOn, ownerId: '$0', closedOn, lostReason: 'Chose a lab nearer to them' } } },
    { name: 'records/transition', input: { id: '$7', to: 'lost', reason: 'Chose a lab nearer to them' } },
  ]);
  expect(personId).not.toBe('');

  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Forecast & win rate' }).click();
  const forecast = page.getByTestId('forecast');
  const funnel = page.getByTestId('funnel');
  // EUR first (two open ones against one in USD); the USD one is said to be elsewhere, never added.
  await expect(page.getByRole('combobox', { name: 'Currency' })).toHaveText('EUR', { timeout: 15_000 });
  await expect(page.getByText('1 open opportunity is in another currency: choose it to see it.')).toBeVisible();
  await expect(forecast.getByTestId('forecast-row')).toHaveText([/^Mar 2027\s*1\s*€10,000\.00\s*€1,000\.00$/, /^Apr 2027\s*1\s*€20,000\.00\s*€10,000\.00$/]);
  await expect(forecast.getByTestId('forecast-total')).toHaveText('Weighted total €11,000.00');
  await expect(funnel.getByTestId('funnel-row')).toHaveText([/^Qualification\s*1\s*€10,000\.00$/, /^Needs analysis\s*0/, /^Proposal\s*1\s*€20,000\.00$/, /^Negotiation\s*0/]);
  await expect(forecast.locator('svg').first()).toBeVisible();
  await expect(funnel.locator('svg').first()).toBeVisible();
  // This quarter: Sam won one, lost one.
  await expect(page.getByTestId('win-rate-row')).toHaveText([/^Sam Sales\s*1\s*1\s*50 %$/]);
  await saveScreenshot(page, 'crm-analytics');
  // Charts are labelled images with their figures in tables: nothing a screen reader would stumble on.
  await expectNoSeriousViolations(page, 'CRM forecast & win rate');

  // USD on its own.
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'USD' }).click();
  await expect(forecast.getByTestId('forecast-row')).toHaveText([/^Mar 2027\s*1\s*\$5,000\.00\s*\$3,750\.00$/]);
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'EUR' }).click();

  // The stability study is dragged from Qualification to Negotiation on the board: 10 % becomes 75 %.
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const card = page.getByTestId('opportunity-card').filter({ hasText: 'Kemi stability study' });
  await mouseDrag(page, card, page.getByTestId('stage-negotiation'), 120);
  await expect(page.getByTestId('stage-negotiation').getByTestId('opportunity-card').filter({ hasText: 'Kemi stability study' })).toContainText('75 %');
  await saveScreenshot(page, 'crm-pipeline-board');

  await page.getByRole('tab', { name: 'Forecast & win rate' }).click();
  await expect(forecast.getByTestId('forecast-row').first()).toHaveText(/^Mar 2027\s*1\s*€10,000\.00\s*€7,500\.00$/);
  await expect(forecast.getByTestId('forecast-total')).toHaveText('Weighted total €17,500.00');
  await expect(funnel.getByTestId('funnel-row')).toHaveText([/^Qualification\s*0/, /^Needs analysis\s*0/, /^Proposal\s*1\s*€20,000\.00$/, /^Negotiation\s*1\s*€10,000\.00$/]);

  // The year's view holds the same two closings.
  await page.getByRole('button', { name: 'Year' }).click();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveText(closedOn.slice(0, 4));
  await expect(page.getByTestId('win-rate-row')).toHaveText([/^Sam Sales\s*1\s*1\s*50 %$/]);
  await saveScreenshot(page, 'crm-analytics-after-drag');
});
