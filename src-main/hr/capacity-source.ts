import { map, type Observable } from 'rxjs';
import { capacityInputs, type CapacityInputs, type CapacityLeave } from '../../src-shared/hr/capacity';
import { leaveTermsOf } from '../../src-shared/hr/leave-request-checks';
import type { LabDatabase } from '../database/open-database';
import { live, lookupOf, readable } from './hr-records';

/** The capacities and days off of some people over a range of days. */
export type CapacityOf = (personIds: readonly string[], start: string, end: string) => CapacityInputs;

/**
 * Capacity for the projects' utilisation from HR's records (src-shared/hr/capacity.ts): employee
 * records (working pattern, location), their locations' holiday calendars and approved leave, as far
 * as the asker may read them. That is the sync server's scope: HR, the person and their manager see
 * a person's leave in their capacity; a project manager who is none of these sees the pattern and
 * holidays only if they may read the employee record, else the standard 8 hours Monday to Friday —
 * the same figures their own PC would compute from what it holds.
 */
export function capacityOf$(db: LabDatabase, actorId: string): Observable<CapacityOf> {
  return live(db, actorId, async (_directory, actor) => {
    const [employees, calendars, leave] = await Promise.all([readable(db, 'employee', actor), readable(db, 'holiday_calendar', actor), readable(db, 'leave_request', actor)]);
    return { lookup: lookupOf(employees, calendars), leave: leave.map((l) => ({ status: l.status, data: l.data }) as unknown as CapacityLeave) };
  }).pipe(
    map(({ lookup, leave }): CapacityOf => (personIds, start, end) => capacityInputs(personIds.map((personId) => ({ personId, terms: leaveTermsOf(lookup, personId) })), leave, start, end)),
  );
}
