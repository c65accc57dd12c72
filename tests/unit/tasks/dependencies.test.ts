import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDependency,
  canComplete,
  canStart,
  findDependencyCycle,
  findDependencyPath,
  successorsOf,
} from '../../../src-shared/tasks/dependencies';
import type { Task } from '../../../src-shared/tasks/task-model';
import { makeTask } from './task-fixtures';

const buffer = makeTask({ id: 'buf', title: 'Prepare buffer', status: 'done' });
const calibrate = makeTask({ id: 'cal', title: 'Calibrate meter', status: 'in_progress' });
const measure = makeTask({ id: 'ph', title: 'Measure pH', dependsOn: ['buf', 'cal'] });
const report = makeTask({ id: 'rep', title: 'Write report', dependsOn: ['ph'] });
const lab = [buffer, calibrate, measure, report];

describe('adding a dependency', () => {
  it('adds a finish-to-start link', () => {
    const result = addDependency('rep', 'cal', lab);
    expect(result).toEqual({ ok: true, value: { ...report, dependsOn: ['ph', 'cal'] } });
  });

  it('refuses a cycle and names its path by title', () => {
    const result = addDependency('buf', 'rep', lab);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('dependency_cycle');
    expect(result.error.details).toEqual({ path: ['buf', 'rep', 'ph', 'buf'], titles: ['Prepare buffer', 'Write report', 'Measure pH', 'Prepare buffer'] });
    expect(result.error.message).toContain('"Prepare buffer" → "Write report" → "Measure pH" → "Prepare buffer"');
  });

  it('refuses a task depending on itself or on an unknown task', () => {
    expect(addDependency('ph', 'ph', lab)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(addDependency('ph', 'nope', lab)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'dependsOn' } });
    expect(addDependency('nope', 'ph', lab)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('leaves an existing link as it is', () => {
    expect(addDependency('ph', 'buf', lab)).toEqual({ ok: true, value: measure });
  });

  it('derives "blocks" from "depends on"', () => {
    expect(successorsOf('ph', lab).map((t) => t.id)).toEqual(['rep']);
    expect(successorsOf('buf', lab).map((t) => t.id)).toEqual(['ph']);
  });
});

// A random graph on n tasks, as an adjacency list of "depends on" links.
// Links are drawn as (task, offset) so no self-link is ever generated (a filter could starve).
const graphs = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.uniqueArray(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 2)).map(([a, k]): [number, number] => [a, (a + 1 + k) % n]),
      { maxLength: n * 2, selector: ([a, b]) => `${a}>${b}` },
    ),
  ),
);
const toTasks = (n: number, edges: Array<[number, number]>): Task[] =>
  Array.from({ length: n }, (_, i) => makeTask({ id: `t${i}`, dependsOn: edges.filter(([a]) => a === i).map(([, b]) => `t${b}`) }));

/** Brute force: Warshall's transitive closure. */
function reach(n: number, edges: Array<[number, number]>): boolean[][] {
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => edges.some(([a, b]) => a === i && b === j)));
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (r[i]![k] && r[k]![j]) r[i]![j] = true;
  return r;
}

const isChain = (path: string[], tasks: Task[]) =>
  path.slice(1).every((id, i) => tasks.find((t) => t.id === path[i])!.dependsOn.includes(id));

describe('cycle detection agrees with brute force', () => {
  it('findDependencyCycle finds a real cycle exactly when one exists', () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const tasks = toTasks(n, edges);
        const r = reach(n, edges);
        const hasCycle = r.some((row, i) => row[i]);
        const cycle = findDependencyCycle(tasks);
        expect(cycle !== null).toBe(hasCycle);
        if (cycle) {
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          expect(isChain(cycle, tasks)).toBe(true);
        }
      }),
    );
  });

  it('addDependency refuses exactly the links that close a cycle, naming a real one', () => {
    fc.assert(
      fc.property(
        graphs.filter(([n, edges]) => !reach(n, edges).some((row, i) => row[i])),
        fc.nat(),
        fc.nat(),
        ([n, edges], x, y) => {
          const from = x % n;
          const to = y % n;
          fc.pre(from !== to);
          const tasks = toTasks(n, edges);
          const result = addDependency(`t${from}`, `t${to}`, tasks);
          const closesCycle = reach(n, edges)[to]![from]!;
          expect(result.ok).toBe(!closesCycle);
          if (!result.ok) {
            const path = (result.error.details as { path: string[] }).path;
            expect(path[0]).toBe(`t${from}`);
            expect(path[path.length - 1]).toBe(`t${from}`);
            const withLink = toTasks(n, [...edges, [from, to]]);
            expect(isChain(path, withLink)).toBe(true);
          }
        },
      ),
    );
  });

  it('findDependencyPath returns a chain exactly when one task reaches the other', () => {
    fc.assert(
      fc.property(graphs, fc.nat(), fc.nat(), ([n, edges], x, y) => {
        const [a, b] = [x % n, y % n];
        fc.pre(a !== b);
        const tasks = toTasks(n, edges);
        const path = findDependencyPath(`t${a}`, `t${b}`, tasks);
        expect(path !== null).toBe(reach(n, edges)[a]![b]);
        if (path) expect(isChain(path, tasks)).toBe(true);
      }),
    );
  });
});

describe('can a task start or finish', () => {
  it('starts when every predecessor is done or cancelled', () => {
    expect(canStart(report, [...lab.filter((t) => t.id !== 'ph'), { ...measure, status: 'done' }])).toEqual({ ok: true, value: true });
    expect(canStart(measure, [buffer, { ...calibrate, status: 'cancelled' }, measure])).toEqual({ ok: true, value: true });
  });

  it('names the open predecessors by title', () => {
    const result = canStart(measure, lab);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'task_blocked', message: '"Measure pH" cannot start yet: it waits for "Calibrate meter".' },
    });
    if (!result.ok) expect(result.error.details).toEqual({ blockers: [{ id: 'cal', title: 'Calibrate meter', status: 'in_progress', reason: 'depends_on' }] });
  });

  it('lists several blockers in a readable sentence', () => {
    const result = canStart(measure, [{ ...buffer, status: 'todo' }, calibrate, measure]);
    expect(!result.ok && result.error.message).toBe('"Measure pH" cannot start yet: it waits for "Prepare buffer" and "Calibrate meter".');
  });

  it('ignores links to tasks that no longer exist', () => {
    expect(canStart(makeTask({ id: 'x', dependsOn: ['gone'] }), lab).ok).toBe(true);
  });

  it('completes only when predecessors and subtasks are closed', () => {
    const parent = makeTask({ id: 'par', title: 'Validate method', dependsOn: ['cal'] });
    const child1 = makeTask({ id: 'c1', title: 'Linearity', parentId: 'par', status: 'done' });
    const child2 = makeTask({ id: 'c2', title: 'Precision', parentId: 'par', status: 'in_review' });
    const result = canComplete(parent, [calibrate, parent, child1, child2]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'task_blocked', message: '"Validate method" cannot be completed yet: it waits for "Calibrate meter"; subtask "Precision" is still open.' },
    });
    if (!result.ok) expect((result.error.details as { blockers: Array<{ reason: string }> }).blockers.map((b) => b.reason)).toEqual(['depends_on', 'subtask']);
    expect(canComplete(parent, [{ ...calibrate, status: 'done' }, parent, child1, { ...child2, status: 'cancelled' }])).toEqual({ ok: true, value: true });
  });
});
