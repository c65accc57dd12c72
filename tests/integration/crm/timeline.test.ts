import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../src-shared/crm/interaction-timeline';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openCrmHost, type CrmHost } from './crm-host';

/**
 * The interaction timeline on a real host: an organisation's shows its own interactions and its
 * contacts' and opportunities', newest first; a contact's only its own; people outside sales see
 * none (interactions are sales records); a record without a timeline and a missing one are refused.
 */
let crm: CrmHost | undefined;
afterEach(async () => {
  await crm?.close();
  crm = undefined;
});

describe('the interaction timeline', () => {
  it('joins an account’s interactions, newest first, for those who may read them', async () => {
    crm = await openCrmHost();
    const { admin, person } = crm;
    const sam = await person('Sam Sales', 'sam@lab.org', ['sales']);
    const ben = await person('Ben Bench', 'ben@lab.org', ['member']);
    const create = (kind: string, data: Record<string, unknown>) => sam.client.call<RecordView>('records/create', { kind, data }).then(value);
    const org = await create('organisation', { name: 'Kemi AB', roles: ['customer'] });
    const contact = await create('contact', { organisationId: org.id, firstName: 'Sara', lastName: 'Lind', email: 'sara@kemi.example' });
    const opportunity = await create('opportunity', { name: 'Kemi method transfer', organisationId: org.id, stageId: 'proposal', probabilityPercent: 50, value: { amountMinor: 1_000_000, currency: 'EUR' }, expectedCloseOn: '2026-12-31', ownerId: sam.id });
    const other = await create('organisation', { name: 'Brno Bio', roles: ['customer'] });
    const log = (subjectKind: string, subjectId: string, summary: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
      create('interaction', { subjectKind, subjectId, type: 'call', occurredAt, summary, ownerId: sam.id, ...extra });
    await log('organisation', org.id, 'Intro call', '2026-05-01T09:00:00.000Z');
    await log('contact', contact.id, 'Sara asked for a quote', '2026-05-03T09:00:00.000Z', { type: 'email', nextFollowUpOn: '2026-05-10' });
    await log('opportunity', opportunity.id, 'Site visit', '2026-05-02T09:00:00.000Z', { type: 'meeting', meetingId: 'no-such-meeting' });
    await log('organisation', other.id, 'Someone else', '2026-05-04T09:00:00.000Z');

    const timeline = (client: typeof sam.client, id: string) => client.subscribe('crm/timeline', { id }).next<TimelineItem[]>();
    const forOrg = value(await timeline(sam.client, org.id));
    expect(forOrg.map((i) => [i.summary, i.subjectTitle, i.ownerName])).toEqual([
      ['Sara asked for a quote', 'Sara Lind', 'Sam Sales'],
      ['Site visit', 'Kemi method transfer', 'Sam Sales'],
      ['Intro call', 'Kemi AB', 'Sam Sales'],
    ]);
    expect(forOrg[0]).toMatchObject({ type: 'email', nextFollowUpOn: '2026-05-10', followUpDone: false });
    expect(forOrg[1]!.meeting).toBeUndefined();
    expect(value(await timeline(sam.client, contact.id)).map((i) => i.summary)).toEqual(['Sara asked for a quote']);

    // Ben reads the directory but not sales interactions.
    expect(value(await timeline(ben.client, org.id))).toEqual([]);
    // Bad input: no such record, a record without a timeline, not an id.
    expect(await timeline(sam.client, 'no-such-record')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const item = value(await admin.client.call<RecordView>('records/create', { kind: 'catalogue_item', data: { code: 'X-1', name: 'Item' } }));
    expect(await timeline(sam.client, item.id)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(await sam.client.subscribe('crm/timeline', { id: 42 }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
