import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src-shared/format/display-format';
import { expenseClaimKind } from '../../../src-shared/finance/expense-claim-kind';
import { mileageAmountMinor } from '../../../src-shared/finance/expense-lines';
import { blockingProblems, checkExpensePolicy, type PolicyLine } from '../../../src-shared/finance/expense-policy';
import { expenseSettingsData } from '../../../src-shared/finance/expense-settings-kind';
import { parseData } from '../../../src-shared/records/record-data';

const settings = expenseSettingsData.parse({});
const eur = (minor: number) => formatMoney(minor, 'EUR');
const line = (extra: Partial<PolicyLine>): PolicyLine => ({ category: 'meals', amountMinor: 1_000, currency: 'EUR', ...extra });

describe('mileage at the configured rate', () => {
  it('counts tenths of a kilometre and rounds half up once', () => {
    expect(mileageAmountMinor(12.3, 30)).toBe(369);
    expect(mileageAmountMinor(0.1, 25)).toBe(3); // 2.5 cents → 3
    expect(mileageAmountMinor(0.1, 24)).toBe(2); // 2.4 cents → 2
    expect(mileageAmountMinor(100, 30)).toBe(3_000);
  });

  it('is refused when the amount is not kilometres × rate, or the distance is missing', () => {
    const base = { personId: 'max', purpose: 'Trip', total: { amountMinor: 369, currency: 'EUR' } };
    const mileage = { id: 'a', date: '2026-03-02', category: 'mileage', description: 'Site visit', currency: 'EUR', costCentre: 'QC' };
    expect(parseData(expenseClaimKind, { ...base, lines: [{ ...mileage, amountMinor: 369, distanceKm: 12.3, rateMinorPerKm: 30 }] }).ok).toBe(true);
    expect(parseData(expenseClaimKind, { ...base, lines: [{ ...mileage, amountMinor: 369, distanceKm: 12.4, rateMinorPerKm: 30 }] })).toMatchObject({ ok: false, error: { field: 'data.lines.0.amountMinor' } });
    expect(parseData(expenseClaimKind, { ...base, lines: [{ ...mileage, amountMinor: 369 }] })).toMatchObject({ ok: false, error: { field: 'data.lines.0.distanceKm', message: 'A mileage line needs the kilometres driven.' } });
  });
});

describe('a claim\'s lines against finance\'s policy', () => {
  it('passes lines within the limits, with receipts where needed', () => {
    expect(checkExpensePolicy([line({ amountMinor: 2_500 }), line({ category: 'accommodation', amountMinor: 12_000, receiptAttachmentId: 'r1' })], settings)).toEqual([]);
  });

  it('blocks a line above its category\'s limit, naming the limit and the amount', () => {
    expect(checkExpensePolicy([line({ amountMinor: 6_001, receiptAttachmentId: 'r1' })], settings)).toEqual([
      { lineIndex: 0, field: 'amountMinor', severity: 'blocking', message: `Meals: at most ${eur(6_000)} a line; this line is ${eur(6_001)}.` },
    ]);
  });

  it('asks for a receipt only above the category\'s amount (always for accommodation, never for mileage)', () => {
    expect(checkExpensePolicy([line({ amountMinor: 2_500 })], settings)).toEqual([]);
    expect(checkExpensePolicy([line({ amountMinor: 2_501 })], settings)).toEqual([
      { lineIndex: 0, field: 'receiptAttachmentId', severity: 'blocking', message: `Meals: a line above ${eur(2_500)} needs a receipt; attach it to the claim and choose it for this line.` },
    ]);
    expect(checkExpensePolicy([line({ category: 'accommodation', amountMinor: 1 })], settings)[0]).toMatchObject({ field: 'receiptAttachmentId', message: 'Accommodation: every line needs a receipt; attach it to the claim and choose it for this line.' });
    expect(checkExpensePolicy([line({ category: 'mileage', amountMinor: 90_000, rateMinorPerKm: 30 })], settings)).toEqual([]);
  });

  it('blocks a mileage line worked out at another rate than the one in force', () => {
    expect(checkExpensePolicy([line({ category: 'mileage', amountMinor: 350, rateMinorPerKm: 35 })], settings)).toEqual([
      { lineIndex: 0, field: 'rateMinorPerKm', severity: 'blocking', message: `Mileage is paid at ${eur(30)} a km now; enter the distance again.` },
    ]);
  });

  it('notes lines in another currency than the limits for finance, and still wants their receipts', () => {
    const problems = checkExpensePolicy([line({ currency: 'USD', amountMinor: 9_000 })], settings);
    expect(problems.map((p) => [p.field, p.severity])).toEqual([['currency', 'note'], ['receiptAttachmentId', 'blocking']]);
    expect(blockingProblems(checkExpensePolicy([line({ currency: 'USD', amountMinor: 9_000, receiptAttachmentId: 'r' })], settings))).toEqual([]);
  });

  it('blocks an empty claim', () => {
    expect(blockingProblems(checkExpensePolicy([], settings))).toEqual([{ lineIndex: null, field: 'lines', severity: 'blocking', message: 'Add at least one line before submitting.' }]);
  });

  it('follows finance\'s own limits', () => {
    const strict = expenseSettingsData.parse({ policies: [{ category: 'meals', limitMinor: 1_000, receiptAboveMinor: 0 }] });
    expect(checkExpensePolicy([line({ amountMinor: 1_200 })], strict).map((p) => p.field)).toEqual(['amountMinor', 'receiptAttachmentId']);
    // A category finance left out has no limit and needs no receipt.
    expect(checkExpensePolicy([line({ category: 'travel', amountMinor: 99_999 })], strict)).toEqual([]);
  });
});
