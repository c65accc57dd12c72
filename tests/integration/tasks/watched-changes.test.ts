import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import type { Preferences } from '../../../src-shared/notifications/preferences';
import type { Task } from '../../../src-shared/tasks/task-model';
import { handClock, openProjectWorld, value, type Client } from './project-fixture';

const clock = handClock();
let world: Awaited<ReturnType<typeof openProjectWorld>>;
beforeAll(async () => void (world = await openProjectWorld(clock.clock)));
afterAll(async () => world.close());

type Entry = { event: string; subject: string; body: string };
const inbox = async (client: Client) => value(await client.subscribe('notifications/list', {}).next<Entry[]>());
const watchedBy = async (client: Client, title: string) => (await inbox(client)).filter((n) => n.event === 'task_watched' && n.subject.includes(title));

describe('what the watchers of a task hear', () => {
  it('hear a comment, a reassignment and a moved due date once each — never what they did, nor what another event already told them', async () => {
    const { admin, ben, cy, task } = world;
    const t = await task(admin, { title: 'Validate the HPLC method', dueDate: '2026-03-20' });
    value(await cy.client.call<Task>('tasks/watch', { id: t.id, isWatching: true }));

    value(await admin.call('comments/add', { taskId: t.id, body: 'Column lot changed, please re-check.' }));
    expect((await watchedBy(cy.client, 'HPLC')).map((n) => n.body)).toEqual(['Column lot changed, please re-check.']);
    // Mentioned, Cy hears the mention alone.
    value(await admin.call('comments/add', { taskId: t.id, body: '@cy can you look?' }));
    expect(await watchedBy(cy.client, 'HPLC')).toHaveLength(1);

    value(await admin.call('tasks/assign', { id: t.id, assigneeId: ben.id }));
    const reassigned = (await watchedBy(cy.client, 'HPLC')).find((n) => n.subject.includes('now with'));
    expect(reassigned?.body).toMatch(/reassigned “Validate the HPLC method” from nobody to Ben Bench\./);
    // Ben hears "assigned to you", not the watchers' version of it.
    expect(await watchedBy(ben.client, 'HPLC')).toEqual([]);
    expect((await inbox(ben.client)).some((n) => n.event === 'task_assigned' && n.body.includes(formatDay('2026-03-20')))).toBe(true);

    value(await admin.call('tasks/update', { id: t.id, dueDate: '2026-03-27' }));
    const moved = `moved the due date of “Validate the HPLC method” from ${formatDay('2026-03-20')} to ${formatDay('2026-03-27')}.`;
    expect((await watchedBy(cy.client, 'HPLC')).filter((n) => n.body.endsWith(moved))).toHaveLength(1);
    expect((await watchedBy(ben.client, 'HPLC')).filter((n) => n.body.endsWith(moved))).toHaveLength(1);
    // The administrator made every change and hears none of them.
    expect(value(await admin.subscribe('notifications/list', {}).next<Entry[]>()).filter((n) => n.event === 'task_watched')).toEqual([]);
  });

  it('stay quiet for a watcher who turned the event off in their preferences', async () => {
    const { admin, cy, task } = world;
    const t = await task(admin, { title: 'Order spare lamps' });
    value(await cy.client.call<Task>('tasks/watch', { id: t.id, isWatching: true }));
    const preferences = value(await cy.client.subscribe('notifications/preferences', {}).next<Preferences>());
    const off = { inApp: false, desktop: false, email: false, webhook: false };
    value(await cy.client.call('notifications/set-preferences', { ...preferences, channels: { ...preferences.channels, task_watched: off } }));
    value(await admin.call('comments/add', { taskId: t.id, body: 'Two lamps are enough.' }));
    expect(await watchedBy(cy.client, 'spare lamps')).toEqual([]);
  });
});
