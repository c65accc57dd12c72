import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch } from '../../../src-shared/bridge/live-patch';
import type { HostMessage } from '../../../src-shared/bridge/protocol';
import type { GanttView } from '../../../src-shared/projects/plan-views';
import type { BoardView } from '../../../src-shared/tasks/task-views';
import { openProjectWorld, value } from '../tasks/project-fixture';
import { connectTestClient } from '../support/test-client';

let world: Awaited<ReturnType<typeof openProjectWorld>>;
const taskIds: string[] = [];
beforeAll(async () => {
  world = await openProjectWorld();
  for (let i = 0; i < 30; i++) taskIds.push((await world.task(world.admin, { title: `Step ${i}`, startDate: '2026-03-02', dueDate: '2026-03-04', dependsOn: taskIds.slice(-1) })).id);
});
afterAll(async () => world.close());

const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
type Push = Extract<HostMessage, { t: 'data' } | { t: 'patch' }>;
const projectInput = () => ({ projectId: world.project.id });

describe('live queries sent as patches', () => {
  it('sends the first result whole and a change as a patch that rebuilds the new result', async () => {
    const { admin } = world;
    const gantt = admin.subscribe('projects/gantt', projectInput(), { patches: true });
    const first = await gantt.nextMessage();
    expect(first).toMatchObject({ t: 'data', seq: 1, result: { ok: true } });
    if (first.t !== 'data') throw new Error('the first push is not whole');
    const before = value(first.result) as GanttView;

    // A second, whole-result subscription sees the same change: the patched result must equal it.
    const whole = admin.subscribe('projects/gantt', projectInput());
    await whole.next();
    value(await admin.call('tasks/update', { id: taskIds[7], title: 'Renamed step' }));
    const push = (await gantt.nextMessage()) as Push;
    expect(push).toMatchObject({ t: 'patch', seq: 2, base: 1 });
    // Only the renamed row travels, not the view.
    expect(JSON.stringify(push).length).toBeLessThan(JSON.stringify(first).length / 10);

    const applied = applyPatch(before, (push as Extract<Push, { t: 'patch' }>).patch);
    const expected = value(await whole.next()) as GanttView;
    expect(applied).toStrictEqual({ ok: true, value: expected });
    const after = (applied.ok ? applied.value : undefined) as GanttView;
    expect(after.tasks.find((t) => t.id === taskIds[7])?.title).toBe('Renamed step');
    expect(after.tasks.find((t) => t.id === taskIds[8])).toBe(before.tasks.find((t) => t.id === taskIds[8]));
  });

  it('updates rows derived from other tasks (the progress of a parent, the project finish) in the patch', async () => {
    const { admin, task } = world;
    const parent = await task(admin, { title: 'Parent', startDate: '2026-03-02', dueDate: '2026-03-20' });
    const child = await task(admin, { title: 'Child', parentId: parent.id, startDate: '2026-03-02', dueDate: '2026-03-03' });
    const gantt = admin.subscribe('projects/gantt', projectInput(), { patches: true });
    const before = value(await gantt.next<GanttView>());
    value(await admin.call('tasks/set-progress', { id: child.id, progress: 100 }));
    value(await admin.call('tasks/update', { id: taskIds[0], dueDate: '2026-03-30' }));
    let after = value(await gantt.next<GanttView>());
    const fresh = () => admin.subscribe('projects/gantt', projectInput()).next<GanttView>();
    // The two changes may come as one push or two: read until the patched view matches a fresh one.
    for (let expected = value(await fresh()); !isEqual(after, expected); expected = value(await fresh())) after = value(await gantt.next<GanttView>());
    expect(after.tasks.find((t) => t.id === parent.id)?.progress).not.toBe(before.tasks.find((t) => t.id === parent.id)?.progress);
    expect(after.tasks.find((t) => t.id === taskIds[0])?.dueDate).toBe('2026-03-30');
    expect(after.projectFinish).not.toBe(before.projectFinish);
  });

  it('keeps the Kanban board right through several patched changes, and answers resync with the whole result', async () => {
    const { admin } = world;
    const board = admin.subscribe('tasks/board', projectInput(), { patches: true });
    await board.next<BoardView>();
    value(await admin.call('tasks/set-status', { id: taskIds[0], status: 'in_progress' }));
    await board.next<BoardView>();
    const created = await world.task(admin, { title: 'Late arrival' });
    const patched = value(await board.next<BoardView>());
    const fresh = admin.subscribe('tasks/board', projectInput());
    expect(patched).toStrictEqual(value(await fresh.next<BoardView>()));
    expect(JSON.stringify(patched)).toContain(created.id);

    await admin.raw(JSON.stringify({ t: 'resync', id: board.id }));
    expect(await board.nextMessage()).toMatchObject({ t: 'data', seq: 4, result: { ok: true, value: patched } });
  });

  it('refuses malformed subscribe and resync messages, and keeps sending whole results to clients that did not ask for patches', async () => {
    const client = connectTestClient(world.host);
    const error = (id: string | null) => client.waitFor((m): m is Extract<HostMessage, { t: 'error' }> => m.t === 'error' && m.id === id);
    await client.raw(JSON.stringify({ t: 'resync' }));
    expect(await error(null)).toMatchObject({ error: { code: 'malformed_message' } });
    await client.raw(JSON.stringify({ t: 'subscribe', id: 'p1', name: 'projects/gantt', input: projectInput(), patches: 'yes' }));
    expect(await error('p1')).toMatchObject({ error: { code: 'malformed_message' } });
    // A resync for a subscription that does not exist is ignored, not answered with someone's data.
    await client.raw(JSON.stringify({ t: 'resync', id: 'nobody' }));
    client.close();

    const { admin } = world;
    const plain = admin.subscribe('projects/gantt', projectInput());
    expect(await plain.nextMessage()).not.toHaveProperty('seq');
    value(await admin.call('tasks/update', { id: taskIds[3], title: 'Renamed again' }));
    expect(await plain.nextMessage()).toMatchObject({ t: 'data', result: { ok: true } });
  });
});
