import { addInterval, type Interval } from './interval';
import type { AsFoundVerdict, Verdict } from './tolerance';

/**
 * When an instrument's calibrations fall due. A plan's first calibration is due on its first due
 * date; each later one an interval after the last calibration that passed (as left). A calibration
 * that failed does not restart the clock: the instrument stays gated until one passes. Voided
 * records (entered in error) count for nothing. Pure.
 */

export interface PlanSchedule {
  id: string;
  number: string;
  name: string;
  isActive: boolean;
  firstDueDate: string;
  interval: Interval;
}

export interface CalibrationEvent {
  id: string;
  number: string;
  planId: string;
  performedOn: string;
  result: Verdict;
  asFound: AsFoundVerdict;
  isVoided: boolean;
  /** Orders two calibrations of one day. */
  createdAt: string;
}

const byTime = (a: CalibrationEvent, b: CalibrationEvent) => a.performedOn.localeCompare(b.performedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The plan's calibrations that count, oldest first. */
export const calibrationsOfPlan = (plan: Pick<PlanSchedule, 'id'>, calibrations: readonly CalibrationEvent[]): CalibrationEvent[] =>
  calibrations.filter((c) => c.planId === plan.id && !c.isVoided).sort(byTime);

export interface PlanStanding {
  plan: PlanSchedule;
  /** The date by which the next calibration must be done; the instrument may be used through that day. */
  dueDate: string;
  /** The last calibration that passed, which the due date counts from (null: none yet, the first due date applies). */
  lastPassed: CalibrationEvent | null;
  /** The most recent calibration, passed or not. */
  latest: CalibrationEvent | null;
}

/** Where one plan stands: its next due date and its last calibrations. */
export function planStanding(plan: PlanSchedule, calibrations: readonly CalibrationEvent[]): PlanStanding {
  const own = calibrationsOfPlan(plan, calibrations);
  const latest = own.at(-1) ?? null;
  const lastPassed = [...own].reverse().find((c) => c.result === 'pass') ?? null;
  return { plan, dueDate: lastPassed ? addInterval(lastPassed.performedOn, plan.interval) : plan.firstDueDate, lastPassed, latest };
}

/** The earliest next due date over the instrument's active plans, or null when it has none. */
export function nextCalibrationDue(plans: readonly PlanSchedule[], calibrations: readonly CalibrationEvent[]): PlanStanding | null {
  let earliest: PlanStanding | null = null;
  for (const plan of plans) {
    if (!plan.isActive) continue;
    const standing = planStanding(plan, calibrations);
    if (!earliest || standing.dueDate < earliest.dueDate) earliest = standing;
  }
  return earliest;
}

/** One due date of a plan and how it was met: on time when a passing calibration came on or before it. */
export interface DueOccurrence {
  planId: string;
  dueDate: string;
  /** The passing calibration that met it; absent while still open. */
  metBy?: CalibrationEvent;
  isOnTime: boolean;
}

/**
 * Every due date of a plan up to `today`, each met by the next passing calibration: due dates follow
 * one another as the schedule above computes them, so the first is the plan's first due date and
 * each later one an interval after the calibration that met the one before. A due date already
 * past and not met is late; one not yet reached and not met is left out (it can still be on time).
 */
export function dueOccurrences(plan: PlanSchedule, calibrations: readonly CalibrationEvent[], today: string): DueOccurrence[] {
  const passed = calibrationsOfPlan(plan, calibrations).filter((c) => c.result === 'pass');
  const occurrences: DueOccurrence[] = [];
  let dueDate = plan.firstDueDate;
  for (const calibration of passed) {
    occurrences.push({ planId: plan.id, dueDate, metBy: calibration, isOnTime: calibration.performedOn <= dueDate });
    dueDate = addInterval(calibration.performedOn, plan.interval);
  }
  // A retired plan has no open due date.
  if (plan.isActive && dueDate < today) occurrences.push({ planId: plan.id, dueDate, isOnTime: false });
  return occurrences;
}
