import fc from 'fast-check';
import { addDays } from '../../../src-shared/projects/plan-dates';
import type { Task } from '../../../src-shared/tasks/task-model';
import { makeTask } from '../tasks/task-fixtures';

/**
 * Random acyclic plans: task i may depend only on tasks before it, starts some days after
 * 2025-01-06 and lasts 1–5 days. Constraints between them may or may not hold.
 */
export const randomPlans = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 30 }),
      length: fc.integer({ min: 1, max: 5 }),
      deps: fc.uniqueArray(fc.nat(), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((rows): Task[] =>
    rows.map((r, i) => {
      const startDate = addDays('2025-01-06', r.offset);
      return makeTask({
        id: `t${i}`,
        title: `Step ${i}`,
        startDate,
        dueDate: addDays(startDate, r.length - 1),
        dependsOn: i === 0 ? [] : [...new Set(r.deps.map((d) => `t${d % i}`))],
      });
    }),
  );
