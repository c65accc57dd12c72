import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import { formatDay } from '../../../src-shared/format/display-format';
import { addDays } from '../../../src-shared/projects/plan-dates';
import { expiryOf } from '../../../src-shared/hr/training-matrix';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import { addPerson, entriesOf, eventually, manualClock, openNotificationHost, signIn, signInAdmin } from '../notifications/support';
import type { connectTestClient } from '../support/test-client';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';

/**
 * The training expiry rule on a real host: a person is told their training runs out 30 days ahead,
 * exactly once across a restart; a renewal recorded before the next reminder ends the old series.
 */
let host: Host | undefined;
const clients: ReturnType<typeof connectTestClient>[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await host?.close();
  host = undefined;
});

const nineOn = (date: string) => dueInstant(date, { dueTimeOfDay: '09:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!;
const trainingNotices = async (h: Host, personId: string) => (await entriesOf(h, personId)).filter((e) => e.event === 'training_expiring').map((e) => e.subject);
/** Lets the scheduler run its rounds after a clock move or a start; what must not fire is then checked. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('training expiry reminders', () => {
  it('tell the person a month ahead, once across a restart, and stop once the training is renewed', async () => {
    const dir = tempDataDir();
    const completedOn = '2025-06-30';
    const expiresOn = expiryOf(completedOn, 12);
    const firstNotice = nineOn(addDays(expiresOn, 1)) - 30 * 86_400_000;
    const clock = manualClock(new Date(firstNotice - 86_400_000).toISOString());
    host = await openNotificationHost(dir, { clock: clock.clock });
    const admin = await signInAdmin(host);
    clients.push(admin.client);
    const maxId = await addPerson(admin.client, 'Max Member', 'max@lab.org');
    const hana = value(await admin.client.call<{ id: string }>('people/create', { name: 'Hana HR', email: 'hana@lab.org', password: 'long enough password', roles: ['hr'] }));
    const hr = await signIn(host, 'hana@lab.org');
    clients.push(hr);
    const course = value(await hr.call<RecordView>('records/create', { kind: 'training_course', data: { title: 'HPLC operation', validityMonths: 12 } }));
    const complete = (on: string) => hr.call<RecordView>('records/create', { kind: 'training_completion', data: { personId: maxId, courseId: course.id, completedOn: on, expiresOn: expiryOf(on, 12), signedById: hana.id } });
    // A PC cannot extend a certificate: the expiry must follow from the course.
    expect(await hr.call('records/create', { kind: 'training_completion', data: { personId: maxId, courseId: course.id, completedOn, expiresOn: '2099-01-01', signedById: hana.id } })).toMatchObject({ ok: false, error: { field: 'data.expiresOn' } });
    value(await complete(completedOn));
    await settle();
    expect(await trainingNotices(host, maxId)).toEqual([]);

    clock.set(new Date(firstNotice + 60_000).toISOString());
    await eventually(async () => ((await trainingNotices(host!, maxId)).length > 0 ? true : undefined));
    expect(await trainingNotices(host, maxId)).toEqual([`Your training “HPLC operation” is valid until ${formatDay(expiresOn)}`]);

    // A restart derives the same reminder again: it does not fire twice.
    for (const c of clients.splice(0)) c.close();
    await host.close();
    host = await openNotificationHost(dir, { clock: clock.clock });
    await settle();
    expect(await trainingNotices(host, maxId)).toHaveLength(1);

    // Renewed before the week-ahead reminder: nothing more about the old certificate, even after it ran out.
    const hrAgain = await signIn(host, 'hana@lab.org');
    clients.push(hrAgain);
    value(await hrAgain.call<RecordView>('records/create', { kind: 'training_completion', data: { personId: maxId, courseId: course.id, completedOn: addDays(expiresOn, -20), expiresOn: expiryOf(addDays(expiresOn, -20), 12), signedById: hana.id } }));
    await settle();
    clock.set(new Date(nineOn(addDays(expiresOn, 2))).toISOString());
    await settle();
    await settle();
    expect(await trainingNotices(host, maxId)).toHaveLength(1);
  });
});
