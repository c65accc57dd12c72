import type { PipelineStage } from './pipeline-stages';

/**
 * The pipeline at a glance, from opportunities as stored: the weighted forecast by month of
 * expected close, the funnel by stage, and the win rate by owner over a period. Money stays integer
 * minor units (weighting rounds each opportunity half up to the minor unit, then sums); one currency
 * at a time — opportunities in other currencies are counted apart, never converted. Pure.
 */
export interface PipelineOpportunity {
  id: string;
  status: 'open' | 'won' | 'lost' | string;
  stageId: string;
  probabilityPercent: number;
  value: { amountMinor: number; currency: string };
  /** YYYY-MM-DD */
  expectedCloseOn: string;
  ownerId: string;
  closedOn?: string | undefined;
}

export interface ForecastMonth {
  /** YYYY-MM */
  month: string;
  count: number;
  totalMinor: number;
  weightedMinor: number;
}

/** value × probability %, rounded half up to the minor unit (integers only). */
export const weightedValueMinor = (amountMinor: number, probabilityPercent: number): number => Math.floor((amountMinor * probabilityPercent + 50) / 100);

/**
 * The currencies of the open opportunities, the most used first (ties alphabetically): the forecast
 * and the funnel are read one currency at a time, starting with the first.
 */
export function openCurrencies(opportunities: readonly PipelineOpportunity[]): string[] {
  const counts = new Map<string, number>();
  for (const o of opportunities) if (o.status === 'open') counts.set(o.value.currency, (counts.get(o.value.currency) ?? 0) + 1);
  return [...counts.entries()].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([currency]) => currency);
}

/** Open opportunities in `currency` by month of expected close, earliest first. */
export function forecastByMonth(opportunities: readonly PipelineOpportunity[], currency: string): { months: ForecastMonth[]; otherCurrencies: number } {
  const months = new Map<string, ForecastMonth>();
  let otherCurrencies = 0;
  for (const o of opportunities) {
    if (o.status !== 'open') continue;
    if (o.value.currency !== currency) {
      otherCurrencies += 1;
      continue;
    }
    const month = o.expectedCloseOn.slice(0, 7);
    const row = months.get(month) ?? { month, count: 0, totalMinor: 0, weightedMinor: 0 };
    row.count += 1;
    row.totalMinor += o.value.amountMinor;
    row.weightedMinor += weightedValueMinor(o.value.amountMinor, o.probabilityPercent);
    months.set(month, row);
  }
  return { months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), otherCurrencies };
}

export interface FunnelStage {
  stageId: string;
  label: string;
  count: number;
  totalMinor: number;
}

/**
 * Open opportunities per stage in pipeline order, plus a row for stages no longer configured (so
 * nothing silently drops out of the funnel).
 */
export function funnel(opportunities: readonly PipelineOpportunity[], stages: readonly PipelineStage[], currency: string): FunnelStage[] {
  const rows = stages.map((s) => ({ stageId: s.id, label: s.label, count: 0, totalMinor: 0 }));
  const other = { stageId: '', label: 'Stage no longer in the pipeline', count: 0, totalMinor: 0 };
  for (const o of opportunities) {
    if (o.status !== 'open' || o.value.currency !== currency) continue;
    const row = rows.find((r) => r.stageId === o.stageId) ?? other;
    row.count += 1;
    row.totalMinor += o.value.amountMinor;
  }
  return other.count > 0 ? [...rows, other] : rows;
}

export interface WinRate {
  ownerId: string;
  won: number;
  lost: number;
  /** Won out of closed, in whole percent rounded half up. */
  winRatePercent: number;
}

/** Per owner who closed any, opportunities closed between `from` and `to` (YYYY-MM-DD, both included). */
export function winRateByOwner(opportunities: readonly PipelineOpportunity[], from: string, to: string): WinRate[] {
  const byOwner = new Map<string, { won: number; lost: number }>();
  for (const o of opportunities) {
    if ((o.status !== 'won' && o.status !== 'lost') || !o.closedOn || o.closedOn < from || o.closedOn > to) continue;
    const row = byOwner.get(o.ownerId) ?? { won: 0, lost: 0 };
    if (o.status === 'won') row.won += 1;
    else row.lost += 1;
    byOwner.set(o.ownerId, row);
  }
  return [...byOwner.entries()]
    .map(([ownerId, { won, lost }]) => ({ ownerId, won, lost, winRatePercent: Math.floor((won * 100 * 2 + (won + lost)) / ((won + lost) * 2)) }))
    .sort((a, b) => a.ownerId.localeCompare(b.ownerId));
}
