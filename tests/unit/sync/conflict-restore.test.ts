import { describe, expect, it } from 'vitest';
import { canRestoreField, restoreCalls } from '../../../src-shared/sync/conflict-restore';

const task = { id: 'T1', title: 'Kept title', dueDate: '2026-03-01', status: 'todo', assigneeId: 'P1', checklist: [] };

describe('restoreCalls', () => {
  it('writes lost task fields back through the task commands, in rule order', () => {
    expect(restoreCalls('tasks', task, [
      { field: 'status', lost: 'in_progress' },
      { field: 'title', lost: 'My title' },
      { field: 'dueDate', lost: null },
      { field: 'assigneeId', lost: null },
    ])).toEqual([
      { command: 'tasks/update', input: { id: 'T1', title: 'My title', dueDate: null } },
      { command: 'tasks/assign', input: { id: 'T1', assigneeId: null } },
      { command: 'tasks/set-status', input: { id: 'T1', status: 'in_progress' } },
    ]);
  });

  it('leaves out fields that already hold the lost value and fields no command sets', () => {
    expect(restoreCalls('tasks', task, [{ field: 'title', lost: 'Kept title' }, { field: 'checklist', lost: [{ id: 'c', text: 'x', isDone: false }] }])).toEqual([]);
  });

  it('puts a nested lost value into the object as it is now', () => {
    const project = { id: 'PR1', budget: { amountMinor: 500, currency: 'EUR' }, wipLimits: { todo: 3 } };
    expect(restoreCalls('projects', project, [{ field: 'budget.amountMinor', lost: 900 }, { field: 'wipLimits.in_progress', lost: 4 }, { field: 'wipLimits.todo', lost: null }])).toEqual([
      { command: 'projects/update', input: { id: 'PR1', budget: { amountMinor: 900, currency: 'EUR' }, wipLimits: { in_progress: 4 } } },
    ]);
  });

  it('has nothing to run for a removed record or a collection without commands', () => {
    expect(restoreCalls('tasks', null, [{ field: 'title', lost: 'x' }])).toEqual([]);
    expect(restoreCalls('workflow_definitions', { id: 'D1' }, [{ field: 'definition.steps', lost: [] }])).toEqual([]);
  });

  it('knows which fields can be emptied', () => {
    expect(canRestoreField('tasks', 'dueDate', null)).toBe(true);
    expect(canRestoreField('tasks', 'title', null)).toBe(false);
    expect(canRestoreField('projects', 'ownerId', null)).toBe(false);
    expect(canRestoreField('people', 'isActive', false)).toBe(true);
    expect(canRestoreField('tasks', 'kanbanRank', 'a')).toBe(false);
  });
});
