import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { ExitsView } from '../../../src-shared/hr/exit-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { entriesOf, eventually, manualClock, openNotificationHost, signIn, signInAdmin, taskCreator } from '../notifications/support';
import type { connectTestClient } from '../support/test-client';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';

/**
 * Exits on a real host: HR records Max's resignation (bad input refused by field), the checklist
 * lists the task he holds, HR hands it over in place; after his last day the scheduler deactivates
 * him and tells HR, once across a restart. The clock is the host's local time (times below are
 * local), as the rule's midnight is.
 */
let host: Host | undefined;
const clients: ReturnType<typeof connectTestClient>[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await host?.close();
  host = undefined;
});

const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const leftNotices = async (h: Host, personId: string) => (await entriesOf(h, personId)).filter((e) => e.event === 'person_left');
const isActive = async (h: Host, personId: string) => (await h.db.people.findOne(personId).exec())?.get('isActive') as boolean;

describe('an exit', () => {
  it('is recorded by HR with a checklist of what the person holds, handed over in place, and ends their account after the last day, once', async () => {
    const dir = tempDataDir();
    const clock = manualClock(local(2026, 6, 29, 10));
    host = await openNotificationHost(dir, { clock: clock.clock, sessionTimeoutMs: 30 * 86_400_000 });
    const admin = await signInAdmin(host);
    clients.push(admin.client);
    const people = async (name: string, email: string, roles: string[]) => value(await admin.client.call<{ id: string }>('people/create', { name, email, password: 'long enough password', roles })).id;
    const hanaId = await people('Hana HR', 'hana@lab.org', ['hr']);
    const maxId = await people('Max Member', 'max@lab.org', ['member']);
    const tomId = await people('Tom Taker', 'tom@lab.org', ['member']);
    const hana = await signIn(host, 'hana@lab.org');
    const max = await signIn(host, 'max@lab.org');
    clients.push(hana, max);
    const task = await taskCreator(hana, 'EXIT-1');
    const taskId = await task({ title: 'Validate the HPLC method', assigneeId: maxId, dueDate: '2026-07-15' });

    const exit = (data: Record<string, unknown>) => ({ personId: maxId, exitType: 'resignation', noticeDate: '2026-06-01', lastDay: '2026-06-30', ...data });
    expect(await hana.call('hr/exit/record', exit({ lastDay: '2026-05-31' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'lastDay' } });
    expect(await hana.call('hr/exit/record', exit({ exitType: 'fired' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'exitType' } });
    expect(await hana.call('hr/exit/record', exit({ personId: 'nobody' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'personId' } });
    expect(await hana.call('hr/exit/record', exit({ lastDay: '30/06/2026' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'lastDay' } });
    expect(await max.call('hr/exit/record', exit({}))).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const recorded = value(await hana.call<RecordView>('hr/exit/record', exit({})));
    expect(recorded).toMatchObject({ status: 'notified', data: { lastDay: '2026-06-30' } });
    expect(await hana.call('hr/exit/record', exit({}))).toMatchObject({ ok: false, error: { code: 'already_exists', field: 'personId' } });
    const view = value(await hana.subscribe('hr/exits', {}).next<ExitsView>());
    const row = view.exits[0]!;
    expect(row).toMatchObject({ personName: 'Max Member', exitTypeLabel: 'Resignation', accessEndsOn: '2026-07-01', isPersonActive: true });
    expect(row.checklist.map((i) => i.label)).toEqual(['Return keys, access badge and lab coat', 'Hand over task Validate the HPLC method', 'Hold the exit interview', 'Hand the final settlement to finance']);
    const handover = row.checklist[1]!.id;

    // A hand-over line is ticked by handing over, never by hand; not to the person leaving; lines must exist.
    expect(await hana.call('hr/exit/tick', { id: row.id, itemId: handover, isDone: true })).toMatchObject({ ok: false, error: { field: 'itemId' } });
    expect(await hana.call('hr/exit/tick', { id: row.id, itemId: 'no-such-line', isDone: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await hana.call('hr/exit/hand-over', { id: row.id, itemId: handover, toPersonId: maxId })).toMatchObject({ ok: false, error: { field: 'toPersonId' } });
    expect(await hana.call('hr/exit/hand-over', { id: row.id, itemId: 'keys', toPersonId: tomId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The person leaving reads their own exit, but cannot change it.
    expect(await max.call('hr/exit/tick', { id: row.id, itemId: 'keys', isDone: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const handed = value(await hana.call<RecordView>('hr/exit/hand-over', { id: row.id, itemId: handover, toPersonId: tomId }));
    expect(handed.status).toBe('in_progress');
    expect((await host.db.tasks.findOne(taskId).exec())?.get('assigneeId')).toBe(tomId);
    const ticked = value(await hana.call<RecordView>('hr/exit/tick', { id: row.id, itemId: 'keys', isDone: true }));
    expect((ticked.data as { checklist: { id: string; doneOn: string }[] }).checklist.filter((i) => i.doneOn).map((i) => [i.id, i.doneOn])).toEqual([['keys', '2026-06-29'], [handover, '2026-06-29']]);

    // Through the last day nothing happens; after it, Max is deactivated and HR is told.
    clock.set(local(2026, 6, 30, 23, 50));
    await settle();
    expect(await isActive(host, maxId)).toBe(true);
    clock.set(local(2026, 7, 1, 0, 5));
    await eventually(async () => ((await isActive(host!, maxId)) ? undefined : true));
    await eventually(async () => ((await leftNotices(host!, hanaId)).length > 0 ? true : undefined));
    expect((await leftNotices(host, hanaId)).map((n) => n.subject)).toEqual(['Max Member\'s LabFlow account is deactivated']);
    expect(await signIn(host, 'max@lab.org').catch((e: Error) => e.message)).toMatch(/deactivated/i);

    // A restart derives the same reminder: HR is not told twice.
    for (const c of clients.splice(0)) c.close();
    await host.close();
    host = await openNotificationHost(dir, { clock: clock.clock });
    await settle();
    expect(await leftNotices(host, hanaId)).toHaveLength(1);
  });
});
