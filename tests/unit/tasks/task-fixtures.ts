import type { Task } from '../../../src-shared/tasks/task-model';

/** A valid stored task with fixed metadata; tests override only what they are about. */
export function makeTask(overrides: Partial<Task> & { id: string }): Task {
  return {
    createdAt: '2025-01-01T08:00:00.000Z',
    updatedAt: '2025-01-01T08:00:00.000Z',
    createdBy: 'u-admin',
    updatedBy: 'u-admin',
    auditId: 'a-1',
    projectId: 'p-1',
    title: `Task ${overrides.id}`,
    description: '',
    watcherIds: [],
    priority: 'medium',
    status: 'todo',
    progress: 0,
    checklist: [],
    dependsOn: [],
    kanbanRank: 'i',
    ...overrides,
  };
}
