import { planStanding, type CalibrationEvent, type PlanSchedule } from './calibration-schedule';
import { equipmentStatusLabel, notYetQualifiedStatuses, retiredStatuses } from './equipment-statuses';
import { formatDay } from '../format/display-format';
import { addInterval, dateOf } from './interval';

/**
 * Usage gating, the lab's most important rule: an instrument may be booked, used or allocated to a
 * project only when it is in service (so qualified: equipment-kind's invariant), its last
 * calibration passed, no calibration is overdue during the use, and the person is one of its
 * authorised users. The refusal names what to do about it. Pure: the host's commands and the sync
 * server's push both call it, each with its own documents and clock.
 *
 * Due dates are calendar days in UTC: an instrument due on 1 March may be used through 1 March
 * (UTC) and not after. Host and server judge the same day, whatever the time zone of each PC.
 */

export interface InstrumentFacts {
  id: string;
  number: string;
  name: string;
  status: string;
  custodianId: string;
  authorisedUserIds: readonly string[];
}

export type UseKind = 'booking' | 'usage' | 'allocation';

export type UnfitReason =
  | 'quarantined'
  | 'out_of_service'
  | 'under_maintenance'
  | 'not_qualified'
  | 'decommissioned'
  | 'calibration_failed'
  | 'calibration_overdue'
  | 'calibration_lapses'
  | 'not_authorised'
  /** A course the instrument requires is expired or missing for the person (src-shared/hr/training-gate.ts). */
  | 'not_trained';

export interface Unfit {
  reason: UnfitReason;
  message: string;
  /** The calibration plan concerned, and the date it was due. */
  planId?: string;
  dueDate?: string;
}

export interface FitnessInput {
  instrument: InstrumentFacts;
  plans: readonly PlanSchedule[];
  calibrations: readonly CalibrationEvent[];
  /** Who will use it; absent for a project allocation (no person named). */
  person?: { id: string; name?: string } | undefined;
  /** When it is used: ISO instants or dates; `to` ≥ `from`. */
  from: string;
  to: string;
  /** The judge's clock (ISO). */
  now: string;
  use: UseKind;
}

const labelOf = (i: InstrumentFacts) => (i.number ? `${i.number} ${i.name}` : i.name);
const useWords: Record<UseKind, string> = { booking: 'this booking ends', usage: 'this use ends', allocation: 'the allocation starts' };

function statusRefusal(instrument: InstrumentFacts): Unfit | null {
  const label = labelOf(instrument);
  switch (instrument.status) {
    case 'in_service':
      return null;
    case 'quarantined':
      return { reason: 'quarantined', message: `${label} is quarantined: it cannot be used until QA releases it.` };
    case 'out_of_service':
      return { reason: 'out_of_service', message: `${label} is out of service.` };
    case 'under_maintenance':
      return { reason: 'under_maintenance', message: `${label} is under maintenance.` };
  }
  if (retiredStatuses.has(instrument.status)) return { reason: 'decommissioned', message: `${label} has been decommissioned.` };
  const stage = notYetQualifiedStatuses.has(instrument.status) ? equipmentStatusLabel(instrument.status).toLowerCase() : instrument.status;
  return { reason: 'not_qualified', message: `${label} is not qualified for use yet (${stage}): it can be used once a qualification is approved and it is put in service.` };
}

/** Null when the instrument is fit for this use; otherwise the first reason it is not. */
export function checkFitForUse(input: FitnessInput): Unfit | null {
  const { instrument, person } = input;
  const label = labelOf(instrument);
  const byStatus = statusRefusal(instrument);
  if (byStatus) return byStatus;
  const today = dateOf(input.now);
  // The last day the instrument must be in calibration: a use logged afterwards is judged over its
  // own time; a booking is also refused while the instrument is overdue now; an allocation spans
  // months, so the instrument must be fit when it starts (or now, if it has started).
  const latest = (a: string, b: string) => (a > b ? a : b);
  const lastDay = input.use === 'usage' ? dateOf(input.to) : input.use === 'booking' ? latest(dateOf(input.to), today) : latest(dateOf(input.from), today);
  const standings = input.plans.filter((p) => p.isActive).map((p) => planStanding(p, input.calibrations));
  for (const { plan, latest } of standings) {
    if (latest && latest.result === 'fail') {
      return {
        reason: 'calibration_failed',
        planId: plan.id,
        message: `${label} failed its last calibration: ${latest.number || 'the calibration'} (“${plan.name}”) on ${formatDay(latest.performedOn)} was out of tolerance as left. It can be used again once a calibration passes.`,
      };
    }
  }
  // The earliest due date decides (several plans: a daily check and an annual calibration).
  const earliest = standings.sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  if (earliest && lastDay > earliest.dueDate) {
    const { plan, dueDate, lastPassed } = earliest;
    if (today > dueDate) {
      const last = lastPassed ? `; last calibrated ${lastPassed.number ? `${lastPassed.number} ` : ''}on ${formatDay(lastPassed.performedOn)}` : '; never calibrated';
      return {
        reason: 'calibration_overdue',
        planId: plan.id,
        dueDate,
        message: `${label} is overdue for calibration: “${plan.name}” was due on ${formatDay(dueDate)} (overdue since ${formatDay(addInterval(dueDate, { count: 1, unit: 'days' }))}${last}).`,
      };
    }
    return {
      reason: 'calibration_lapses',
      planId: plan.id,
      dueDate,
      message: `“${plan.name}” of ${label} is due on ${formatDay(dueDate)}, before ${useWords[input.use]} (${formatDay(lastDay)}). ${input.use === 'usage' ? 'Have it calibrated first.' : 'Choose dates up to the due date or have it calibrated first.'}`,
    };
  }
  if (person && person.id !== instrument.custodianId && !instrument.authorisedUserIds.includes(person.id)) {
    return { reason: 'not_authorised', message: `${person.name ?? 'This person'} is not an authorised user of ${label}; its custodian can add them.` };
  }
  return null;
}
