import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveTask } from '../../../src-shared/tasks/kanban-move';
import type { Task } from '../../../src-shared/tasks/task-model';
import { makeTask } from './task-fixtures';

const buf = makeTask({ id: 'buf', title: 'Prepare buffer', status: 'done', kanbanRank: 'i' });
const cal = makeTask({ id: 'cal', title: 'Calibrate meter', status: 'in_progress', kanbanRank: 'i' });
const ph = makeTask({ id: 'ph', title: 'Measure pH', dependsOn: ['buf', 'cal'], kanbanRank: 'r' });
const lbl = makeTask({ id: 'lbl', title: 'Print labels', kanbanRank: 'c' });
const board = [buf, cal, ph, lbl];
const replace = (tasks: Task[], changed: Task[]) => tasks.map((t) => changed.find((c) => c.id === t.id) ?? t);

describe('moving a Kanban card', () => {
  it('refuses to start a card whose predecessor is open, naming it', () => {
    const result = moveTask(board, { taskId: 'ph', toStatus: 'in_progress' });
    expect(result).toMatchObject({ ok: false, error: { code: 'task_blocked', message: '"Measure pH" cannot start yet: it waits for "Calibrate meter".' } });
  });

  it('refuses review too, but lets a blocked card go to "blocked" or the backlog', () => {
    expect(moveTask(board, { taskId: 'ph', toStatus: 'in_review' })).toMatchObject({ ok: false, error: { code: 'task_blocked' } });
    expect(moveTask(board, { taskId: 'ph', toStatus: 'blocked' }).ok).toBe(true);
    expect(moveTask(board, { taskId: 'ph', toStatus: 'backlog' }).ok).toBe(true);
  });

  it('starts a card once predecessors are done, at the bottom of the column', () => {
    const result = moveTask(replace(board, [{ ...cal, status: 'done', kanbanRank: 'j' }]), { taskId: 'ph', toStatus: 'in_progress' });
    expect(result).toEqual({ ok: true, value: { changed: [{ ...ph, status: 'in_progress', kanbanRank: 'i' }], isOverWipLimit: false } });
  });

  it('completes a card only when its subtasks are closed, setting progress to 100', () => {
    const parent = makeTask({ id: 'p', title: 'Validate', status: 'in_review', progress: 60 });
    const child = makeTask({ id: 'c', title: 'Linearity', parentId: 'p', status: 'todo' });
    expect(moveTask([parent, child], { taskId: 'p', toStatus: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'task_blocked', message: '"Validate" cannot be completed yet: subtask "Linearity" is still open.' },
    });
    const done = moveTask([parent, { ...child, status: 'done' }], { taskId: 'p', toStatus: 'done' });
    expect(done.ok && done.value.changed[0]).toMatchObject({ status: 'done', progress: 100 });
  });

  it('refuses to reopen a done card whose successor already started', () => {
    const started = replace(board, [{ ...cal, status: 'done' }, { ...ph, status: 'in_progress' }]);
    const result = moveTask(started, { taskId: 'buf', toStatus: 'todo' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'dependency_violation', message: '"Prepare buffer" cannot be reopened: "Measure pH" already started and depends on it being done.' },
    });
    expect(moveTask(board, { taskId: 'buf', toStatus: 'todo' }).ok).toBe(true); // successor not started yet
    expect(moveTask(started, { taskId: 'buf', toStatus: 'cancelled' }).ok).toBe(true);
  });

  it('ranks a card between its new neighbours', () => {
    const result = moveTask(board, { taskId: 'lbl', toStatus: 'todo', aboveId: 'ph' });
    expect(result.ok && result.value.changed).toEqual([{ ...lbl, kanbanRank: 's' }]);
    const top = moveTask(board, { taskId: 'ph', toStatus: 'todo', belowId: 'lbl' });
    expect(top.ok && top.value.changed[0]!.kanbanRank).toBe('b');
    expect(moveTask(board, { taskId: 'ph', toStatus: 'todo' })).toEqual({ ok: true, value: { changed: [ph], isOverWipLimit: false } });
  });

  it('re-spreads a column whose neighbouring ranks collided', () => {
    const tied = [makeTask({ id: 'a', kanbanRank: 'i' }), makeTask({ id: 'b', kanbanRank: 'i' }), makeTask({ id: 'm', status: 'backlog' })];
    const result = moveTask(tied, { taskId: 'm', toStatus: 'todo', aboveId: 'a', belowId: 'b' });
    expect(result.ok && result.value.changed.map((t) => [t.id, t.kanbanRank])).toEqual([
      ['m', 'i'],
      ['a', '9'],
      ['b', 'r'],
    ]);
  });

  it('refuses neighbours outside the target column and stale neighbours', () => {
    expect(moveTask(board, { taskId: 'lbl', toStatus: 'todo', aboveId: 'cal' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'aboveId' } });
    expect(moveTask(board, { taskId: 'cal', toStatus: 'todo', aboveId: 'lbl', belowId: 'lbl' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(moveTask(board, { taskId: 'nope', toStatus: 'todo' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('flags, but allows, a move past the WIP limit', () => {
    const result = moveTask(board, { taskId: 'lbl', toStatus: 'in_progress' }, { in_progress: 1 });
    expect(result.ok && result.value.isOverWipLimit).toBe(true);
    expect(moveTask(board, { taskId: 'lbl', toStatus: 'in_progress' }, { in_progress: 2 })).toMatchObject({ ok: true, value: { isOverWipLimit: false } });
  });
});

describe('moving a Kanban card: property', () => {
  it('puts the card exactly where it was dropped, even among colliding ranks', () => {
    const columns = fc.array(fc.constantFrom('9', 'i', 'r', 'i', 'ii'), { minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(columns, fc.nat(), (ranks, pick) => {
        const column = ranks.map((r, i) => makeTask({ id: `c${i}`, kanbanRank: r }));
        const sorted = [...column].sort((a, b) => (a.kanbanRank < b.kanbanRank ? -1 : a.kanbanRank > b.kanbanRank ? 1 : a.id < b.id ? -1 : 1));
        const index = pick % (sorted.length + 1);
        const card = makeTask({ id: 'new', status: 'backlog' });
        const result = moveTask([...column, card], {
          taskId: 'new',
          toStatus: 'todo',
          ...(index > 0 ? { aboveId: sorted[index - 1]!.id } : {}),
          ...(index < sorted.length ? { belowId: sorted[index]!.id } : {}),
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const after = replace([...column, card], result.value.changed).sort((a, b) =>
          a.kanbanRank < b.kanbanRank ? -1 : a.kanbanRank > b.kanbanRank ? 1 : a.id < b.id ? -1 : 1,
        );
        const expected = [...sorted.map((t) => t.id)];
        expected.splice(index, 0, 'new');
        expect(after.map((t) => t.id)).toEqual(expected);
      }),
    );
  });
});
