import { describe, expect, it } from 'vitest';
import { forecastByMonth, funnel, weightedValueMinor, winRateByOwner, type PipelineOpportunity } from '../../../src-shared/crm/pipeline-analytics';
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
