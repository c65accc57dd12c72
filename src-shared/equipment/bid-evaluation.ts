import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';

/**
 * The bid evaluation matrix of an RFQ: weighted criteria (price, delivery, warranty, specification
 * compliance, service …), each evaluator scores each bid on each criterion from 0 to 10, and every
 * bid gets a weighted total — the mean of the evaluators' scores per criterion, weighted by the
 * criteria's weights, on the same 0–10 scale — and a rank. Awarding a bid that is not ranked first
 * needs a written justification. Pure.
 */

export const MAX_SCORE = 10;

export const criterionSchema = z.object({
  id: recordIdSchema,
  name: z.string().trim().min(1, 'Name the criterion, e.g. "Price".').max(100),
  weight: z.number().min(0.01, 'A weight is above 0.').max(1000, 'At most 1000.'),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const scoreSchema = z.object({
  bidId: recordIdSchema,
  criterionId: recordIdSchema,
  score: z.number().min(0, 'Scores run from 0 to 10.').max(MAX_SCORE, 'Scores run from 0 to 10.'),
});
export type Score = z.infer<typeof scoreSchema>;

export interface EvaluatorScores {
  evaluatorId: string;
  scores: readonly Score[];
}

export interface MatrixRow {
  bidId: string;
  /** Mean score per criterion id (null: nobody scored it yet). */
  means: Record<string, number | null>;
  /** Σ mean × weight / Σ weight, over the criteria scored; 0–10. */
  weightedTotal: number;
  /** 1 = best; equal totals share a rank. */
  rank: number;
  /** Scores still missing for this bid (evaluators × criteria). */
  missingScores: number;
}

export interface EvaluationMatrix {
  criteria: readonly Criterion[];
  rows: MatrixRow[];
  /** Every evaluator scored every bid on every criterion. */
  isComplete: boolean;
}

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

/** The matrix of `bidIds` (in their given order for equal totals) under these criteria and evaluations. */
export function evaluationMatrix(criteria: readonly Criterion[], bidIds: readonly string[], evaluations: readonly EvaluatorScores[]): EvaluationMatrix {
  const bids = new Set(bidIds);
  const criterionIds = new Set(criteria.map((c) => c.id));
  const cells = new Map<string, number[]>();
  // An evaluator counts once per cell: the last score they gave it.
  for (const evaluation of evaluations) {
    const own = new Map<string, number>();
    for (const s of evaluation.scores) if (bids.has(s.bidId) && criterionIds.has(s.criterionId)) own.set(`${s.bidId}|${s.criterionId}`, s.score);
    for (const [cell, score] of own) cells.set(cell, [...(cells.get(cell) ?? []), score]);
  }
  const evaluatorCount = new Set(evaluations.map((e) => e.evaluatorId)).size;
  const rows = bidIds.map((bidId) => {
    const means: Record<string, number | null> = {};
    let weighted = 0;
    let weights = 0;
    let missing = 0;
    for (const criterion of criteria) {
      const scores = cells.get(`${bidId}|${criterion.id}`) ?? [];
      missing += Math.max(0, evaluatorCount - scores.length);
      const mean = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      means[criterion.id] = mean === null ? null : round(mean);
      if (mean !== null) {
        weighted += mean * criterion.weight;
        weights += criterion.weight;
      }
    }
    return { bidId, means, weightedTotal: weights > 0 ? round(weighted / weights) : 0, rank: 0, missingScores: missing };
  });
  for (const row of rows) row.rank = rows.filter((other) => other.weightedTotal > row.weightedTotal).length + 1;
  const ordered = [...rows].sort((a, b) => a.rank - b.rank || bidIds.indexOf(a.bidId) - bidIds.indexOf(b.bidId));
  return { criteria, rows: ordered, isComplete: evaluatorCount > 0 && rows.every((r) => r.missingScores === 0) && criteria.length > 0 };
}

/** Whether awarding `bidId` needs a written justification: it is not (jointly) ranked first. */
export function needsAwardJustification(matrix: EvaluationMatrix, bidId: string): boolean {
  const row = matrix.rows.find((r) => r.bidId === bidId);
  return !row || row.rank !== 1;
}
