import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardView, SavedTaskFilter, TaskListView } from '../../../src-shared/tasks/task-views';
import { openProjectWorld, value } from './project-fixture';

let world: Awaited<ReturnType<typeof openProjectWorld>>;
beforeAll(async () => void (world = await openProjectWorld()));
afterAll(async () => world.close());

describe('task views', () => {
  it('lists, filters and sorts tasks, and shows "my tasks" across projects', async () => {
    const { admin, ben, task, adminId } = world;
    const late = await task(admin, { title: 'Late report', assigneeId: ben.id, dueDate: '2026-02-20', priority: 'low' });
    await task(admin, { title: 'Urgent fix', assigneeId: ben.id, dueDate: '2026-03-20', priority: 'critical' });
    await task(admin, { title: 'Admin chore', assigneeId: adminId, dueDate: '2026-03-10' });
    await task(admin, { title: 'Nobody yet' });
    const other = value(await admin.call<{ id: string }>('projects/create', { code: 'EQ-2', name: 'Equipment', teamIds: [ben.id] }));
    value(await admin.call('tasks/create', { projectId: other.id, title: 'Qualify HPLC', assigneeId: ben.id }));

    const mine = value(await ben.client.subscribe('tasks/list', { isMine: true, sort: { field: 'priority', direction: 'asc' } }).next<TaskListView>());
    expect(mine.rows.map((r) => r.task.title)).toEqual(['Urgent fix', 'Qualify HPLC', 'Late report']);
    expect(mine.rows.find((r) => r.task.id === late.id)).toMatchObject({ isOverdue: true, projectCode: 'QC-1', assignee: { id: ben.id, name: 'Ben Bench' } });

    const byDue = value(await admin.subscribe('tasks/list', { projectId: world.project.id, sort: { field: 'dueDate', direction: 'desc' } }).next<TaskListView>());
    expect(byDue.rows.map((r) => r.task.title)).toEqual(['Urgent fix', 'Admin chore', 'Late report', 'Nobody yet']);
    const filtered = value(await admin.subscribe('tasks/list', { projectId: world.project.id, includeUnassigned: true, text: 'nobody' }).next<TaskListView>());
    expect(filtered.rows.map((r) => r.task.title)).toEqual(['Nobody yet']);
    const overdue = value(await admin.subscribe('tasks/list', { isOverdue: true }).next<TaskListView>());
    expect(overdue.rows.map((r) => r.task.title)).toEqual(['Late report']);
    expect(await admin.call('tasks/create', { projectId: world.project.id, title: 'x', priority: 'urgent' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'priority' } });
  });

  it('keeps the list live: a new task appears without asking again', async () => {
    const { admin, task } = world;
    const list = admin.subscribe('tasks/list', { projectId: world.project.id, text: 'live' });
    expect(value(await list.next<TaskListView>()).total).toBe(0);
    await task(admin, { title: 'A live one' });
    expect(value(await list.next<TaskListView>()).rows.map((r) => r.task.title)).toEqual(['A live one']);
  });

  it('saves filters per person', async () => {
    const { admin, ben } = world;
    const saved = value(await ben.client.call<SavedTaskFilter>('task-filters/save', { name: 'My urgent', filter: { isMine: true, priorities: ['critical', 'high'] } }));
    expect(value(await ben.client.subscribe('task-filters/list', {}).next<SavedTaskFilter[]>()).map((f) => f.name)).toEqual(['My urgent']);
    expect(value(await admin.subscribe('task-filters/list', {}).next<SavedTaskFilter[]>())).toEqual([]);
    expect(await admin.call('task-filters/remove', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ben.client.call('task-filters/save', { name: '', filter: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    value(await ben.client.call('task-filters/remove', { id: saved.id }));
  });

  it('builds the Kanban board with WIP limits, blockers and swimlanes', async () => {
    const { admin, ben, task, project } = world;
    value(await admin.call('projects/update', { id: project.id, wipLimits: { in_progress: 1 } }));
    const first = await task(admin, { title: 'Board first', assigneeId: ben.id });
    await task(admin, { title: 'Board waits', dependsOn: [first.id] });
    value(await admin.call('tasks/set-status', { id: first.id, status: 'in_progress' }));
    const second = await task(admin, { title: 'Board second' });
    value(await admin.call('tasks/set-status', { id: second.id, status: 'in_progress' }));

    const board = value(await ben.client.subscribe('tasks/board', { projectId: project.id, swimlanes: true }).next<BoardView>());
    const inProgress = board.columns.find((c) => c.status === 'in_progress')!;
    expect(inProgress).toMatchObject({ wipLimit: 1, wipCount: 2, isOverWipLimit: true });
    const waiting = board.columns.flatMap((c) => c.cards).find((c) => c.task.title === 'Board waits')!;
    expect(waiting).toMatchObject({ isBlocked: true, blockedBy: ['Board first'] });
    expect(board.swimlanes?.map((l) => l.assigneeId)).toContain(ben.id);
    expect(board.swimlanes?.at(-1)?.assigneeId).toBeNull();
    expect(board.people).toContainEqual({ id: ben.id, name: 'Ben Bench' });

    const bensBoard = value(await ben.client.subscribe('tasks/board', { projectId: project.id, assigneeId: ben.id }).next<BoardView>());
    expect(bensBoard.columns.flatMap((c) => c.cards).every((c) => c.task.assigneeId === ben.id)).toBe(true);
    expect(bensBoard.columns.find((c) => c.status === 'in_progress')).toMatchObject({ wipCount: 2, isOverWipLimit: true });
  });
});
