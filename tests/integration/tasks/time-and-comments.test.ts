import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentResultView, TaskDetail, TimeEntryDocument, TimerResultView } from '../../../src-shared/tasks/task-views';
import { handClock, openProjectWorld, value } from './project-fixture';

const clock = handClock();
let world: Awaited<ReturnType<typeof openProjectWorld>>;
beforeAll(async () => void (world = await openProjectWorld(clock.clock)));
afterAll(async () => world.close());

describe('time entries and comments', () => {
  it('times work with start/stop, one timer per person, and logs manual entries', async () => {
    const { ben, task } = world;
    const a = await task(ben.client, { title: 'Calibrate balance' });
    const b = await task(ben.client, { title: 'Weigh samples' });
    const started = value(await ben.client.call<TimerResultView>('time/start-timer', { taskId: a.id }));
    expect(started.entry.data).toMatchObject({ isRunning: true, hours: 0, date: expect.stringMatching(/^2026-03-0[12]$/) });
    clock.advanceMinutes(90);
    // Starting on another task stops the first timer.
    const switched = value(await ben.client.call<TimerResultView>('time/start-timer', { taskId: b.id, isBillable: false }));
    expect(switched.stopped?.data).toMatchObject({ isRunning: false, hours: 1.5 });
    clock.advanceMinutes(30);
    const stopped = value(await ben.client.call<TimeEntryDocument>('time/stop-timer', {}));
    expect(stopped.data).toMatchObject({ hours: 0.5, isBillable: false, isRunning: false });
    expect(await ben.client.call('time/stop-timer', {})).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    value(await ben.client.call('time/log', { taskId: a.id, date: '2026-03-02', hours: 2, note: 'Repeat' }));
    expect(await ben.client.call('time/log', { taskId: a.id, date: '2026-03-02', hours: 25 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'hours' } });
    const detail = value(await ben.client.subscribe('tasks/detail', { id: a.id }).next<TaskDetail>());
    expect(detail.loggedHours).toBe(3.5);
    expect(detail.billableHours).toBe(3.5);
    expect(detail.timeEntries).toHaveLength(2);
  });

  it('lets people change only their own time entries', async () => {
    const { admin, ben, task } = world;
    const t = await task(admin, { title: 'Shared work' });
    const mine = value(await ben.client.call<TimeEntryDocument>('time/log', { taskId: t.id, date: '2026-03-03', hours: 1 }));
    expect(await admin.call('time/update', { id: mine.id, hours: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('time/remove', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(value(await ben.client.call<TimeEntryDocument>('time/update', { id: mine.id, hours: 2, isBillable: false })).data).toMatchObject({ hours: 2, isBillable: false });
    value(await ben.client.call('time/remove', { id: mine.id }));
    expect(await ben.client.call('time/update', { id: mine.id, hours: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses time and comments from people outside the task', async () => {
    const { admin, cy, task } = world;
    const t = await task(admin, { title: 'Private' });
    expect(await cy.client.call('time/start-timer', { taskId: t.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await cy.client.call('comments/add', { taskId: t.id, body: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('resolves @mentions, notifies the people mentioned once, and reports names it could not resolve', async () => {
    const { admin, ben, task } = world;
    const t = await task(admin, { title: 'Review chromatograms' });
    const added = value(await admin.call<CommentResultView>('comments/add', { taskId: t.id, body: 'Can @ben check peak 3? cc @nobody' }));
    expect(added.comment.data.mentionIds).toEqual([ben.id]);
    expect(added.unresolved).toEqual([{ text: '@nobody', reason: 'unknown' }]);
    const inbox = ben.client.subscribe('notifications/list', {});
    const items = value(await inbox.next<Array<{ event: string; subject: string }>>());
    expect(items.some((n) => n.event === 'mention' && n.subject.includes('Review chromatograms'))).toBe(true);

    expect(await ben.client.call('comments/edit', { id: added.comment.id, body: 'mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const edited = value(await admin.call<CommentResultView>('comments/edit', { id: added.comment.id, body: 'Can @ben check peak 4?' }));
    expect(edited.comment.data).toMatchObject({ body: 'Can @ben check peak 4?', editedAt: expect.any(String) });
    expect(await admin.call('comments/add', { taskId: t.id, body: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'body' } });
  });

  it('notifies the assignee when a task is assigned', async () => {
    const { admin, ben, task } = world;
    const t = await task(admin, { title: 'Assigned later' });
    value(await admin.call('tasks/assign', { id: t.id, assigneeId: ben.id }));
    const inbox = value(await ben.client.subscribe('notifications/list', {}).next<unknown>());
    expect(JSON.stringify(inbox)).toContain('Assigned to you: Assigned later');
  });
});
