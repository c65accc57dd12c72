import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import { tempDataDir } from '../support/sqlite-host';
import { addPerson, entriesOf, eventually, manualClock, meetingDocument, openNotificationHost, pausedClock, signInAdmin, taskCreator } from './support';

/**
 * The scheduler on an injected clock. "Nothing fires twice" is checked after `host.whenIdle()`:
 * the scheduler and the outbox have then done everything due, so a late duplicate cannot land
 * after the check.
 */

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3_600_000;
const day = 24 * hour;
/** Sessions outlast the days these tests let pass. */
const sessionTimeoutMs = 60 * day;

async function openHost(dir: string, clock: () => Date) {
  host = await openNotificationHost(dir, { clock, sessionTimeoutMs });
  return host;
}

/** The notifications a person has once the host is idle. */
async function settledEntries(h: Host, personId: string) {
  await h.whenIdle();
  return entriesOf(h, personId);
}

describe('scheduler', () => {
  it('reminds of a task a day and an hour ahead, then overdue once a day, and never twice across restarts', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    const h = await openHost(dir, clock.clock);
    const admin = await signInAdmin(h);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const createTask = await taskCreator(admin.client);
    const taskId = await createTask({ title: 'Weigh samples', assigneeId: bobId, dueDate: '2026-03-04' });
    const due = dueInstant('2026-03-04', { dueTimeOfDay: '17:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!;
    // Bob is also told he was assigned, and that the task is done: reminders are the task_due ones.
    const reminders = async (hh: Host) => (await settledEntries(hh, bobId)).filter((e) => e.event === 'task_due').map((e) => e.subject);
    expect(await reminders(h)).toEqual([]);

    clock.set(iso(due - day + 60_000));
    expect(await reminders(h)).toEqual(['Due in 1 day: Weigh samples']);
    clock.set(iso(due - hour + 60_000));
    expect(await reminders(h)).toEqual(['Due in 1 day: Weigh samples', 'Due in 1 hour: Weigh samples']);
    clock.set(iso(due + 60_000));
    expect(await reminders(h)).toEqual(['Due in 1 day: Weigh samples', 'Due in 1 hour: Weigh samples', 'Overdue: Weigh samples']);
    const overdue = (await entriesOf(h, bobId)).find((e) => e.subject === 'Overdue: Weigh samples');
    expect(overdue).toMatchObject({ event: 'task_due', isRead: false, data: { link: { section: 'tasks', itemId: taskId } } });

    // A restart derives the same reminders again: nothing fires twice.
    await h.close();
    const restarted = await openHost(dir, clock.clock);
    expect(await reminders(restarted)).toHaveLength(3);

    // Three days of downtime: one overdue reminder on start, not three.
    await restarted.close();
    clock.advance(3 * day);
    const afterDowntime = await openHost(dir, clock.clock);
    expect(await reminders(afterDowntime)).toEqual(['Due in 1 day: Weigh samples', 'Due in 1 hour: Weigh samples', 'Overdue: Weigh samples', 'Overdue: Weigh samples']);

    // A done task stops reminding.
    const again = await signInAdmin(afterDowntime, false);
    expect(await again.client.call('tasks/set-status', { id: taskId, status: 'done' })).toMatchObject({ ok: true });
    clock.advance(day);
    expect(await reminders(afterDowntime)).toHaveLength(4);

    // Reopened with its due date moved a week on: a fresh series for the new date, nothing of the old one.
    expect(await again.client.call('tasks/set-status', { id: taskId, status: 'in_progress' })).toMatchObject({ ok: true });
    expect(await again.client.call('tasks/update', { id: taskId, dueDate: '2026-03-15' })).toMatchObject({ ok: true, value: { dueDate: '2026-03-15' } });
    expect(await reminders(afterDowntime)).toHaveLength(4);
    const newDue = dueInstant('2026-03-15', { dueTimeOfDay: '17:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!;
    clock.set(iso(newDue - day + 60_000));
    const fresh = await reminders(afterDowntime);
    expect(fresh).toHaveLength(5);
    expect(fresh[4]).toBe('Due in 1 day: Weigh samples');
    const newest = (await entriesOf(afterDowntime, bobId)).filter((e) => e.event === 'task_due').at(-1);
    expect(newest?.data).toMatchObject({ link: { section: 'tasks', itemId: taskId } });
    expect(JSON.stringify(newest?.data)).toContain('2026-03-15');
  });

  it('summarises many reminders missed during downtime into one entry, each recorded as fired', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    let h = await openHost(dir, clock.clock);
    const admin = await signInAdmin(h);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const createTask = await taskCreator(admin.client);
    // Five tasks due in three days, created by the administrator: each tells Bob once that he has it.
    for (const n of [1, 2, 3, 4, 5]) await createTask({ title: `Task ${n}`, assigneeId: bobId, dueDate: '2026-03-05' });
    const before = (await settledEntries(h, bobId)).length;
    await h.close();

    // While LabFlow is closed, all five fall overdue.
    clock.advance(10 * day);
    h = await openHost(dir, clock.clock);
    const entries = (await settledEntries(h, bobId)).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subject: '5 reminders while LabFlow was not running', data: { summary: { count: 5 }, link: { section: 'tasks' } } });
    const firings = await h.db.notifications.find({ selector: { kind: 'firing', recipientId: bobId } }).exec();
    expect(firings).toHaveLength(5);

    // Next day: each task is overdue again, again summarised once.
    clock.advance(day);
    expect((await settledEntries(h, bobId)).slice(before)).toHaveLength(2);
  });

  it('fires a meeting reminder from its timer when its time comes, and not before', async () => {
    // The clock stands still until run(): the reminder falls due 300 ms after that, and only the
    // scheduler's own timer can fire it (running on, the clock never jumps).
    const start = Date.parse('2026-03-02T08:00:00.000Z');
    const clock = pausedClock(iso(start));
    host = await openNotificationHost(tempDataDir(), { clock: clock.clock, platform: { monotonic: clock.monotonic } });
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    await host.db.meetings.insert(meetingDocument('M1', { title: 'Method review', startsAt: iso(start + 15 * 60_000 + 300), attendeeIds: [bobId, admin.id] }));
    expect(await settledEntries(host, bobId)).toEqual([]);

    clock.run();
    const [entry] = await eventually(async () => {
      const entries = await entriesOf(host!, bobId);
      return entries.length > 0 ? entries : undefined;
    });
    expect(entry).toMatchObject({ event: 'meeting_reminder', subject: 'In 15 minutes: Method review' });
    expect(await settledEntries(host, admin.id)).toHaveLength(1);
    expect(await settledEntries(host, bobId)).toHaveLength(1);
  });

  it('notifies workflow assignees and role holders on step entry and at the SLA thresholds', async () => {
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    const h = await openHost(tempDataDir(), clock.clock);
    const admin = await signInAdmin(h);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    const at = '2026-03-02T07:00:00.000Z';
    // Written directly: a running instance with a step past due is what this rule reads (the
    // workflow commands are tested in tests/integration/workflows).
    await h.db.workflow_instances.insert({
      id: 'W1', createdAt: at, updatedAt: at, createdBy: 'x', updatedBy: 'x', auditId: 'x', definitionId: 'D1', code: 'equipment_procurement', version: 1, eventCount: 1, status: 'running', entityType: 'procurement', entityId: 'E1',
      state: {
        id: 'W1', workflowCode: 'equipment_procurement', status: 'running',
        activeSteps: [{ token: 'W1.t1', stepId: 'approval', enteredAt: at, assignees: { users: [bobId], roles: ['admin'] }, atRiskAt: '2026-03-03T19:00:00.000Z', dueAt: '2026-03-04T07:00:00.000Z', escalationsFired: [], isBreached: false, forks: [] }],
      },
    });
    const entered = await settledEntries(h, bobId);
    expect(entered).toHaveLength(1);
    expect(entered[0]).toMatchObject({ event: 'workflow_step_entered', data: { link: { section: 'workflows', itemId: 'W1' } } });
    expect(await settledEntries(h, admin.id)).toHaveLength(1);
    // Past both thresholds at once (the PC slept): only the violation is reported.
    clock.set('2026-03-04T08:00:00.000Z');
    expect((await settledEntries(h, bobId)).map((e) => e.subject)).toEqual([entered[0]!.subject, 'SLA violated: approval (equipment_procurement)']);
  });
});
