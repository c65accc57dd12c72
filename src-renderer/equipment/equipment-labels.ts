import type { StatusTone } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { recordStatusLabel } from '../../src-shared/records/record-labels';

/** Words and colours the equipment screens share; dates are shown the one way the app shows them (src-shared/format/display-format.ts). */

export type ChipColour = 'default' | 'info' | 'success' | 'warning' | 'error';

/** The colour of a record's status, from its kind's declaration. */
export function statusColour(kind: string, status: string): ChipColour {
  const tone: StatusTone | undefined = recordKindOf(kind)?.statuses.find((s) => s.id === status)?.tone;
  return tone ?? 'default';
}

export const statusText = (kind: string, status: string): string => recordStatusLabel(kind, status);

/** Times as everywhere in LabFlow (src-shared/format/display-format.ts), in the person's own time zone. */
export { formatDateTime } from '../../src-shared/format/display-format';

/** "in 12 days", "today", "3 days overdue". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  if (daysLeft > 0) return `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue`;
}

/** Money typed in major units ("1,234.50") as minor units, or null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/[\s,]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

export const resultText: Record<string, string> = { pass: 'Pass', fail: 'Fail', not_measured: 'Not measured', na: 'Not applicable' };
