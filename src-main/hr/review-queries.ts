import { map } from 'rxjs';
import { ok } from '../../src-shared/core/result';
import { weightedGoalScore, type PerformanceReviewData } from '../../src-shared/hr/performance-review-kind';
import type { ReviewRow } from '../../src-shared/hr/review-contract';
import type { QueryHandlers } from '../host/handler-types';
import { live, namesOf, readable } from './hr-records';

/** The reviews the asker may read, newest cycle first, with their part in each. */
export const reviewQueryHandlers: QueryHandlers<'hr/reviews'> = {
  'hr/reviews': (_input, context) =>
    live(context.db, context.actor.id, async (directory, actor): Promise<ReviewRow[]> => {
      const nameOf = namesOf(directory);
      const managed = new Set(actor.managedIds ?? []);
      return (await readable(context.db, 'performance_review', actor))
        .map((doc): ReviewRow => {
          const d = doc.data as unknown as PerformanceReviewData;
          return {
            id: doc.id, personId: d.personId, personName: nameOf(d.personId), cycle: d.cycle, dueDate: d.dueDate, goals: d.goals, competencies: d.competencies,
            selfComments: d.selfComments, managerComments: d.managerComments, meetingId: d.meetingId, status: doc.status, statusLabel: doc.statusLabel,
            role: d.personId === actor.id ? 'self' : managed.has(d.personId) ? 'manager' : 'hr',
            isEmployeeSigned: Boolean(d.employeeSignatureId), isManagerSigned: Boolean(d.managerSignatureId), score: weightedGoalScore(d.goals),
          };
        })
        .sort((a, b) => b.cycle.localeCompare(a.cycle) || a.personName.localeCompare(b.personName));
    }).pipe(map((rows) => ok(rows))),
};
