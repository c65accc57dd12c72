import { z } from 'zod';

/** The four-point scale used for both a risk's probability and its impact. */
export const riskRatingSchema = z.enum(['low', 'medium', 'high', 'critical']);
export type RiskRating = z.infer<typeof riskRatingSchema>;
export const RISK_RATINGS: readonly RiskRating[] = riskRatingSchema.options;

/** The level a probability × impact pair lands on; same four words as the scale. */
export type RiskLevel = RiskRating;

/**
 * The spec's risk matrix ("Risk Management → Risk Matrix"), rows = probability, columns = impact.
 * It is a lookup table, not a formula: the spec's cells are not a product of scores (e.g. medium ×
 * critical is high, high × high is high), so no arithmetic reproduces it exactly.
 */
export const RISK_MATRIX: Readonly<Record<RiskRating, Readonly<Record<RiskRating, RiskLevel>>>> = {
  low: { low: 'low', medium: 'low', high: 'medium', critical: 'medium' },
  medium: { low: 'low', medium: 'medium', high: 'high', critical: 'high' },
  high: { low: 'medium', medium: 'high', high: 'high', critical: 'critical' },
  critical: { low: 'medium', medium: 'high', high: 'critical', critical: 'critical' },
};

export function riskLevel(probability: RiskRating, impact: RiskRating): RiskLevel {
  return RISK_MATRIX[probability][impact];
}

export interface HeatmapCell {
  probability: RiskRating;
  impact: RiskRating;
  level: RiskLevel;
  count: number;
}

export interface RiskHeatmap {
  /** All 16 cells, probability critical → low (top row first, as drawn), impact low → critical. */
  cells: HeatmapCell[];
  countByLevel: Record<RiskLevel, number>;
  total: number;
}

/**
 * Counts risks per matrix cell. Counts every risk it is given: pass only the ones the heatmap
 * should show (usually the open ones).
 */
export function riskHeatmap(risks: ReadonlyArray<{ probability: RiskRating; impact: RiskRating }>): RiskHeatmap {
  const counts = new Map<string, number>();
  const countByLevel: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const risk of risks) {
    const key = `${risk.probability}/${risk.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    countByLevel[riskLevel(risk.probability, risk.impact)] += 1;
  }
  const cells: HeatmapCell[] = [];
  for (const probability of [...RISK_RATINGS].reverse()) {
    for (const impact of RISK_RATINGS) {
      cells.push({ probability, impact, level: riskLevel(probability, impact), count: counts.get(`${probability}/${impact}`) ?? 0 });
    }
  }
  return { cells, countByLevel, total: risks.length };
}
