import { combineLatest, map, type Observable } from 'rxjs';
import type { RxDocument } from 'rxdb';
import { ok } from '../../src-shared/core/result';
import type { TimeEntryDocument } from '../../src-shared/tasks/task-views';
import { byNewestEntry, matchesTimeFilter, summariseTime, type TimeFilter } from '../../src-shared/tasks/time-summary';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { people$, projects$, settle } from './live-sources';

/**
 * Time entries across tasks, live: the index on (personId | projectId, kind, at) narrows the read to
 * one person's or one project's entries when the filter names one; the rest of the filter is pure
 * (time-summary.ts).
 */
function timeEntries$(db: LabDatabase, filter: TimeFilter): Observable<TimeEntryDocument[]> {
  const selector = {
    kind: 'time_entry',
    ...(filter.personId !== undefined ? { personId: filter.personId } : filter.projectId !== undefined ? { projectId: filter.projectId } : {}),
  };
  return db.activity.find({ selector }).$.pipe(
    settle(),
    map((docs: RxDocument<unknown>[]) => docs.map((d) => d.toJSON() as TimeEntryDocument).filter((entry) => matchesTimeFilter(entry, filter))),
  );
}

export const timeQueryHandlers: QueryHandlers<'time/list' | 'time/summary'> = {
  'time/list': ({ limit, ...filter }, context) => timeEntries$(context.db, filter).pipe(map((entries) => ok(entries.sort(byNewestEntry).slice(0, limit)))),

  'time/summary': (filter, context) =>
    combineLatest([timeEntries$(context.db, filter), people$(context.db), projects$(context.db)]).pipe(
      map(([entries, people, projects]) =>
        ok(
          summariseTime(entries, filter, {
            person: (id) => people.get(id)?.name ?? id,
            project: (id) => ({ code: projects.get(id)?.code ?? id, name: projects.get(id)?.name ?? id }),
          }),
        ),
      ),
    ),
};
