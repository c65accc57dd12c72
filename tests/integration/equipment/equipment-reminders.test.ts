import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import type { Host } from '../../../src-main/host/create-host';
import { preventiveWorkOrderId } from '../../../src-shared/equipment/maintenance-schedule';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import { createKeyFileSecretStore } from '../../../src-main/security/secret-store';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { entriesOf, eventually, fastTuning, manualClock, openNotificationHost } from '../notifications/support';
import { connectTestClient } from '../support/test-client';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, PASSWORD } from './equipment-world';

/**
 * The equipment rules of the scheduler on a real host: calibration reminders to the custodian and
 * QA at the plan's lead times and when overdue, and preventive work orders created on time — each
 * exactly once, across restarts and downtime.
 */
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const day = 86_400_000;
/** Reminders fall due at 09:00 on this host's clock (as the scheduler computes it). */
const nineOn = (date: string) => new Date(dueInstant(date, { dueTimeOfDay: '09:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!).toISOString();
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const subjects = async (h: Host, personId: string) => (await entriesOf(h, personId)).map((e) => e.subject);
const reopen = async (dir: string, clock: () => Date) => openNotificationHost(dir, { clock });

async function world(dir: string, clock: ReturnType<typeof manualClock>) {
  const opened = await openEquipmentWorld('2026-04-01T08:00:00.000Z', { clock: clock.clock, platform: { secretStore: createKeyFileSecretStore(dir), monotonic: () => performance.now(), notifications: fastTuning } }, dir);
  host = opened.host;
  return opened;
}

describe('equipment reminders', () => {
  it('remind custodian and QA before a calibration falls due and when it is overdue, once each across restarts, and stop once calibrated', async () => {
    const dir = tempDataDir();
    const clock = manualClock(new Date(Date.parse(nineOn('2026-04-01')) - 3_600_000).toISOString());
    const lab = await world(dir, clock);
    const { instrument, plan } = await lab.instrumentInService('Analytical balance', '2026-05-01');
    await settle();
    expect(await subjects(lab.host, lab.cara.id)).toEqual([]);

    clock.set(new Date(Date.parse(nineOn('2026-04-01')) + 60_000).toISOString());
    const thirty = `Calibration “Annual calibration” due on ${formatDay('2026-05-01')}: EQ-0001 Analytical balance`;
    await eventually(async () => ((await subjects(lab.host, lab.quinn.id)).includes(thirty) ? true : undefined));
    expect(await subjects(lab.host, lab.cara.id)).toEqual([thirty]);
    expect(await subjects(lab.host, lab.ben.id)).toEqual([]);

    // A restart derives the same reminders again: nothing fires twice.
    await lab.host.close();
    host = await reopen(dir, clock.clock);
    await settle();
    expect(await subjects(host, lab.cara.id)).toEqual([thirty]);

    // Down over the due date: on start only the overdue reminder fires, not the 7- and 1-day ones it supersedes.
    await host.close();
    clock.set(new Date(Date.parse(nineOn('2026-05-02')) + 3_600_000).toISOString());
    host = await reopen(dir, clock.clock);
    const overdue = 'Calibration “Annual calibration” overdue: EQ-0001 Analytical balance';
    await eventually(async () => ((await subjects(host!, lab.quinn.id)).length >= 2 ? true : undefined));
    await settle();
    expect(await subjects(host, lab.cara.id)).toEqual([thirty, overdue]);
    expect(await subjects(host, lab.quinn.id)).toEqual([thirty, overdue]);

    // Calibrated: the due date moves a year on, and the weekly overdue reminder does not come.
    const cara = connectTestClient(host);
    value(await cara.call('auth/sign-in', { email: 'cara@lab.org', password: PASSWORD }));
    value(await cara.call('equipment/calibration/record', { equipmentId: instrument.id, planId: plan.id, performedOn: '2026-05-02', readings: [{ pointId: 'p100', asLeft: 100.0001 }] }));
    clock.advance(8 * day);
    await settle();
    expect(await subjects(host, lab.cara.id)).toEqual([thirty, overdue]);
    cara.close();
  });

  it('create each preventive work order on time, once, across restarts and downtime', async () => {
    const dir = tempDataDir();
    const clock = manualClock('2026-04-01T08:00:00.000Z');
    const lab = await world(dir, clock);
    const { instrument } = await lab.instrumentInService();
    const plan = value(await lab.cara.client.call<RecordView>('equipment/add-record', { kind: 'maintenance_plan', equipmentId: instrument.id, data: { name: 'Quarterly service', interval: { count: 3, unit: 'months' }, firstDueDate: '2026-04-10', leadDays: 7, tasks: ['Clean the weighing chamber', 'Check the level'] } }));
    const orders = async (h: Host) => (await h.db.records.find({ selector: { kind: 'work_order' } }).exec()).map((d) => d.toJSON() as RecordView);
    await settle();
    expect(await orders(lab.host)).toEqual([]);

    clock.set('2026-04-03T00:01:00.000Z');
    const [first] = await eventually(async () => ((await orders(lab.host)).length > 0 ? orders(lab.host) : undefined));
    expect(first).toMatchObject({ id: preventiveWorkOrderId(plan.id, '2026-04-10'), status: 'open', number: 'WO-2026-0001', createdBy: 'system', data: { type: 'preventive', dueDate: '2026-04-10', assigneeId: lab.cara.id, tasks: [{ text: 'Clean the weighing chamber', isDone: false }, { text: 'Check the level', isDone: false }] } });
    // The custodian is reminded of the work order's due date.
    await eventually(async () => ((await subjects(lab.host, lab.cara.id)).some((s) => s === `Preventive maintenance “Quarterly service” due on ${formatDay('2026-04-10')}: EQ-0001 Analytical balance`) ? true : undefined));

    await lab.host.close();
    host = await reopen(dir, clock.clock);
    await settle();
    expect(await orders(host)).toHaveLength(1);

    // Down for a quarter: the next order comes on start, once.
    await host.close();
    clock.set('2026-07-04T08:00:00.000Z');
    host = await reopen(dir, clock.clock);
    await eventually(async () => ((await orders(host!)).length === 2 ? true : undefined));
    await settle();
    expect((await orders(host)).map((o) => (o.data as { dueDate: string }).dueDate).sort()).toEqual(['2026-04-10', '2026-07-10']);
  });
});
