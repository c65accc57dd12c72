import { describe, expect, it } from 'vitest';
import { isOverdue, matchesFilter, sortTasks } from '../../../src-shared/tasks/task-filter';
import type { Task } from '../../../src-shared/tasks/task-model';
import { makeTask } from './task-fixtures';

const facts = (overrides: Partial<Parameters<typeof matchesFilter>[2]> = {}) => ({
  personId: 'me', today: '2026-03-10', isBlocked: () => false, progressOf: (t: Task) => t.progress, ...overrides,
});

describe('task list filters', () => {
  const mine = makeTask({ id: 'a', assigneeId: 'me', dueDate: '2026-03-01', priority: 'high', title: 'Calibrate balance', description: 'Room 2' });
  const theirs = makeTask({ id: 'b', assigneeId: 'you', dueDate: '2026-03-20', watcherIds: ['me'] });
  const nobody = makeTask({ id: 'c', status: 'done', dueDate: '2026-03-01', parentId: 'a' });

  it.each([
    [{ isMine: true }, ['a']],
    [{ isWatching: true }, ['b']],
    [{ assigneeIds: ['you'] }, ['b']],
    [{ includeUnassigned: true }, ['c']],
    [{ assigneeIds: ['you'], includeUnassigned: true }, ['b', 'c']],
    [{ statuses: ['done' as const] }, ['c']],
    [{ priorities: ['high' as const] }, ['a']],
    [{ dueFrom: '2026-03-05' }, ['b']],
    [{ dueTo: '2026-03-05' }, ['a', 'c']],
    [{ isOverdue: true }, ['a']],
    [{ includeSubtasks: false }, ['a', 'b']],
    [{ text: 'room calibrate' }, ['a']],
    [{ text: 'ROOM 3' }, []],
  ])('%j keeps %j', (filter, ids) => {
    expect([mine, theirs, nobody].filter((t) => matchesFilter(t, filter, facts())).map((t) => t.id)).toEqual(ids);
  });

  it('counts a task as blocked when it waits for others or is set to blocked', () => {
    const waiting = makeTask({ id: 'w' });
    const flagged = makeTask({ id: 'f', status: 'blocked' });
    const f = facts({ isBlocked: (t) => t.id === 'w' });
    expect([waiting, flagged, mine].filter((t) => matchesFilter(t, { isBlocked: true }, f)).map((t) => t.id)).toEqual(['w', 'f']);
  });

  it('never calls a closed task overdue', () => {
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, '2026-01-01')).toBe(false);
    expect(isOverdue({ status: 'todo', dueDate: '2025-12-31' }, '2026-01-01')).toBe(true);
    expect(isOverdue({ status: 'todo', dueDate: '2026-01-01' }, '2026-01-01')).toBe(false);
  });
});

describe('task list sorting', () => {
  const tasks = () => [
    makeTask({ id: '1', title: 'beta', dueDate: '2026-03-05', priority: 'low' }),
    makeTask({ id: '2', title: 'Alpha', priority: 'critical' }),
    makeTask({ id: '3', title: 'gamma', dueDate: '2026-03-01', priority: 'medium' }),
  ];
  it('puts missing dates last in both directions', () => {
    expect(sortTasks(tasks(), { field: 'dueDate', direction: 'asc' }, () => 0).map((t) => t.id)).toEqual(['3', '1', '2']);
    expect(sortTasks(tasks(), { field: 'dueDate', direction: 'desc' }, () => 0).map((t) => t.id)).toEqual(['1', '3', '2']);
  });
  it('sorts priorities by urgency and titles without regard to case', () => {
    expect(sortTasks(tasks(), { field: 'priority', direction: 'asc' }, () => 0).map((t) => t.id)).toEqual(['2', '3', '1']);
    expect(sortTasks(tasks(), { field: 'title', direction: 'asc' }, () => 0).map((t) => t.id)).toEqual(['2', '1', '3']);
  });
});
