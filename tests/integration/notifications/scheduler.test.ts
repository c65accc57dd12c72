import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import { tempDataDir } from '../support/sqlite-host';
import { addPerson, entriesOf, eventually, manualClock, meetingDocument, openNotificationHost, signInAdmin, taskDocument } from './support';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3_600_000;
const day = 24 * hour;
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

async function entriesUntil(h: Host, personId: string, count: number) {
  return eventually(async () => {
    const entries = await entriesOf(h, personId);
    return entries.length >= count ? entries : undefined;
  });
}

describe('scheduler', () => {
  it('reminds of a task a day and an hour ahead, then overdue once a day, and never twice across restarts', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    host = await openNotificationHost(dir, { clock: clock.clock });
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    await host.db.tasks.insert(taskDocument('T1', { title: 'Weigh samples', assigneeId: bobId, dueDate: '2026-03-04' }));
    const due = dueInstant('2026-03-04', { dueTimeOfDay: '17:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!;

    await settle();
    expect(await entriesOf(host, bobId)).toEqual([]);

    clock.set(iso(due - day + 60_000));
    expect((await entriesUntil(host, bobId, 1)).map((e) => e.subject)).toEqual(['Due in 1 day: Weigh samples']);
    clock.set(iso(due - hour + 60_000));
    await entriesUntil(host, bobId, 2);
    clock.set(iso(due + 60_000));
    const three = await entriesUntil(host, bobId, 3);
    expect(three.map((e) => e.subject)).toEqual(['Due in 1 day: Weigh samples', 'Due in 1 hour: Weigh samples', 'Overdue: Weigh samples']);
    expect(three[2]).toMatchObject({ event: 'task_due', isRead: false, data: { link: { section: 'tasks', itemId: 'T1' } } });

    // A restart derives the same reminders again: nothing fires twice.
    await host.close();
    host = await openNotificationHost(dir, { clock: clock.clock });
    await settle();
    expect(await entriesOf(host, bobId)).toHaveLength(3);

    // Three days of downtime: one overdue reminder on start, not three.
    await host.close();
    clock.advance(3 * day);
    host = await openNotificationHost(dir, { clock: clock.clock });
    const four = await entriesUntil(host, bobId, 4);
    await settle();
    expect(await entriesOf(host, bobId)).toHaveLength(4);
    expect(four[3]?.subject).toBe('Overdue: Weigh samples');

    // Done tasks stop reminding; moving the due date starts a fresh series.
    await host.db.tasks.upsert({ ...taskDocument('T1', { title: 'Weigh samples', assigneeId: bobId, dueDate: '2026-03-04' }), status: 'done' });
    clock.advance(day);
    await settle();
    expect(await entriesOf(host, bobId)).toHaveLength(4);
  });

  it('summarises many reminders missed during downtime into one entry, each recorded as fired', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    host = await openNotificationHost(dir, { clock: clock.clock });
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    await host.close();

    // While LabFlow is closed, five tasks fall overdue.
    clock.advance(10 * day);
    host = await openNotificationHost(dir, { clock: clock.clock });
    await host.db.tasks.bulkInsert([1, 2, 3, 4, 5].map((n) => taskDocument(`T${n}`, { title: `Task ${n}`, assigneeId: bobId, dueDate: '2026-03-05' })));
    const entries = await entriesUntil(host, bobId, 1);
    await settle();
    expect(await entriesOf(host, bobId)).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subject: '5 reminders while LabFlow was not running', data: { summary: { count: 5 }, link: { section: 'tasks' } } });
    const firings = await host.db.notifications.find({ selector: { kind: 'firing', recipientId: bobId } }).exec();
    expect(firings).toHaveLength(5);

    // Next day: each task is overdue again, again summarised once.
    clock.advance(day);
    await entriesUntil(host, bobId, 2);
    await settle();
    expect(await entriesOf(host, bobId)).toHaveLength(2);
  });

  it('fires a meeting reminder on time from its timer, with the real clock running', async () => {
    host = await openNotificationHost(tempDataDir());
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const startsAt = new Date(Date.now() + 15 * 60_000 + 600).toISOString();
    await host.db.meetings.insert(meetingDocument('M1', { title: 'Method review', startsAt, attendeeIds: [bobId, admin.id] }));
    await settle();
    expect(await entriesOf(host, bobId)).toEqual([]);
    const [entry] = await entriesUntil(host, bobId, 1);
    expect(entry).toMatchObject({ event: 'meeting_reminder', subject: 'In 15 minutes: Method review' });
    expect(await entriesOf(host, admin.id)).toHaveLength(1);
  });

  it('notifies workflow assignees and role holders on step entry and at the SLA thresholds', async () => {
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    host = await openNotificationHost(tempDataDir(), { clock: clock.clock });
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const at = '2026-03-02T07:00:00.000Z';
    await host.db.workflow_instances.insert({
      id: 'W1', createdAt: at, updatedAt: at, createdBy: 'x', updatedBy: 'x', auditId: 'x', definitionId: 'D1', code: 'equipment_procurement', version: 1, eventCount: 1, status: 'running', entityType: 'equipment', entityId: 'E1',
      state: {
        id: 'W1', workflowCode: 'equipment_procurement', status: 'running',
        activeSteps: [{ token: 'W1.t1', stepId: 'approval', enteredAt: at, assignees: { users: [bobId], roles: ['admin'] }, atRiskAt: '2026-03-03T19:00:00.000Z', dueAt: '2026-03-04T07:00:00.000Z', escalationsFired: [], isBreached: false, forks: [] }],
      },
    });
    const entered = await entriesUntil(host, bobId, 1);
    expect(entered[0]).toMatchObject({ event: 'workflow_step_entered', data: { link: { section: 'workflows', itemId: 'W1' } } });
    await entriesUntil(host, admin.id, 1);
    // Past both thresholds at once (the PC slept): only the violation is reported.
    clock.set('2026-03-04T08:00:00.000Z');
    const all = await entriesUntil(host, bobId, 2);
    await settle();
    expect((await entriesOf(host, bobId)).map((e) => e.subject)).toEqual([all[0]!.subject, 'SLA violated: approval (equipment_procurement)']);
  });
});
