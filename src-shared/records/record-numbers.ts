import type { NumberSeries } from './record-kind';

/**
 * Record numbers (QUO-2026-0042). A series is the prefix and, for yearly series, the year; the
 * counter runs per series. Where numbers come from (DESIGN.md §2 and the README's "Record numbers"):
 * a PC on its own numbers its records itself; a PC in a team gives a record a provisional number
 * (QUO-2026-P7K-0003: this PC's tag and its own counter) that the sync server replaces with the
 * next number of the team's series when the record reaches it. Gapless series (invoices) are never
 * numbered provisionally: in a team only the server numbers them. Pure.
 */

/** The series a record created at `at` (ISO) belongs to, e.g. "QUO-2026". */
export const seriesKey = (series: NumberSeries, at: string): string => (series.isYearly === false ? series.prefix : `${series.prefix}-${at.slice(0, 4)}`);

export const formatNumber = (series: NumberSeries, key: string, counter: number): string => `${key}-${String(counter).padStart(series.digits ?? 4, '0')}`;

/** A provisional number: the series, this PC's tag and this PC's own counter. */
export const formatProvisional = (series: NumberSeries, key: string, pcTag: string, counter: number): string =>
  `${key}-P${pcTag.toUpperCase()}-${String(counter).padStart(series.digits ?? 4, '0')}`;

/** The counter of a final number of `key` ("QUO-2026-0042" → 42), or null when it is not one. */
export function counterOf(key: string, number: string): number | null {
  if (!number.startsWith(`${key}-`)) return null;
  const rest = number.slice(key.length + 1);
  return /^\d{1,12}$/.test(rest) ? Number(rest) : null;
}

/** Whether a record in `status` (just created when `isCreate`) gets its number now. */
export const isNumberedAt = (series: NumberSeries, status: string, isCreate: boolean): boolean =>
  (series.assignOn ?? 'create') === 'create' ? isCreate : status === series.assignOn;

/** A short tag for this PC in provisional numbers, from its id: three letters or digits. */
export const pcTagOf = (pcId: string): string => (pcId.replace(/[^A-Za-z0-9]/g, '').slice(-3) || 'PC0').toUpperCase();
