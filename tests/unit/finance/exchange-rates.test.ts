import { describe, expect, it } from 'vitest';
import type { BudgetData } from '../../../src-shared/finance/budget-kind';
import { budgetStandings, converterOf } from '../../../src-shared/finance/budget-standing';
import { exchangeRateKind, exchangeRatesOf, type ExchangeRateData } from '../../../src-shared/finance/exchange-rate-kind';
import type { RecordLookup } from '../../../src-shared/records/record-kind';

const rate = (from: string, to: string, validFrom: string, text: string) => ({ data: { scope: 'finance' as const, from, to, validFrom, rate: text } });

describe('exchange rates finance enters', () => {
  it('refuses a rate that is not a positive decimal of at most nine decimals, or a pair of one currency', () => {
    const parse = (data: Record<string, unknown>) => exchangeRateKind.data.safeParse({ from: 'USD', to: 'EUR', validFrom: '2026-03-01', rate: '0.9231', ...data });
    expect(parse({}).success).toBe(true);
    for (const bad of ['0', '-1.2', '1,08', '1.0000000001', 'abc', '']) expect(parse({ rate: bad }).success).toBe(false);
    expect(parse({ to: 'USD' }).error?.issues[0]).toMatchObject({ path: ['to'], message: 'Choose two different currencies.' });
    expect(parse({ from: 'usd' }).success).toBe(false);
  });

  it('holds one rate per pair and day (another day, or the reverse pair, is another rate)', () => {
    const stored = [{ id: 'R1', ...rate('USD', 'EUR', '2026-03-01', '0.92') }];
    const lookup: RecordLookup = { get: () => null, byParent: () => stored, byPerson: () => [] };
    const check = (data: ExchangeRateData) => exchangeRateKind.invariant!.check({ record: { id: 'R2', kind: 'exchange_rate', status: 'entered', data } as never, previous: null, lookup } as never);
    expect(check(rate('USD', 'EUR', '2026-03-01', '0.93').data)).toMatchObject({ field: 'data.validFrom', message: expect.stringContaining('for that day is entered already') });
    expect(check(rate('USD', 'EUR', '2026-03-02', '0.93').data)).toBeNull();
    expect(check(rate('EUR', 'USD', '2026-03-01', '1.08').data)).toBeNull();
  });

  it('reads the stored text as scaled integers, never a float', () => {
    expect(exchangeRatesOf([rate('USD', 'EUR', '2026-03-01', '0.923100001')])).toEqual([{ from: 'USD', to: 'EUR', validFrom: '2026-03-01', rateScaled: 923_100_001 }]);
  });
});

describe('costs in another currency in a budget', () => {
  const rates = exchangeRatesOf([rate('USD', 'EUR', '2026-01-01', '0.9'), rate('USD', 'EUR', '2026-06-01', '0.95'), rate('JPY', 'EUR', '2026-01-01', '0.006125')]);
  const convert = converterOf(rates);

  it('converts at the rate on the cost’s day, rounding half to even once', () => {
    expect(convert({ holder: 'P1|2026', category: 'consumables', amountMinor: 10_000, currency: 'USD', state: 'actual', date: '2026-05-31' }, 'EUR')).toBe(9_000);
    expect(convert({ holder: 'P1|2026', category: 'consumables', amountMinor: 10_000, currency: 'USD', state: 'actual', date: '2026-06-01' }, 'EUR')).toBe(9_500);
    // ¥1,000 × 0.006125 = €6.125 → 612.5 cents → 612 (half to even); ¥1,400 → 857.5 → 858.
    expect(convert({ holder: 'P1|2026', category: 'consumables', amountMinor: 1_000, currency: 'JPY', state: 'actual', date: '2026-02-01' }, 'EUR')).toBe(612);
    expect(convert({ holder: 'P1|2026', category: 'consumables', amountMinor: 1_400, currency: 'JPY', state: 'actual', date: '2026-02-01' }, 'EUR')).toBe(858);
    // Before the first rate, or a pair with none: not converted.
    expect(convert({ holder: 'P1|2025', category: 'consumables', amountMinor: 10_000, currency: 'USD', state: 'actual', date: '2025-12-31' }, 'EUR')).toBeNull();
    expect(convert({ holder: 'P1|2026', category: 'consumables', amountMinor: 10_000, currency: 'CHF', state: 'actual', date: '2026-03-01' }, 'EUR')).toBeNull();
  });

  it('counts a converted cost in the budget’s standing and only a cost without a rate aside', () => {
    const lines: BudgetData['lines'] = [{ category: 'consumables', amountMinor: 100_000, note: '' }];
    const budget = { id: 'B1', number: 'BUD-2026-0001', status: 'approved', data: { holder: 'project' as const, projectId: 'P1', personId: 'max', holderName: 'PCR-2026', year: 2026, lines, total: { amountMinor: 100_000, currency: 'EUR' }, version: 1 } };
    const more = [
      { holder: 'P1|2026', category: 'consumables' as const, amountMinor: 10_000, currency: 'USD', state: 'actual' as const, date: '2026-07-01' },
      { holder: 'P1|2026', category: 'consumables' as const, amountMinor: 10_000, currency: 'CHF', state: 'committed' as const, date: '2026-07-01' },
    ];
    const [standing] = budgetStandings([budget], { timeEntries: [], ratesByProject: new Map(), claims: [], departmentCodes: new Map(), more, rates });
    expect(standing).toMatchObject({ actualMinor: 9_500, committedMinor: 0, unconverted: 1, holderName: 'PCR-2026' });
  });
});
