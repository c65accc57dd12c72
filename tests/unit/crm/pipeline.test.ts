import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastByMonth, funnel, openCurrencies, weightedValueMinor, winRateByOwner, type PipelineOpportunity } from '../../../src-shared/crm/pipeline-analytics';
import { periodOf, periodsToChoose } from '../../../src-shared/crm/pipeline-periods';
import { defaultPipelineStages, defaultProbabilityOf, stageListProblems } from '../../../src-shared/crm/pipeline-stages';

const opp = (id: string, fields: Partial<PipelineOpportunity> = {}): PipelineOpportunity => ({
  id,
  status: 'open',
  stageId: 'proposal',
  probabilityPercent: 50,
  value: { amountMinor: 100_00, currency: 'EUR' },
  expectedCloseOn: '2026-03-15',
  ownerId: 'ann',
  ...fields,
});

describe('pipeline stages', () => {
  it('give the default probability of a stage, and none for a stage not in the pipeline', () => {
    expect(defaultPipelineStages.map((s) => [s.id, s.probabilityPercent])).toEqual([['qualification', 10], ['needs_analysis', 25], ['proposal', 50], ['negotiation', 75]]);
    expect(defaultProbabilityOf(defaultPipelineStages, 'negotiation')).toBe(75);
    expect(defaultProbabilityOf(defaultPipelineStages, 'won')).toBeUndefined();
  });

  it('refuse an empty pipeline and two stages with one id or one name', () => {
    expect(stageListProblems(defaultPipelineStages)).toEqual([]);
    expect(stageListProblems([])).toEqual(['The pipeline needs at least one stage.']);
    expect(stageListProblems([{ id: 'a', label: 'Demo', probabilityPercent: 10 }, { id: 'a', label: 'demo', probabilityPercent: 20 }])).toEqual(['Two stages are called "a"; give each its own id.', 'Two stages have the same name.']);
  });
});

describe('the weighted forecast', () => {
  it('weights each open opportunity by its probability, rounding half up to the cent, by month of expected close', () => {
    expect(weightedValueMinor(1001, 50)).toBe(501); // 500.5 → 501
    const { months, otherCurrencies } = forecastByMonth(
      [
        opp('a', { expectedCloseOn: '2026-04-01', probabilityPercent: 25, value: { amountMinor: 1000_00, currency: 'EUR' } }),
        opp('b', { expectedCloseOn: '2026-03-31', probabilityPercent: 50, value: { amountMinor: 1001, currency: 'EUR' } }),
        opp('c', { expectedCloseOn: '2026-03-01', probabilityPercent: 10, value: { amountMinor: 200_00, currency: 'EUR' } }),
        opp('won', { status: 'won', expectedCloseOn: '2026-03-01' }),
        opp('usd', { value: { amountMinor: 5_00, currency: 'USD' } }),
      ],
      'EUR',
    );
    expect(months).toEqual([
      { month: '2026-03', count: 2, totalMinor: 200_00 + 1001, weightedMinor: 20_00 + 501 },
      { month: '2026-04', count: 1, totalMinor: 1000_00, weightedMinor: 250_00 },
    ]);
    expect(otherCurrencies).toBe(1);
  });
});

describe('the funnel', () => {
  it('counts open opportunities per stage in pipeline order, with a row for stages since removed', () => {
    const rows = funnel([opp('a', { stageId: 'proposal' }), opp('b', { stageId: 'proposal' }), opp('c', { stageId: 'qualification' }), opp('d', { stageId: 'demo' }), opp('e', { status: 'lost' })], defaultPipelineStages, 'EUR');
    expect(rows.map((r) => [r.stageId, r.count, r.totalMinor])).toEqual([['qualification', 1, 100_00], ['needs_analysis', 0, 0], ['proposal', 2, 200_00], ['negotiation', 0, 0], ['', 1, 100_00]]);
  });
});

