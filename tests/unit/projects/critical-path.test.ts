import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath, type CriticalPathResult } from '../../../src-shared/projects/critical-path';
import { addDays, dayNumber } from '../../../src-shared/projects/plan-dates';
import { makeTask } from '../tasks/task-fixtures';
import { randomPlans } from './schedule-fixtures';

const plan = [
  makeTask({ id: 'A', title: 'Order reagents', startDate: '2025-03-03', dueDate: '2025-03-05' }),
  makeTask({ id: 'B', title: 'Train analyst', startDate: '2025-03-06', dueDate: '2025-03-07', dependsOn: ['A'] }),
  makeTask({ id: 'C', title: 'Run stability batch', startDate: '2025-03-06', dueDate: '2025-03-11', dependsOn: ['A'] }),
  makeTask({ id: 'D', title: 'Write report', startDate: '2025-03-12', dueDate: '2025-03-12', dependsOn: ['B', 'C'] }),
  makeTask({ id: 'E', title: 'Order labels', startDate: '2025-03-03', dueDate: '2025-03-04' }),
];

const value = (r: ReturnType<typeof criticalPath>): CriticalPathResult => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const row = (result: CriticalPathResult, id: string) => result.schedule.find((s) => s.taskId === id)!;

describe('critical path', () => {
  it('computes early and late dates and slack by forward and backward pass', () => {
    const result = value(criticalPath(plan));
    expect(result.projectStart).toBe('2025-03-03');
    expect(result.projectFinish).toBe('2025-03-12');
    expect(result.criticalPath).toEqual(['A', 'C', 'D']);
    expect(result.criticalTaskIds).toEqual(['A', 'C', 'D']);
    expect(row(result, 'B')).toEqual({
      taskId: 'B',
      durationDays: 2,
      earlyStart: '2025-03-06',
      earlyFinish: '2025-03-07',
      lateStart: '2025-03-10',
      lateFinish: '2025-03-11',
      slackDays: 4,
      isCritical: false,
    });
    expect(row(result, 'E')).toMatchObject({ slackDays: 8, lateFinish: '2025-03-12' });
    expect(row(result, 'C')).toMatchObject({ slackDays: 0, isCritical: true, earlyFinish: '2025-03-11' });
  });

  it('treats a planned start as "no earlier than", which can leave slack before it', () => {
    const later = plan.map((t) => (t.id === 'D' ? { ...t, startDate: '2025-03-14', dueDate: '2025-03-14' } : t));
    const result = value(criticalPath(later));
    expect(result.projectFinish).toBe('2025-03-14');
    expect(result.criticalPath).toEqual(['D']);
    expect(row(result, 'C').slackDays).toBe(2);
    expect(row(result, 'A').slackDays).toBe(2);
  });

  it('pushes a task whose predecessor runs late past its planned start', () => {
    const late = plan.map((t) => (t.id === 'C' ? { ...t, dueDate: '2025-03-14' } : t));
    const result = value(criticalPath(late));
    expect(row(result, 'D')).toMatchObject({ earlyStart: '2025-03-15', earlyFinish: '2025-03-15', isCritical: true });
  });

  it('leaves out cancelled and undated tasks, and ignores links to them', () => {
    const tasks = [...plan, makeTask({ id: 'U', title: 'Someday' }), makeTask({ id: 'X', status: 'cancelled', startDate: '2025-01-01', dueDate: '2025-12-31' })];
    const withLinks = tasks.map((t) => (t.id === 'A' ? { ...t, dependsOn: ['U', 'X'] } : t));
    const result = value(criticalPath(withLinks));
    expect(result.unscheduledTaskIds).toEqual(['U']);
    expect(result.schedule.map((s) => s.taskId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(result.criticalPath).toEqual(['A', 'C', 'D']);
  });

  it('returns an empty schedule when nothing has dates', () => {
    expect(value(criticalPath([makeTask({ id: 'U' })]))).toEqual({
      projectStart: null,
      projectFinish: null,
      schedule: [],
      criticalPath: [],
      criticalTaskIds: [],
      unscheduledTaskIds: ['U'],
    });
  });

  it('refuses a plan whose links loop, naming the loop', () => {
    const looped = plan.map((t) => (t.id === 'A' ? { ...t, dependsOn: ['D'] } : t));
    const result = criticalPath(looped);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('dependency_cycle');
    const { path } = result.error.details as { path: string[] };
    expect(path[0]).toBe(path[path.length - 1]);
    expect(path).toContain('A');
    expect(path).toContain('D');
  });

  it('refuses a task that ends before it starts', () => {
    expect(criticalPath([makeTask({ id: 'Z', startDate: '2025-03-05', dueDate: '2025-03-04' })])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('critical path properties', () => {
  it('never gives negative slack and respects every link and planned start', () => {
    fc.assert(
      fc.property(randomPlans, (tasks) => {
        const result = value(criticalPath(tasks));
        const byId = new Map(result.schedule.map((s) => [s.taskId, s]));
        for (const s of result.schedule) {
          const task = tasks.find((t) => t.id === s.taskId)!;
          expect(s.slackDays).toBeGreaterThanOrEqual(0);
          expect(s.earlyStart >= task.startDate!).toBe(true);
          expect(s.lateFinish <= result.projectFinish!).toBe(true);
          for (const p of task.dependsOn) expect(s.earlyStart > byId.get(p)!.earlyFinish).toBe(true);
        }
      }),
    );
  });

  it('gives a critical chain of linked, back-to-back tasks that ends the project', () => {
    fc.assert(
      fc.property(randomPlans, (tasks) => {
        const result = value(criticalPath(tasks));
        const chain = result.criticalPath.map((id) => result.schedule.find((s) => s.taskId === id)!);
        expect(chain.length).toBeGreaterThan(0);
        expect(chain.at(-1)!.earlyFinish).toBe(result.projectFinish);
        chain.forEach((s, i) => {
          expect(s.slackDays).toBe(0);
          if (i > 0) {
            expect(tasks.find((t) => t.id === s.taskId)!.dependsOn).toContain(chain[i - 1]!.taskId);
            expect(s.earlyStart).toBe(addDays(chain[i - 1]!.earlyFinish, 1));
          }
        });
        // The project is exactly as long as the chain's first task's start to its end.
        expect(dayNumber(result.projectFinish!) - dayNumber(chain[0]!.earlyStart) + 1).toBe(
          chain.reduce((days, s) => days + s.durationDays, 0),
        );
      }),
    );
  });

  it('does not depend on the order tasks are listed in', () => {
    fc.assert(
      fc.property(
        randomPlans.chain((tasks) => fc.tuple(fc.constant(tasks), fc.shuffledSubarray(tasks, { minLength: tasks.length, maxLength: tasks.length }))),
        ([tasks, shuffled]) => {
          const sort = (r: CriticalPathResult) => [...r.schedule].sort((a, b) => a.taskId.localeCompare(b.taskId));
          expect(sort(value(criticalPath(shuffled)))).toEqual(sort(value(criticalPath(tasks))));
        },
      ),
    );
  });
});
