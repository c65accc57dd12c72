import { describe, expect, it } from 'vitest';
import { taskInputSchema, taskSchema } from '../../../src-shared/tasks/task-model';
import { makeTask } from './task-fixtures';

const issuePaths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('task model', () => {
  it('fills defaults for what a person leaves out', () => {
    const parsed = taskInputSchema.parse({ projectId: 'p-1', title: '  Prepare buffer  ', kanbanRank: 'i' });
    expect(parsed).toEqual({
      projectId: 'p-1',
      title: 'Prepare buffer',
      description: '',
      watcherIds: [],
      priority: 'medium',
      status: 'todo',
      progress: 0,
      checklist: [],
      dependsOn: [],
      kanbanRank: 'i',
    });
  });

  it('accepts a full stored task', () => {
    const task = makeTask({
      id: 't-1',
      parentId: 't-0',
      assigneeId: 'u-5',
      watcherIds: ['u-6'],
      priority: 'critical',
      status: 'in_review',
      startDate: '2025-01-06',
      dueDate: '2025-01-10',
      estimateHours: 12.5,
      progress: 80,
      checklist: [{ id: 'c-1', text: 'Label tubes', isDone: true }],
      dependsOn: ['t-2'],
    });
    expect(taskSchema.parse(task)).toEqual(task);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['an unknown status', { status: 'waiting' }, 'status'],
    ['an unknown priority', { priority: 'urgent' }, 'priority'],
    ['progress above 100', { progress: 101 }, 'progress'],
    ['fractional progress', { progress: 50.5 }, 'progress'],
    ['a negative estimate', { estimateHours: -1 }, 'estimateHours'],
    ['an impossible date', { dueDate: '2025-02-30' }, 'dueDate'],
    ['a due date before the start', { startDate: '2025-02-10', dueDate: '2025-02-09' }, 'dueDate'],
    ['a dependency on itself', { dependsOn: ['t-1'] }, 'dependsOn'],
    ['the same dependency twice', { dependsOn: ['t-2', 't-2'] }, 'dependsOn'],
    ['itself as parent', { parentId: 't-1' }, 'parentId'],
    ['a rank ending in 0', { kanbanRank: 'i0' }, 'kanbanRank'],
    ['an upper-case rank', { kanbanRank: 'I' }, 'kanbanRank'],
    ['a local-time timestamp', { updatedAt: '2025-01-01T08:00:00+01:00' }, 'updatedAt'],
  ])('refuses %s', (_name, change, path) => {
    const result = taskSchema.safeParse({ ...makeTask({ id: 't-1' }), ...change });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContain(path);
  });
});
