import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../src-shared/tasks/task-model';
import type { MoveResultView, RescheduleResultView, TaskDetail } from '../../../src-shared/tasks/task-views';
import { openProjectWorld, value } from './project-fixture';

let world: Awaited<ReturnType<typeof openProjectWorld>>;
beforeAll(async () => void (world = await openProjectWorld()));
afterAll(async () => world.close());

describe('tasks through the protocol on the real storage', () => {
  it('lets anyone follow a task and stop following it, for themselves only', async () => {
    const { admin, ben, cy, task } = world;
    const followed = await task(admin, { title: 'Follow me', watcherIds: [ben.id] });
    // Cy is not on the team and still may follow it (tasks are visible to everyone); others' watching stays.
    expect(value(await cy.client.call<Task>('tasks/watch', { id: followed.id, isWatching: true })).watcherIds).toEqual([ben.id, cy.id]);
    expect(value(await cy.client.call<Task>('tasks/watch', { id: followed.id, isWatching: true })).watcherIds).toEqual([ben.id, cy.id]);
    expect(value(await ben.client.call<Task>('tasks/watch', { id: followed.id, isWatching: false })).watcherIds).toEqual([cy.id]);
    expect(await cy.client.call('tasks/watch', { id: 'NO-SUCH-TASK', isWatching: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await cy.client.call('tasks/watch', { id: followed.id, isWatching: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'isWatching' } });
    const watching = value(await cy.client.subscribe('tasks/list', { isWatching: true }).next<{ rows: { task: Task }[] }>());
    expect(watching.rows.map((r) => r.task.title)).toContain('Follow me');
  });

  it('creates a task with every field and refuses bad input next to the field', async () => {
    const { admin, ben, project, task } = world;
    const created = await task(admin, {
      title: 'Prepare standards', description: 'Five levels', assigneeId: ben.id, priority: 'high', startDate: '2026-03-02', dueDate: '2026-03-04',
      estimateHours: 6, checklist: ['Weigh', 'Dilute'],
    });
    expect(created).toMatchObject({ projectId: project.id, status: 'todo', priority: 'high', progress: 0, watcherIds: [], dependsOn: [] });
    expect(created.checklist.map((c) => c.text)).toEqual(['Weigh', 'Dilute']);
    expect(created.kanbanRank).toMatch(/^[0-9a-z]+$/);

    const empty = await admin.call('tasks/create', { projectId: project.id, title: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title' } });
    const backwards = await admin.call('tasks/create', { projectId: project.id, title: 'x', startDate: '2026-03-05', dueDate: '2026-03-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'dueDate' } });
    const badDate = await admin.call('tasks/create', { projectId: project.id, title: 'x', dueDate: '2026-02-30' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'dueDate' } });
    const unknownPerson = await admin.call('tasks/create', { projectId: project.id, title: 'x', assigneeId: 'NOBODY' });
    expect(unknownPerson).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'assigneeId' } });
    const started = await admin.call('tasks/create', { projectId: project.id, title: 'x', status: 'done' });
    expect(started).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'status' } });
  });

  it('lets the team, the assignee and watchers change a task, and refuses anyone else', async () => {
    const { admin, ben, cy, project, task } = world;
    const t = await task(admin, { title: 'Run system suitability' });
    expect(await cy.client.call('tasks/create', { projectId: project.id, title: 'Sneaky' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await cy.client.call('tasks/update', { id: t.id, title: 'Renamed' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(value(await ben.client.call<Task>('tasks/update', { id: t.id, title: 'Run SST' })).title).toBe('Run SST');

    value(await admin.call('tasks/set-watchers', { id: t.id, watcherIds: [cy.id] }));
    expect(value(await cy.client.call<Task>('tasks/set-progress', { id: t.id, progress: 30 })).progress).toBe(30);
    expect(await cy.client.call('projects/update', { id: project.id, name: 'Mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const cleared = value(await admin.call<Task>('tasks/update', { id: t.id, dueDate: '2026-03-10' }));
    expect(cleared.dueDate).toBe('2026-03-10');
    const again = value(await admin.call<Task>('tasks/update', { id: t.id, dueDate: null }));
    expect(again.dueDate).toBeUndefined();
  });

  it('refuses to start or complete a task while its predecessor is open, naming the blocker', async () => {
    const { admin, task } = world;
    const extract = await task(admin, { title: 'Extract samples' });
    const analyse = await task(admin, { title: 'Analyse extracts' });
    value(await admin.call('tasks/add-dependency', { taskId: analyse.id, dependsOnId: extract.id }));

    const start = await admin.call('tasks/set-status', { id: analyse.id, status: 'in_progress' });
    expect(start).toMatchObject({ ok: false, error: { code: 'task_blocked' } });
    if (!start.ok) expect(start.error.message).toBe('"Analyse extracts" cannot start yet: it waits for "Extract samples".');
    const done = await admin.call('tasks/set-status', { id: analyse.id, status: 'done' });
    expect(done).toMatchObject({ ok: false, error: { code: 'task_blocked', details: { blockers: [{ id: extract.id, title: 'Extract samples', reason: 'depends_on' }] } } });

    value(await admin.call('tasks/set-status', { id: extract.id, status: 'in_progress' }));
    value(await admin.call('tasks/set-status', { id: extract.id, status: 'done' }));
    const finished = value(await admin.call<Task>('tasks/set-status', { id: analyse.id, status: 'done' }));
    expect(finished).toMatchObject({ status: 'done', progress: 100 });
    // The predecessor cannot be reopened now that its successor has started on it.
    const reopen = await admin.call('tasks/set-status', { id: extract.id, status: 'todo' });
    expect(reopen).toMatchObject({ ok: false, error: { code: 'dependency_violation' } });
  });

  it('refuses a dependency that would make a cycle, naming the loop', async () => {
    const { admin, task } = world;
    const a = await task(admin, { title: 'A' });
    const b = await task(admin, { title: 'B', dependsOn: [a.id] });
    const c = await task(admin, { title: 'C', dependsOn: [b.id] });
    const cycle = await admin.call('tasks/add-dependency', { taskId: a.id, dependsOnId: c.id });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'dependency_cycle', field: 'dependsOn', details: { path: [a.id, c.id, b.id, a.id] } } });
    if (!cycle.ok) expect(cycle.error.message).toContain('"A" → "C" → "B" → "A"');
    expect(await admin.call('tasks/add-dependency', { taskId: a.id, dependsOnId: a.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const removed = value(await admin.call<Task>('tasks/remove-dependency', { taskId: c.id, dependsOnId: b.id }));
    expect(removed.dependsOn).toEqual([]);
  });

  it('keeps subtasks to any depth and will not complete a parent with open subtasks', async () => {
    const { admin, task } = world;
    const root = await task(admin, { title: 'Validation report' });
    const child = await task(admin, { title: 'Linearity', parentId: root.id, estimateHours: 2 });
    const grandchild = await task(admin, { title: 'Residual plot', parentId: child.id });
    await task(admin, { title: 'Accuracy', parentId: root.id, estimateHours: 2 });
    expect(await admin.call('tasks/update', { id: root.id, parentId: grandchild.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'parentId' } });

    const refused = await admin.call('tasks/set-status', { id: root.id, status: 'done' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'task_blocked' } });
    if (!refused.ok) expect(refused.error.message).toContain('subtasks "Linearity" and "Accuracy" are still open');

    value(await admin.call('tasks/set-status', { id: grandchild.id, status: 'done' }));
    const detail = world.admin.subscribe('tasks/detail', { id: root.id });
    const view = value(await detail.next<TaskDetail>());
    expect(view.subtasks.map((s) => [s.title, s.children.map((c) => c.title)])).toEqual([['Linearity', ['Residual plot']], ['Accuracy', []]]);
    expect(view.progress).toBe(50);
    expect(view.canComplete.isAllowed).toBe(false);
    expect(await admin.call('tasks/remove', { id: child.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it('moves cards between neighbours and flags a column over its WIP limit', async () => {
    const { admin, project, task } = world;
    value(await admin.call('projects/update', { id: project.id, wipLimits: { in_review: 1 } }));
    const x = await task(admin, { title: 'Review X' });
    const y = await task(admin, { title: 'Review Y' });
    const first = value(await admin.call<MoveResultView>('tasks/move', { id: x.id, toStatus: 'in_review' }));
    expect(first.isOverWipLimit).toBe(false);
    const second = value(await admin.call<MoveResultView>('tasks/move', { id: y.id, toStatus: 'in_review', belowId: x.id }));
    expect(second.isOverWipLimit).toBe(true);
    expect(second.task.kanbanRank < first.task.kanbanRank).toBe(true);
    expect(await admin.call('tasks/move', { id: x.id, toStatus: 'in_review', aboveId: 'NOT-THERE' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'aboveId' } });
  });

  it('reschedules a task and pushes its successors later, never earlier', async () => {
    const { admin, task } = world;
    const p = await task(admin, { title: 'Order column', startDate: '2026-03-02', dueDate: '2026-03-03' });
    const s = await task(admin, { title: 'Install column', startDate: '2026-03-04', dueDate: '2026-03-05', dependsOn: [p.id] });
    const moved = value(await admin.call<RescheduleResultView>('tasks/reschedule', { id: p.id, startDate: '2026-03-05', dueDate: '2026-03-06' }));
    expect(moved.changed.map((t) => [t.title, t.startDate, t.dueDate])).toEqual([
      ['Order column', '2026-03-05', '2026-03-06'],
      ['Install column', '2026-03-07', '2026-03-08'],
    ]);
    const early = await admin.call('tasks/reschedule', { id: s.id, startDate: '2026-03-06', dueDate: '2026-03-06' });
    expect(early).toMatchObject({ ok: false, error: { code: 'dependency_violation', field: 'startDate' } });
  });

  it('edits the checklist and removes a task, unlinking its successors', async () => {
    const { admin, task } = world;
    const t = await task(admin, { title: 'Checklist task', checklist: ['One'] });
    const added = value(await admin.call<Task>('tasks/edit-checklist', { taskId: t.id, change: { action: 'add', text: 'Two' } }));
    const two = added.checklist[1]!;
    const toggled = value(await admin.call<Task>('tasks/edit-checklist', { taskId: t.id, change: { action: 'toggle', itemId: two.id, isDone: true } }));
    expect(toggled.checklist.map((c) => c.isDone)).toEqual([false, true]);
    const moved = value(await admin.call<Task>('tasks/edit-checklist', { taskId: t.id, change: { action: 'move', itemId: two.id, index: 0 } }));
    expect(moved.checklist.map((c) => c.text)).toEqual(['Two', 'One']);
    expect(await admin.call('tasks/edit-checklist', { taskId: t.id, change: { action: 'toggle', itemId: 'GONE', isDone: true } })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const next = await task(admin, { title: 'After checklist', dependsOn: [t.id] });
    value(await admin.call('tasks/remove', { id: t.id }));
    expect(await admin.call('tasks/update', { id: t.id, title: 'ghost' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const detail = value(await admin.subscribe('tasks/detail', { id: next.id }).next<TaskDetail>());
    expect(detail.task.dependsOn).toEqual([]);
  });

  it('writes an audit entry for every change', async () => {
    const { admin, task } = world;
    const t = await task(admin, { title: 'Audited' });
    value(await admin.call('tasks/set-progress', { id: t.id, progress: 40 }));
    const audit = value(await admin.subscribe('audit/list', { recordId: t.id }).next<Array<{ command: string; changes: Array<{ field: string }> }>>());
    expect(audit.map((e) => e.command).sort()).toEqual(['tasks/create', 'tasks/set-progress']);
    expect(audit.find((e) => e.command === 'tasks/set-progress')?.changes.map((c) => c.field)).toEqual(['progress']);
  });
});
