import { calibrationsOfPlan, type CalibrationEvent } from './calibration-schedule';
import type { Impact } from './deviation-kind';

/**
 * What an out-of-tolerance as-found reading puts in doubt: everything that used the instrument since
 * its last good calibration — bookings, usage log entries and project allocations of it (with the
 * tasks they name) — up to the day the fault was found. Pure.
 */
type Doc = Record<string, unknown>;
const dataOf = (doc: Doc): Doc => (doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The day the doubt starts: the last calibration of the plan before this one that passed as left
 * (after it the instrument was known good), or the beginning of time when there was none.
 */
export function lastGoodDate(calibration: CalibrationEvent, calibrations: readonly CalibrationEvent[]): string {
  const earlier = calibrationsOfPlan({ id: calibration.planId }, calibrations).filter((c) => c.id !== calibration.id && c.performedOn <= calibration.performedOn && c.result === 'pass');
  return earlier.at(-1)?.performedOn ?? '0000-01-01';
}

const within = (from: string, to: string, since: string, until: string) => from.slice(0, 10) <= until && to.slice(0, 10) >= since;

/**
 * The uses of the instrument between `since` and `until` (dates, inclusive): live bookings, usage
 * entries not voided, and resource allocations of it whose period overlaps.
 */
export function impactsBetween(input: { bookings: readonly Doc[]; usage: readonly Doc[]; allocations: readonly Doc[]; since: string; until: string; names?: (personId: string) => string }): Impact[] {
  const { since, until } = input;
  const name = (id: string) => (id && input.names ? input.names(id) : id);
  const impacts: Impact[] = [];
  for (const b of input.bookings) {
    const d = dataOf(b);
    if (b.status !== 'booked' || !within(text(d.start), text(d.end), since, until)) continue;
    impacts.push({ collection: 'records', id: text(b.id), kind: 'booking', label: `Booking by ${name(text(d.personId))}${d.purpose ? `: ${text(d.purpose)}` : ''}`, from: text(d.start), to: text(d.end), personId: text(d.personId), ...(d.projectId ? { projectId: text(d.projectId) } : {}), ...(d.taskId ? { taskId: text(d.taskId) } : {}) });
  }
  for (const u of input.usage) {
    const d = dataOf(u);
    const to = text(d.endedAt) || text(d.startedAt);
    if (u.status !== 'logged' || !within(text(d.startedAt), to, since, until)) continue;
    impacts.push({ collection: 'records', id: text(u.id), kind: 'usage', label: `Used by ${name(text(d.personId))}${d.reference ? ` (${text(d.reference)})` : ''}`, from: text(d.startedAt), to, personId: text(d.personId), ...(d.projectId ? { projectId: text(d.projectId) } : {}), ...(d.taskId ? { taskId: text(d.taskId) } : {}) });
  }
  for (const a of input.allocations) {
    const d = dataOf(a);
    if (a._deleted === true || !within(text(d.periodStart), text(d.periodEnd), since, until)) continue;
    impacts.push({ collection: 'plan_items', id: text(a.id), kind: 'allocation', label: `Allocated to ${text(a.title) || 'a project'}`, from: text(d.periodStart), to: text(d.periodEnd), projectId: text(a.projectId), ...(d.taskId ? { taskId: text(d.taskId) } : {}) });
  }
  return impacts.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
}
