import type { DayOff, WorkingCapacity } from '../projects/utilisation';
import { holidayShareOn, holidaysBetween } from './holiday-calendar';
import { leaveDays } from './leave-days';
import type { LeaveRequestFacts, PersonLeaveTerms } from './leave-request-checks';
import { contractedHoursOn } from './working-pattern';

/**
 * A person's capacity for the projects' utilisation (issue 14 item 6): the hours their working
 * pattern gives each weekday, less their location's public holidays (half a day on a half-day
 * holiday) and less their approved leave (half days too). Pure: the host reads employee records,
 * holiday calendars and leave requests and hands them in; `calculateTeamUtilisation` subtracts the
 * days off.
 *
 * Only *approved* leave lowers capacity: a request waiting for its manager may still be refused, and
 * a plan that shrinks and grows again with every draft helps nobody. People without an employee
 * record keep the standard 8 hours Monday to Friday and no holidays (no location is known).
 */
export interface CapacityLeave {
  status: string;
  data: Pick<LeaveRequestFacts, 'personId' | 'startDate' | 'endDate' | 'isFirstDayHalf' | 'isLastDayHalf'>;
}

export interface CapacityInputs {
  capacities: WorkingCapacity[];
  daysOff: DayOff[];
}

/** The status of a leave request that takes the person out of the plan. */
export const capacityLeaveStatus = 'approved';

/**
 * The utilisation's capacities and days off for `people` between `start` and `end` (inclusive):
 * each person's weekday hours, each holiday of their location as the hours it takes from that day,
 * and each approved leave day as the hours it takes on top. A leave day's cost already leaves out
 * what a holiday took (leave-days.ts), so the two never count the same hour twice.
 */
export function capacityInputs(
  people: readonly { personId: string; terms: PersonLeaveTerms | null }[],
  leave: readonly CapacityLeave[],
  start: string,
  end: string,
): CapacityInputs {
  const capacities: WorkingCapacity[] = [];
  const daysOff: DayOff[] = [];
  const leaveByPerson = new Map<string, CapacityLeave[]>();
  for (const l of leave) {
    if (l.status !== capacityLeaveStatus || l.data.endDate < start || l.data.startDate > end) continue;
    leaveByPerson.set(l.data.personId, [...(leaveByPerson.get(l.data.personId) ?? []), l]);
  }
  for (const { personId, terms } of people) {
    if (!terms) continue;
    const pattern = terms.employment.pattern;
    capacities.push({ personId, hoursPerDay: 0, hoursByWeekday: pattern });
    for (const date of new Set(holidaysBetween(terms.holidays, start, end).map((h) => h.date))) {
      const hours = contractedHoursOn(pattern, date) * holidayShareOn(terms.holidays, date);
      if (hours > 0) daysOff.push({ personId, date, hours });
    }
    for (const l of leaveByPerson.get(personId) ?? []) {
      for (const day of leaveDays(l.data, pattern, terms.holidays)) {
        if (day.cost === 0 || day.date < start || day.date > end) continue;
        daysOff.push({ personId, date: day.date, hours: contractedHoursOn(pattern, day.date) * day.cost });
      }
    }
  }
  return { capacities, daysOff };
}
