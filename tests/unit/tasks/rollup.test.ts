import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProgressRollup, projectProgress, taskProgress } from '../../../src-shared/tasks/rollup';
import type { Task } from '../../../src-shared/tasks/task-model';
import { makeTask } from './task-fixtures';

describe('progress roll-up', () => {
  it('reports a leaf task as it is, and a done task as 100', () => {
    const tasks = [makeTask({ id: 'a', progress: 40 }), makeTask({ id: 'b', progress: 10, status: 'done' })];
    expect(taskProgress('a', tasks)).toBe(40);
    expect(taskProgress('b', tasks)).toBe(100);
    expect(taskProgress('missing', tasks)).toBe(0);
  });

  it('averages subtasks equally when none has an estimate, ignoring the parent’s own number', () => {
    const tasks = [
      makeTask({ id: 'p', progress: 90 }),
      makeTask({ id: 'c1', parentId: 'p', progress: 0 }),
      makeTask({ id: 'c2', parentId: 'p', progress: 100 }),
      makeTask({ id: 'c3', parentId: 'p', progress: 20 }),
    ];
    expect(taskProgress('p', tasks)).toBe(40);
  });

  it('weights subtasks by estimate', () => {
    const tasks = [
      makeTask({ id: 'p' }),
      makeTask({ id: 'c1', parentId: 'p', progress: 100, estimateHours: 10 }),
      makeTask({ id: 'c2', parentId: 'p', progress: 0, estimateHours: 30 }),
    ];
    expect(taskProgress('p', tasks)).toBe(25);
  });

  it('weighs a subtask without estimate like the mean of its estimated siblings', () => {
    const tasks = [
      makeTask({ id: 'p' }),
      makeTask({ id: 'c1', parentId: 'p', progress: 100, estimateHours: 10 }),
      makeTask({ id: 'c2', parentId: 'p', progress: 0, estimateHours: 30 }),
      makeTask({ id: 'c3', parentId: 'p', progress: 50 }),
    ];
    // weights 10, 30, 20 → (1000 + 0 + 1000) / 60
    expect(createProgressRollup(tasks).progressOf(tasks[0]!)).toBeCloseTo(33.333, 2);
    expect(taskProgress('p', tasks)).toBe(33);
  });

  it('rolls up through any depth, a parent weighing the sum of its subtasks’ estimates', () => {
    const tasks = [
      makeTask({ id: 'root' }),
      makeTask({ id: 'a', parentId: 'root' }), // no own estimate: weighs 2 + 6 = 8
      makeTask({ id: 'a1', parentId: 'a', progress: 100, estimateHours: 2 }),
      makeTask({ id: 'a2', parentId: 'a', progress: 0, estimateHours: 6 }),
      makeTask({ id: 'b', parentId: 'root', progress: 100, estimateHours: 8 }),
    ];
    expect(taskProgress('a', tasks)).toBe(25);
    expect(taskProgress('root', tasks)).toBe(63); // (25·8 + 100·8) / 16 = 62.5
  });

  it('leaves cancelled subtasks out', () => {
    const tasks = [
      makeTask({ id: 'p' }),
      makeTask({ id: 'c1', parentId: 'p', progress: 100, status: 'done' }),
      makeTask({ id: 'c2', parentId: 'p', progress: 0, status: 'cancelled' }),
    ];
    expect(taskProgress('p', tasks)).toBe(100);
  });

  it('survives a parent loop in bad data', () => {
    const tasks = [makeTask({ id: 'x', parentId: 'y', progress: 20 }), makeTask({ id: 'y', parentId: 'x', progress: 60 })];
    expect(() => taskProgress('x', tasks)).not.toThrow();
  });

  it('rolls a project up from its top-level tasks only', () => {
    const tasks = [
      makeTask({ id: 't1', progress: 100, estimateHours: 30 }),
      makeTask({ id: 't1a', parentId: 't1', progress: 0, status: 'cancelled' }),
      makeTask({ id: 't2', progress: 0, estimateHours: 10 }),
      makeTask({ id: 't3', progress: 0, status: 'cancelled', estimateHours: 100 }),
      makeTask({ id: 'other', projectId: 'p-2', progress: 0, estimateHours: 1000 }),
    ];
    expect(projectProgress('p-1', tasks)).toBe(75);
    expect(projectProgress('p-2', tasks)).toBe(0);
    expect(projectProgress('p-empty', tasks)).toBe(0);
  });
});

// Random trees: task i's parent is some earlier task (or none), so there are no loops.
const trees = fc.array(
  fc.record({
    parent: fc.option(fc.nat(), { nil: undefined }),
    progress: fc.integer({ min: 0, max: 100 }),
    estimate: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 12 },
);
const toTasks = (rows: Array<{ parent?: number; progress: number; estimate?: number }>): Task[] =>
  rows.map((r, i) =>
    makeTask({ id: `t${i}`, progress: r.progress, parentId: r.parent !== undefined && i > 0 ? `t${r.parent % i}` : undefined, estimateHours: r.estimate }),
  );

describe('progress roll-up properties', () => {
  it('stays between the lowest and highest leaf progress', () => {
    fc.assert(
      fc.property(trees, (rows) => {
        const tasks = toTasks(rows);
        const parents = new Set(tasks.map((t) => t.parentId));
        const leaves = tasks.filter((t) => !parents.has(t.id)).map((t) => t.progress);
        const value = projectProgress('p-1', tasks);
        expect(value).toBeGreaterThanOrEqual(Math.min(...leaves));
        expect(value).toBeLessThanOrEqual(Math.max(...leaves));
      }),
    );
  });

  it('never goes down when a leaf makes progress', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.integer({ min: 0, max: 100 }), (rows, pick, gain) => {
        const tasks = toTasks(rows);
        const parents = new Set(tasks.map((t) => t.parentId));
        const leaves = tasks.filter((t) => !parents.has(t.id));
        const leaf = leaves[pick % leaves.length]!;
        const better = tasks.map((t) => (t.id === leaf.id ? { ...t, progress: Math.min(100, t.progress + gain) } : t));
        const before = createProgressRollup(tasks);
        const after = createProgressRollup(better);
        tasks.forEach((t, i) => expect(after.progressOf(better[i]!)).toBeGreaterThanOrEqual(before.progressOf(t) - 1e-9));
      }),
    );
  });
});
