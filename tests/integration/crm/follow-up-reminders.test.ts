import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import { entriesOf, eventually, manualClock, openNotificationHost, signInAdmin } from '../notifications/support';
import type { connectTestClient } from '../support/test-client';
import { tempDataDir } from '../support/sqlite-host';
import { value } from '../tasks/project-fixture';

/**
 * The CRM follow-up rule on a real host: the owner of an interaction is reminded on its follow-up
 * day, exactly once across a restart; a follow-up marked done before its day is never reminded.
 */
let host: Host | undefined;
let admin: ReturnType<typeof connectTestClient> | undefined;
afterEach(async () => {
  admin?.close();
  await host?.close();
  host = undefined;
  admin = undefined;
});

const nineOn = (date: string) => dueInstant(date, { dueTimeOfDay: '09:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!;
const followUps = async (h: Host, personId: string) => (await entriesOf(h, personId)).filter((e) => e.event === 'crm_follow_up').map((e) => e.subject);
/** Lets the scheduler run its rounds after a clock move or a start; what must not fire is then checked. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('crm follow-up reminders', () => {
  it('remind the owner on the follow-up day, once across a restart, and never for a follow-up done before', async () => {
    const dir = tempDataDir();
    const clock = manualClock(new Date(nineOn('2026-05-04') - 3_600_000).toISOString());
    host = await openNotificationHost(dir, { clock: clock.clock });
    const signedIn = await signInAdmin(host);
    admin = signedIn.client;
    const lead = value(await admin.call<RecordView>('records/create', { kind: 'lead', data: { companyName: 'Kemi AB', lastName: 'Lind' } }));
    const interaction = (summary: string, nextFollowUpOn: string) =>
      admin!.call<RecordView>('records/create', { kind: 'interaction', data: { subjectKind: 'lead', subjectId: lead.id, type: 'call', occurredAt: '2026-05-04T07:30:00.000Z', summary, ownerId: signedIn.id, nextFollowUpOn } });
    expect(await interaction('No date', 'next week')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    value(await interaction('Send the stability protocol', '2026-05-06'));
    const done = value(await interaction('Call back about pricing', '2026-05-06'));
    value(await admin.call('records/update', { id: done.id, data: { followUpDone: true } }));
    await settle();
    expect(await followUps(host, signedIn.id)).toEqual([]);

    clock.set(new Date(nineOn('2026-05-06') + 60_000).toISOString());
    await eventually(async () => ((await followUps(host!, signedIn.id)).length > 0 ? true : undefined));
    expect(await followUps(host, signedIn.id)).toEqual(['Follow up today: Send the stability protocol']);

    // A restart derives the same reminder again: it does not fire twice.
    admin.close();
    admin = undefined;
    await host.close();
    clock.set(new Date(nineOn('2026-05-06') + 3_600_000).toISOString());
    host = await openNotificationHost(dir, { clock: clock.clock });
    await settle();
    expect(await followUps(host, signedIn.id)).toEqual(['Follow up today: Send the stability protocol']);
  });
});
