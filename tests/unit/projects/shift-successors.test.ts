import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src-shared/projects/plan-dates';
import { shiftSuccessors } from '../../../src-shared/projects/shift-successors';
import type { Task } from '../../../src-shared/tasks/task-model';
import { makeTask } from '../tasks/task-fixtures';
import { randomPlans } from './schedule-fixtures';

const plan = [
  makeTask({ id: 'A', title: 'Order reagents', startDate: '2025-03-03', dueDate: '2025-03-05' }),
  makeTask({ id: 'B', title: 'Train analyst', startDate: '2025-03-06', dueDate: '2025-03-07', dependsOn: ['A'] }),
  makeTask({ id: 'C', title: 'Run stability batch', startDate: '2025-03-06', dueDate: '2025-03-11', dependsOn: ['A'] }),
  makeTask({ id: 'D', title: 'Write report', startDate: '2025-03-12', dueDate: '2025-03-12', dependsOn: ['B', 'C'] }),
  makeTask({ id: 'E', title: 'Order labels', startDate: '2025-03-03', dueDate: '2025-03-04' }),
];
const dates = (tasks: Task[]) => tasks.map((t) => [t.id, t.startDate, t.dueDate]);

describe('shifting successors after a Gantt drag', () => {
  it('pushes every successor just far enough, keeping durations, and returns only changed tasks', () => {
    const result = shiftSuccessors(plan, 'A', '2025-03-05', '2025-03-07');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(dates(result.value)).toEqual([
      ['A', '2025-03-05', '2025-03-07'],
      ['B', '2025-03-08', '2025-03-09'],
      ['C', '2025-03-08', '2025-03-13'],
      ['D', '2025-03-14', '2025-03-14'],
    ]);
    expect(result.value[1]).toEqual({ ...plan[1], startDate: '2025-03-08', dueDate: '2025-03-09' });
  });

  it('lets slack absorb a small move', () => {
    const result = shiftSuccessors(plan, 'B', '2025-03-08', '2025-03-09');
    expect(result.ok && dates(result.value)).toEqual([['B', '2025-03-08', '2025-03-09']]);
  });

  it('does not pull successors earlier when a task moves earlier', () => {
    const result = shiftSuccessors(plan, 'C', '2025-03-06', '2025-03-08');
    expect(result.ok && dates(result.value)).toEqual([['C', '2025-03-06', '2025-03-08']]);
  });

  it('returns nothing when the dates did not change', () => {
    expect(shiftSuccessors(plan, 'A', '2025-03-03', '2025-03-05')).toEqual({ ok: true, value: [] });
  });

  it('leaves undated and cancelled successors where they are', () => {
    const tasks = [...plan, makeTask({ id: 'U', dependsOn: ['A'] }), makeTask({ id: 'X', status: 'cancelled', startDate: '2025-03-06', dueDate: '2025-03-06', dependsOn: ['A'] })];
    const result = shiftSuccessors(tasks, 'A', '2025-03-05', '2025-03-07');
    expect(result.ok && result.value.map((t) => t.id)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('refuses to start a task before its own predecessor ends, naming it', () => {
    const result = shiftSuccessors(plan, 'D', '2025-03-10', '2025-03-10');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'dependency_violation', field: 'startDate', message: '"Write report" cannot start before "Run stability batch" ends.', details: { predecessorIds: ['C'], earliestStart: '2025-03-12' } },
    });
  });

  it('refuses bad input', () => {
    expect(shiftSuccessors(plan, 'A', '2025-03-05', '2025-03-04')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(shiftSuccessors(plan, 'A', '5.3.2025', '2025-03-04')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(shiftSuccessors(plan, 'nope', '2025-03-05', '2025-03-05')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const cancelled = plan.map((t) => (t.id === 'E' ? { ...t, status: 'cancelled' as const } : t));
    expect(shiftSuccessors(cancelled, 'E', '2025-03-05', '2025-03-05')).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const looped = plan.map((t) => (t.id === 'A' ? { ...t, dependsOn: ['D'] } : t));
    expect(shiftSuccessors(looped, 'E', '2025-03-05', '2025-03-05')).toMatchObject({ ok: false, error: { code: 'dependency_cycle' } });
  });
});

function downstreamOf(id: string, tasks: Task[]): Set<string> {
  const found = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const at = stack.pop()!;
    for (const t of tasks) {
      if (t.dependsOn.includes(at) && !found.has(t.id)) {
        found.add(t.id);
        stack.push(t.id);
      }
    }
  }
  return found;
}

describe('shifting successors: properties', () => {
  const moves = randomPlans.chain((tasks) =>
    fc.record({ tasks: fc.constant(tasks), pick: fc.nat(tasks.length - 1), delay: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 1, max: 6 }) }),
  );

  it('leaves no broken link downstream of the moved task, moves only as far as needed, never earlier', () => {
    fc.assert(
      fc.property(moves, ({ tasks, pick, delay, length }) => {
        const moved = tasks[pick]!;
        const preds = tasks.filter((t) => moved.dependsOn.includes(t.id));
        const earliest = preds.length ? addDays(preds.map((p) => p.dueDate!).sort().at(-1)!, 1) : '2025-01-06';
        const start = addDays(earliest, delay);
        const result = shiftSuccessors(tasks, moved.id, start, addDays(start, length - 1));
        expect(result.ok).toBe(true);
        if (!result.ok) return;

        const changed = new Map(result.value.map((t) => [t.id, t]));
        const after = tasks.map((t) => changed.get(t.id) ?? t);
        const byId = new Map(after.map((t) => [t.id, t]));
        const downstream = downstreamOf(moved.id, tasks);

        for (const t of after) {
          const before = tasks.find((b) => b.id === t.id)!;
          if (t.id !== moved.id && !downstream.has(t.id)) expect(changed.has(t.id)).toBe(false);
          if (changed.has(t.id)) expect(t.startDate !== before.startDate || t.dueDate !== before.dueDate).toBe(true);
          if (t.id === moved.id) continue;
          expect(daysBetween(t.startDate!, t.dueDate!)).toBe(daysBetween(before.startDate!, before.dueDate!));
          expect(t.startDate! >= before.startDate!).toBe(true);
          const latestPredEnd = t.dependsOn.map((p) => byId.get(p)!.dueDate!).sort().at(-1);
          if (downstream.has(t.id)) expect(t.startDate! > latestPredEnd!).toBe(true);
          if (changed.has(t.id)) expect(t.startDate).toBe(addDays(latestPredEnd!, 1));
        }
      }),
    );
  });
});
