import { describe, expect, it } from 'vitest';
import type { BudgetStanding } from '../../../src-shared/finance/budget-standing';
import { budgetWarningReminders } from '../../../src-shared/finance/budget-warnings';
import { collapseSuperseded } from '../../../src-shared/scheduler/reminder';

const now = new Date('2027-03-04T10:00:00.000Z');
const standing = (usedMinor: number, extra: Partial<BudgetStanding & { recipientIds: string[] }> = {}) => {
  const percentUsed = Number((BigInt(usedMinor) * 100n) / 100_000n);
  return {
    budgetId: 'B1', number: 'BUD-2027-0001', holderType: 'project' as const, holderId: 'P1', holderName: 'PCR-2026', year: 2027, version: 1,
    holder: 'P1|2027', currency: 'EUR', plannedMinor: 100_000, committedMinor: 0, actualMinor: usedMinor, percentUsed,
    warning: usedMinor >= 100_000 ? (100 as const) : usedMinor >= 80_000 ? (80 as const) : null, categories: [], unconverted: 0,
    title: 'Budget 2027 of PCR-2026', recipientIds: ['max', 'mia', 'max'], ...extra,
  };
};

describe('budget warnings', () => {
  it('warns nobody below 80 %', () => {
    expect(budgetWarningReminders([standing(79_999)], now)).toEqual([]);
  });

  it('warns the manager and the holder once each at 80 %, with what is used of what was planned', () => {
    const list = budgetWarningReminders([standing(80_000)], now);
    expect(list.map((r) => [r.recipientId, r.subject])).toEqual([['max', 'Budget BUD-2027-0001 is 80 % used'], ['mia', 'Budget BUD-2027-0001 is 80 % used']]);
    expect(list[0]).toMatchObject({ event: 'budget_threshold', body: 'Budget 2027 of PCR-2026: €800.00 committed and spent of €1,000.00 (80 %).', link: { section: 'records', itemId: 'B1' } });
  });

  it('gives the same ids when derived again later (fired once across restarts), and new ids for a new version', () => {
    const first = budgetWarningReminders([standing(85_000)], now).map((r) => r.id);
    const later = budgetWarningReminders([standing(90_000)], new Date('2027-05-01T00:00:00.000Z')).map((r) => r.id);
    expect(later).toEqual(first);
    const revised = budgetWarningReminders([standing(90_000, { budgetId: 'B2', version: 2 })], now).map((r) => r.id);
    expect(revised.some((id) => first.includes(id))).toBe(false);
  });

  it('sends only the 100 % warning when both thresholds are reached at once, and keeps the 80 % one\'s id apart', () => {
    const both = budgetWarningReminders([standing(100_000, { recipientIds: ['max'] })], now);
    expect(both.map((r) => r.subject)).toEqual(['Budget BUD-2027-0001 is 80 % used', 'Budget BUD-2027-0001 is used up']);
    expect(collapseSuperseded(both, now).map((r) => r.subject)).toEqual(['Budget BUD-2027-0001 is used up']);
    const eighty = budgetWarningReminders([standing(80_000, { recipientIds: ['max'] })], now)[0]!;
    expect(both.map((r) => r.id)).toContain(eighty.id);
  });
});
