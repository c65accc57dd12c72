import { expect, test } from '@playwright/test';
import { signIn } from './support/equipment-lab';
import { saveScreenshot } from './support/screenshots';
import { useCrmLab } from './support/crm-lab';


const openLab = useCrmLab();

test('a sales manager merges a duplicate organisation: its contacts and opportunity move to the one kept, which takes the chosen details', async ({ page }) => {
  test.setTimeout(90_000);
  const mia = { name: 'Mia Manager', email: 'mia@lab.org' };
  const sam = { name: 'Sam Sales', email: 'sam@lab.org' };
  // The same company entered twice (once by procurement as a supplier), and an unrelated customer.
  await openLab(page, [{ ...mia, roles: ['sales_manager'] }, { ...sam, roles: ['sales'] }], [
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Acme Labs GmbH', roles: ['customer'], phone: '+49 30 1234' } } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'ACME Labs', roles: ['supplier'], email: 'info@acme.example', phone: '+49 30 9999' } } },
    { name: 'records/create', input: { kind: 'organisation', data: { name: 'Beta Analytics', roles: ['customer'] } } },
    { name: 'records/create', input: { kind: 'contact', data: { organisationId: '$3', firstName: 'Ines', lastName: 'Weber' } } },
    { name: 'records/create', input: { kind: 'contact', data: { organisationId: '$3', firstName: 'Karl', lastName: 'Klein' } } },
    { name: 'records/create', input: { kind: 'opportunity', data: { name: 'Acme stability 2026', organisationId: '$3', stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 2_000_000, currency: 'EUR' }, expectedCloseOn: '2026-12-31', ownerId: '$1' } } },
  ]);

  // Sam sees the possible duplicates but does not merge.
  await signIn(page, sam);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Possible duplicates' }).click();
  const group = page.getByTestId('Duplicate-group');
  await expect(group).toHaveCount(1, { timeout: 15_000 });
  await expect(group).toContainText('Same name');
  await expect(group).not.toContainText('Beta Analytics');
  await expect(page.getByText('Sales managers and administrators merge them.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Merge…' })).toHaveCount(0);

  // Mia keeps ORG-0001, takes the duplicate's email, keeps her phone number, and sees what moves.
  await signIn(page, mia);
  await page.getByRole('button', { name: 'CRM' }).click();
  await page.getByRole('tab', { name: 'Possible duplicates' }).click();
  await expect(group.getByRole('row', { name: /ORG-0002 ACME Labs/ })).toContainText('3');
  await saveScreenshot(page, 'crm-duplicates');
  await group.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge duplicate organisations' });
  // The one with the most linked records is offered as the one to keep; Mia keeps the older entry instead.
  await expect(dialog.getByRole('radio', { name: /ORG-0002 ACME Labs/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /ORG-0001 Acme Labs GmbH/ }).check();
  await expect(dialog.getByRole('combobox', { name: 'Merge into it and retire' })).toContainText('ORG-0002 ACME Labs');
  await expect(dialog.getByRole('list', { name: 'What moves' })).toContainText('Contacts: 2');
  await expect(dialog.getByRole('list', { name: 'What moves' })).toContainText('Opportunities: 1');
  // Her entry has no email: the duplicate's is taken unless she says otherwise; the phone stays hers.
  await expect(dialog.getByRole('radio', { name: 'Email: take the duplicate’s' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Phone: keep' })).toBeChecked();
  await expect(dialog.getByRole('row', { name: /Name/ })).toContainText('ACME Labs');
  await saveScreenshot(page, 'crm-merge-dialog');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'ORG-0002 ACME Labs was merged into ORG-0001 Acme Labs GmbH; 3 linked records moved.' })).toBeVisible();
  await expect(page.getByText('No possible duplicates.')).toBeVisible();
  await saveScreenshot(page, 'crm-merged');

  // The opportunity is now the kept organisation's on the board.
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByText('Acme stability 2026')).toBeVisible();
  await expect(page.getByText('Acme Labs GmbH').first()).toBeVisible();
  await expect(page.getByText('ACME Labs', { exact: true })).toHaveCount(0);
});
