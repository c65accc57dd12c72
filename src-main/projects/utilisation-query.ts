import { combineLatest, map, of, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import { ok, type Result } from '../../src-shared/core/result';
import type { ResourceAllocation } from '../../src-shared/projects/plan-item-model';
import type { UtilisationView } from '../../src-shared/projects/plan-views';
import { calculateTeamUtilisation } from '../../src-shared/projects/utilisation';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import { capacityOf$ } from '../hr/capacity-source';
import type { QueryHandler } from '../host/handler-types';
import { people$, personRef, project$, settle } from '../tasks/live-sources';
import { ownerIdOf } from './project-access';

/**
 * `utilisation/team`: the spec's calculate_team_utilization. A person's load counts every project,
 * so allocations and time entries are read across projects. Capacity follows each person's employee
 * record (working pattern, their location's public holidays, approved leave: hr/capacity-source.ts),
 * 8 hours Monday to Friday for someone without one.
 */
export const utilisationQuery: QueryHandler<'utilisation/team'> = (input, context): Observable<Result<UtilisationView>> => {
  const who$: Observable<string[]> = input.personIds
    ? of(input.personIds)
    : input.projectId
      ? project$(context.db, input.projectId).pipe(map((p) => (p ? [...new Set([ownerIdOf(p), ...(p.teamIds ?? [])])] : [])))
      : of([context.actor.id]);
  const allocations$ = context.db.plan_items.find({ selector: { kind: 'resource_allocation' } }).$.pipe(map((docs: RxDocument<unknown>[]) => docs.map((d) => d.toJSON() as ResourceAllocation)));
  // Time entries in the range (by `at`, with a day's margin for time zones), through the (kind, at) index.
  const entries$ = context.db.activity
    .find({ selector: { kind: 'time_entry', at: { $gte: `${shiftDay(input.start, -1)}T00:00:00.000Z`, $lte: `${shiftDay(input.end, 1)}T23:59:59.999Z` } } })
    .$.pipe(map((docs: RxDocument<unknown>[]) => docs.map((d) => d.toJSON() as TimeEntryDocument)));
  return combineLatest([who$, allocations$, entries$, people$(context.db), capacityOf$(context.db, context.actor.id)]).pipe(
    settle(),
    map(([personIds, allocations, entries, people, capacityOf]) => {
      const result = calculateTeamUtilisation({
        personIds,
        start: input.start,
        end: input.end,
        allocations,
        timeEntries: entries.filter((e) => !e.data.isRunning).map((e) => ({ personId: e.personId, date: e.data.date, hours: e.data.hours, isBillable: e.data.isBillable })),
        ...capacityOf(personIds, input.start, input.end),
      });
      if (!result.ok) return result;
      return ok({ utilisation: result.value, people: personIds.map((id) => personRef(people, id) as NonNullable<ReturnType<typeof personRef>>) });
    }),
  );
};

const shiftDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
