import type { TimeEntryDocument } from './task-views';

/**
 * Time tracking's list and summary (the spec's GET /time-tracking and /time-tracking/summary): which
 * entries a filter selects, and their hours totalled per person and per project. Running timers
 * count 0 hours until stopped. Pure.
 */

export interface TimeFilter {
  projectId?: string | undefined;
  taskId?: string | undefined;
  personId?: string | undefined;
  /** Planning days, inclusive ('YYYY-MM-DD'). */
  from?: string | undefined;
  to?: string | undefined;
  isBillable?: boolean | undefined;
}

export interface TimeTotals {
  hours: number;
  billableHours: number;
  nonBillableHours: number;
  entryCount: number;
}

export interface TimeSummary extends TimeTotals {
  from: string | null;
  to: string | null;
  /** By hours, most first. */
  byPerson: Array<TimeTotals & { personId: string; name: string }>;
  byProject: Array<TimeTotals & { projectId: string; code: string; name: string }>;
}

export function matchesTimeFilter(entry: TimeEntryDocument, filter: TimeFilter): boolean {
  const { data } = entry;
  return (
    (filter.projectId === undefined || entry.projectId === filter.projectId) &&
    (filter.taskId === undefined || entry.subjectId === filter.taskId) &&
    (filter.personId === undefined || entry.personId === filter.personId) &&
    (filter.from === undefined || data.date >= filter.from) &&
    (filter.to === undefined || data.date <= filter.to) &&
    (filter.isBillable === undefined || data.isBillable === filter.isBillable)
  );
}

/** Newest day first, then newest start; ties by id so pages never overlap. */
export const byNewestEntry = (a: TimeEntryDocument, b: TimeEntryDocument): number =>
  b.data.date.localeCompare(a.data.date) || b.at.localeCompare(a.at) || a.id.localeCompare(b.id);

/** Hours in hundredths, so sums of 0.1 h entries do not show float error. */
const round = (hours: number): number => Math.round(hours * 100) / 100;

const emptyTotals = (): TimeTotals => ({ hours: 0, billableHours: 0, nonBillableHours: 0, entryCount: 0 });

function add(totals: TimeTotals, entry: TimeEntryDocument): void {
  const hours = entry.data.isRunning ? 0 : entry.data.hours;
  totals.hours = round(totals.hours + hours);
  if (entry.data.isBillable) totals.billableHours = round(totals.billableHours + hours);
  else totals.nonBillableHours = round(totals.nonBillableHours + hours);
  totals.entryCount++;
}

export function summariseTime(
  entries: readonly TimeEntryDocument[],
  filter: TimeFilter,
  names: { person(id: string): string; project(id: string): { code: string; name: string } },
): TimeSummary {
  const total = emptyTotals();
  const people = new Map<string, TimeTotals>();
  const projects = new Map<string, TimeTotals>();
  for (const entry of entries) {
    if (!matchesTimeFilter(entry, filter)) continue;
    add(total, entry);
    add(people.get(entry.personId) ?? people.set(entry.personId, emptyTotals()).get(entry.personId)!, entry);
    add(projects.get(entry.projectId) ?? projects.set(entry.projectId, emptyTotals()).get(entry.projectId)!, entry);
  }
  const mostFirst = (a: TimeTotals, b: TimeTotals) => b.hours - a.hours;
  return {
    ...total,
    from: filter.from ?? null,
    to: filter.to ?? null,
    byPerson: [...people].map(([personId, totals]) => ({ personId, name: names.person(personId), ...totals })).sort((a, b) => mostFirst(a, b) || a.name.localeCompare(b.name)),
    byProject: [...projects].map(([projectId, totals]) => ({ projectId, ...names.project(projectId), ...totals })).sort((a, b) => mostFirst(a, b) || a.code.localeCompare(b.code)),
  };
}
