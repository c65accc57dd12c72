import { map } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { hiringView, type HiringView } from '../../src-shared/hr/hiring-views';
import type { QueryHandlers } from '../host/handler-types';
import { live, namesOf, readable } from './hr-records';

/**
 * The Hiring tab (src-shared/hr/hiring-contract.ts), live on record and directory changes, from the
 * requisitions, candidates and scorecards the asker may read: HR sees every requisition, a hiring
 * manager theirs, anyone else nothing (an interviewer fills in their scorecard from My scorecards).
 */
export const hiringQueryHandlers: QueryHandlers<'hr/hiring'> = {
  'hr/hiring': (_input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<HiringView> => {
      const [requisitions, candidates, scorecards] = await Promise.all([
        readable(context.db, 'job_requisition', actor),
        readable(context.db, 'candidate', actor),
        readable(context.db, 'interview_scorecard', actor),
      ]);
      // A draft requisition whose HIRING workflow has started waits for its first step, not for a start.
      const running = await context.db.workflow_instances.find({ selector: { entityType: 'job_requisition', status: { $in: ['running', 'incident'] } } }).exec();
      const withApproval = new Set(running.map((i) => String(i.get('entityId'))));
      return hiringView({ requisitions, candidates, scorecards, nameOf: namesOf(directory), hasApproval: (id) => withApproval.has(id) });
    }).pipe(map((view) => ok(view))),
};
