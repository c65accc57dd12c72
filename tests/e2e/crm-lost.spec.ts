import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/equipment-lab';
import { keyboardDrag, mouseDrag } from './support/mouse-drag';
import { saveScreenshot } from './support/screenshots';
import { useCrmLab } from './support/crm-lab';

const stage = (page: Page, id: string) => page.getByTestId(`stage-${id}`);

const openLab = useCrmLab();

test('a card dropped on Lost asks why, by mouse and by keyboard; cancelling leaves it where it was', async ({ page }) => {
  test.setTimeout(90_000);
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  const opportunity = (name: string) => ({ name: 'records/create', input: { kind: 'opportunity', data: { name, organisationId: '$1', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 1_000_000, currency: 'EUR' }, expectedCloseOn: '2026-12-31', ownerId: '$0' } } });
  await openLab(page, [{ ...sam, roles: ['sales'] }], [
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Kemi AB', roles: ['customer'] } } },
    opportunity('Kemi method transfer'),
    opportunity('Kemi stability'),
  ]);

  await signIn(page, sam);
  await page.getByRole('button', { name: 'CRM' }).click();
  const proposal = stage(page, 'proposal');
  const lost = page.getByTestId('outcome-lost');
  const transfer = proposal.getByTestId('opportunity-card').filter({ hasText: 'Kemi method transfer' });
  await expect(transfer).toBeVisible({ timeout: 15_000 });

  // By mouse: the reason is asked; Cancel leaves the card in Proposal, still open.
  await mouseDrag(page, transfer, lost);
  const dialog = page.getByRole('dialog', { name: /Mark OPP-\d{4}-\d{4} as lost/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(transfer).toBeVisible();
  await expect(proposal.getByTestId('opportunity-card')).toHaveCount(2);

  // Again, and without a reason it is not lost; with one it leaves the board.
  await mouseDrag(page, transfer, lost);
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog.getByText('Say why the opportunity was lost.')).toBeVisible();
  await dialog.getByLabel('Why was it lost?').fill('Went with a competitor on price');
  await saveScreenshot(page, 'crm-lost-reason');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(transfer).toHaveCount(0);

  // By keyboard: Escape cancels the same way; then lost with a reason.
  const stability = proposal.getByTestId('opportunity-card').filter({ hasText: 'Kemi stability' });
  await keyboardDrag(page, stability, lost, 6, 'ArrowLeft');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(stability).toBeVisible();
  await keyboardDrag(page, stability, lost, 6, 'ArrowLeft');
  await dialog.getByLabel('Why was it lost?').fill('Project cancelled by the customer');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('No open opportunities: convert a qualified lead to start one.')).toBeVisible();
  await saveScreenshot(page, 'crm-lost-board');

  // Both are listed as lost.
  await page.getByRole('tab', { name: 'Opportunities' }).click();
  const rows = page.getByTestId('Opportunities-row');
  await expect(rows).toHaveCount(2);
  for (const name of ['Kemi method transfer', 'Kemi stability']) await expect(rows.filter({ hasText: name })).toContainText('Lost');
});
