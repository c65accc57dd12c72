import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { SignedInPerson } from '../support/lab-people';
import { value } from '../tasks/project-fixture';
import { openHrLab } from './hr-lab';

/**
 * Attendance's own rules hold on the generic record commands too (the kind's invariant, which the
 * sync server runs as well): no day recorded for another date or already checked out, and no
 * correction decided by the person it is about — here Hana, who holds the HR role the kind lets
 * decide corrections. The hand clock starts at 08:05 on Wednesday 1 April 2026, host time.
 */
let host: Host;
let advanceMinutes: (m: number) => void;
let hana: SignedInPerson;
let max: SignedInPerson;
let olga: SignedInPerson;

beforeAll(async () => {
  ({ host, advanceMinutes, hana, max, olga } = await openHrLab(new Date(2026, 3, 1, 8, 5).toISOString()));
});
afterAll(async () => host?.close());

const create = (who: SignedInPerson, data: Record<string, unknown>) => who.client.call<RecordView>('records/create', { kind: 'attendance', data: { personId: who.id, ...data } });

describe('attendance through the generic record commands', () => {
  it('refuses a day for another date, or one created already checked out', async () => {
    expect(await create(max, { date: '2026-03-25', checkIn: '08:00' })).toMatchObject({ ok: false, error: { field: 'data.date', message: expect.stringContaining('on the day itself') } });
    expect(await create(max, { date: '2026-04-01', checkIn: '08:00', checkOut: '17:00' })).toMatchObject({ ok: false, error: { field: 'data.checkOut' } });
    expect(await create(max, { date: 'yesterday', checkIn: '08:00' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.date' } });
    expect((await host.db.records.find({ selector: { kind: 'attendance' } }).exec()).length).toBe(0);
  });

  it('never lets a person decide their own correction, even holding the HR role', async () => {
    const checkedIn = value(await hana.client.call<RecordView>('hr/check-in', {}));
    advanceMinutes(8 * 60);
    value(await hana.client.call('hr/check-out', { breakMinutes: 30 }));
    value(await hana.client.call('hr/attendance/ask-correction', { id: checkedIn.id, checkIn: '07:30', checkOut: '16:05', reason: 'Started early for the audit.' }));
    const own = 'Your own correction is decided by your manager or another HR person.';
    // Writing the corrected times in, or closing the day: both are deciding it.
    expect(await hana.client.call('records/update', { id: checkedIn.id, data: { checkIn: '07:30' } })).toMatchObject({ ok: false, error: { message: own } });
    expect(await hana.client.call('records/transition', { id: checkedIn.id, to: 'closed' })).toMatchObject({ ok: false, error: { message: own } });
    // Olga is no manager of Hana's: the kind's own rules refuse her; nothing changed.
    expect((await olga.client.call('records/transition', { id: checkedIn.id, to: 'closed' })).ok).toBe(false);
    expect((await host.db.records.findOne(checkedIn.id).exec())?.get('status')).toBe('correction_requested');
  });
});