describe('the win rate', () => {
  it('is won out of closed per owner within the period, both ends included', () => {
    const rates = winRateByOwner(
      [
        opp('1', { status: 'won', closedOn: '2026-01-01' }),
        opp('2', { status: 'lost', closedOn: '2026-03-31' }),
        opp('3', { status: 'lost', closedOn: '2026-02-10' }),
        opp('4', { status: 'won', closedOn: '2026-04-01' }),
        opp('5', { status: 'won', closedOn: '2026-02-01', ownerId: 'ben' }),
        opp('6', { status: 'open' }),
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(rates).toEqual([
      { ownerId: 'ann', won: 1, lost: 2, winRatePercent: 33 },
      { ownerId: 'ben', won: 1, lost: 0, winRatePercent: 100 },
    ]);
  });

  it('rounds half up: 1 won of 8 closed is 13 %', () => {
    const closed = [opp('w', { status: 'won', closedOn: '2026-01-02' }), ...Array.from({ length: 7 }, (_, i) => opp(`l${i}`, { status: 'lost', closedOn: '2026-01-02' }))];
    expect(winRateByOwner(closed, '2026-01-01', '2026-12-31')[0]!.winRatePercent).toBe(13); // 12.5 → 13
  });
});

const CURRENCIES = ['EUR', 'USD', 'JPY'] as const;
const anOpportunity = fc.record({
  id: fc.uuid(),
  status: fc.constantFrom('open', 'open', 'won', 'lost'),
  stageId: fc.constantFrom(...defaultPipelineStages.map((s) => s.id)),
  probabilityPercent: fc.integer({ min: 0, max: 100 }),
  value: fc.record({ amountMinor: fc.integer({ min: 0, max: 10_000_000_000 }), currency: fc.constantFrom(...CURRENCIES) }),
  expectedCloseOn: fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ownerId: fc.constantFrom('ann', 'ben'),
});

describe('the forecast and funnel, for any pipeline (fast-check)', () => {
  it('sum, per currency, to the open values and to each value × probability rounded to the minor unit, never mixing currencies', () => {
    fc.assert(
      fc.property(fc.array(anOpportunity, { maxLength: 60 }), (opportunities) => {
        for (const currency of CURRENCIES) {
          const mine = opportunities.filter((o) => o.status === 'open' && o.value.currency === currency);
          const { months, otherCurrencies } = forecastByMonth(opportunities, currency);
          const sum = (f: (m: (typeof months)[number]) => number) => months.reduce((n, m) => n + f(m), 0);
          expect(sum((m) => m.count)).toBe(mine.length);
          expect(sum((m) => m.totalMinor)).toBe(mine.reduce((n, o) => n + o.value.amountMinor, 0));
          expect(sum((m) => m.weightedMinor)).toBe(mine.reduce((n, o) => n + weightedValueMinor(o.value.amountMinor, o.probabilityPercent), 0));
          expect(otherCurrencies).toBe(opportunities.filter((o) => o.status === 'open').length - mine.length);
          // Whole minor units, each within half a minor unit of the exact value × probability (BigInt: no float).
          const exactHundredths = mine.reduce((n, o) => n + BigInt(o.value.amountMinor) * BigInt(o.probabilityPercent), 0n);
          const weighted = BigInt(sum((m) => m.weightedMinor));
          expect(Number.isInteger(sum((m) => m.weightedMinor))).toBe(true);
          const drift = weighted * 100n - exactHundredths;
          expect(drift >= BigInt(-50 * mine.length) && drift <= BigInt(50 * mine.length)).toBe(true);
          // Months in order, each once.
          expect(months.map((m) => m.month)).toEqual([...new Set(months.map((m) => m.month))].sort());
          const rows = funnel(opportunities, defaultPipelineStages, currency);
          expect(rows.reduce((n, r) => n + r.count, 0)).toBe(mine.length);
          expect(rows.reduce((n, r) => n + r.totalMinor, 0)).toBe(mine.reduce((n, o) => n + o.value.amountMinor, 0));
        }
      }),
    );
  });

  it('weight one opportunity exactly: value × probability / 100, halves up, for every percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 100 }), (amount, percent) => {
        const exact = BigInt(amount) * BigInt(percent);
        const expected = (exact + 50n) / 100n;
        expect(BigInt(weightedValueMinor(amount, percent))).toBe(expected);
      }),
    );
  });
});

describe('the currencies to read the pipeline in', () => {
  it('are those of open opportunities, the most used first, ties alphabetically', () => {
    const eur = { value: { amountMinor: 1, currency: 'EUR' } };
    const usd = { value: { amountMinor: 1, currency: 'USD' } };
    const chf = { value: { amountMinor: 1, currency: 'CHF' } };
    expect(openCurrencies([opp('1', usd), opp('2', eur), opp('3', usd), opp('4', chf), opp('5', { ...chf, status: 'won' })])).toEqual(['USD', 'CHF', 'EUR']);
    expect(openCurrencies([opp('1', { status: 'lost' })])).toEqual([]);
  });
});

describe('the win rate periods', () => {
  it('are calendar quarters and years with both ends', () => {
    expect(periodOf('quarter', '2026-02-28')).toEqual({ id: '2026-Q1', label: 'Q1 2026', from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('quarter', '2026-12-31')).toEqual({ id: '2026-Q4', label: 'Q4 2026', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2026-07-01').to).toBe('2026-09-30');
    expect(periodOf('year', '2025-06-15')).toEqual({ id: '2025', label: '2025', from: '2025-01-01', to: '2025-12-31' });
  });

  it('offer the current one and each with a closing, newest first, each once', () => {
    expect(periodsToChoose('quarter', ['2026-02-01', undefined, '2025-11-30', '2026-03-31'], '2026-12-07').map((p) => p.label)).toEqual(['Q4 2026', 'Q1 2026', 'Q4 2025']);
    expect(periodsToChoose('year', ['2026-02-01', '2025-11-30'], '2026-12-07').map((p) => p.id)).toEqual(['2026', '2025']);
  });
});
