import { describe, expect, it } from 'vitest';
import { evaluationMatrix, needsAwardJustification } from '../../../src-shared/equipment/bid-evaluation';
import { formatMoney, orderTotals, receiptState, taxOf } from '../../../src-shared/equipment/purchase-order-totals';

const criteria = [
  { id: 'price', name: 'Price', weight: 40 },
  { id: 'spec', name: 'Specification', weight: 40 },
  { id: 'delivery', name: 'Delivery', weight: 20 },
];
const score = (bidId: string, price: number, spec: number, delivery: number) => [
  { bidId, criterionId: 'price', score: price },
  { bidId, criterionId: 'spec', score: spec },
  { bidId, criterionId: 'delivery', score: delivery },
];

describe('bid evaluation matrix', () => {
  it('averages evaluators per criterion, weights the means and ranks the bids', () => {
    const matrix = evaluationMatrix(criteria, ['A', 'B', 'C'], [
      { evaluatorId: 'e1', scores: [...score('A', 8, 6, 5), ...score('B', 6, 9, 7), ...score('C', 9, 4, 9)] },
      { evaluatorId: 'e2', scores: [...score('A', 6, 6, 7), ...score('B', 6, 7, 9), ...score('C', 9, 4, 9)] },
    ]);
    // A: price 7, spec 6, delivery 6 → (7·40 + 6·40 + 6·20)/100 = 6.4
    // B: price 6, spec 8, delivery 8 → (240 + 320 + 160)/100 = 7.2
    // C: price 9, spec 4, delivery 9 → (360 + 160 + 180)/100 = 7.0
    expect(matrix.rows.map((r) => [r.bidId, r.weightedTotal, r.rank])).toEqual([
      ['B', 7.2, 1],
      ['C', 7, 2],
      ['A', 6.4, 3],
    ]);
    expect(matrix.rows.find((r) => r.bidId === 'A')?.means).toEqual({ price: 7, spec: 6, delivery: 6 });
    expect(matrix.isComplete).toBe(true);
    expect(needsAwardJustification(matrix, 'B')).toBe(false);
    expect(needsAwardJustification(matrix, 'C')).toBe(true);
    expect(needsAwardJustification(matrix, 'unknown')).toBe(true);
  });

  it('shares rank 1 on equal totals, counts missing scores and takes an evaluator’s last score of a cell', () => {
    const matrix = evaluationMatrix(criteria, ['A', 'B'], [
      { evaluatorId: 'e1', scores: [...score('A', 5, 5, 5), ...score('B', 5, 5, 5), { bidId: 'A', criterionId: 'price', score: 5 }] },
      { evaluatorId: 'e2', scores: [{ bidId: 'A', criterionId: 'price', score: 5 }, { bidId: 'X', criterionId: 'price', score: 10 }] },
    ]);
    expect(matrix.rows.map((r) => r.rank)).toEqual([1, 1]);
    expect(matrix.rows.map((r) => r.missingScores)).toEqual([2, 3]);
    expect(matrix.isComplete).toBe(false);
    expect(needsAwardJustification(matrix, 'B')).toBe(false);
    expect(evaluationMatrix(criteria, ['A'], []).rows[0]).toMatchObject({ weightedTotal: 0, means: { price: null } });
  });
});

describe('purchase order totals', () => {
  it('adds lines, taxes each line rounded half up to the cent, and formats money', () => {
    const totals = orderTotals([
      { id: '1', quantity: 3, unitPriceMinor: 3333, taxRatePercent: 19 },
      { id: '2', quantity: 1, unitPriceMinor: 1_250_000, taxRatePercent: 7.7 },
      { id: '3', quantity: 2, unitPriceMinor: 5, taxRatePercent: 0 },
    ]);
    // 9999 × 19% = 1899.81 → 1900; 1,250,000 × 7.7% = 96,250 exactly.
    expect(totals.lines.map((l) => [l.netMinor, l.taxMinor])).toEqual([[9999, 1900], [1_250_000, 96_250], [10, 0]]);
    expect(totals).toMatchObject({ netMinor: 1_260_009, taxMinor: 98_150, grossMinor: 1_358_159 });
    expect(taxOf(50, 1)).toBe(1);
    expect(taxOf(49, 1)).toBe(0);
    expect(formatMoney(1_358_159, 'EUR')).toBe('13,581.59 EUR');
    expect(formatMoney(5, 'CHF')).toBe('0.05 CHF');
  });

  it('says how far deliveries are', () => {
    expect(receiptState([{ quantity: 2, receivedQuantity: 0 }])).toBe('none');
    expect(receiptState([{ quantity: 2, receivedQuantity: 1 }, { quantity: 1, receivedQuantity: 1 }])).toBe('partly');
    expect(receiptState([{ quantity: 2, receivedQuantity: 2 }, { quantity: 1, receivedQuantity: 1 }])).toBe('all');
  });
});
