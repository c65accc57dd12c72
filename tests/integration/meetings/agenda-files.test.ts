import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { MeetingDetail, SaveMeetingResult } from '../../../src-shared/meetings/meeting-views';
import { openLab } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';
import { attach, tinyPdf } from '../files/file-fixture';

/**
 * Files on agenda items through the host's commands: an item names files of its own meeting (the
 * files feature's attachments), shows them, and they go into the published minutes. A file of
 * another meeting, an item that does not exist, a removed file or a file on a meeting being created
 * are refused, and nothing is written.
 */
let host: Host;
let admin: Client;
let bob: { id: string; client: Client };

const meeting = (title: string, agenda: unknown[] = [{ title: 'Deviations', minutes: 20 }]) => ({
  title,
  type: 'qa_review',
  startsAt: '2026-04-14T08:00:00.000Z',
  endsAt: '2026-04-14T09:00:00.000Z',
  timeZone: 'Europe/Berlin',
  attendees: [{ personId: bob.id }],
  agenda,
});
const detail = async (client: Client, id: string) => value(await client.subscribe('meetings/detail', { id }).next<MeetingDetail>());

beforeAll(async () => {
  let addPerson;
  ({ host, admin, addPerson } = await openLab());
  bob = await addPerson('Bob Bench', 'bob@lab.org', ['member']);
}, 120_000);
afterAll(async () => host?.close());

describe('files on agenda items', () => {
  it('names files of the meeting on an item, shows them to attendees and prints their names into the minutes', async () => {
    const created = value(await admin.call<SaveMeetingResult>('meetings/create', meeting('Weekly QA')));
    const [item] = (await detail(admin, created.id)).agenda;
    const sop = value(await attach(host, admin, { subjectType: 'meetings', subjectId: created.id }, 'SOP-12 draft.pdf', tinyPdf()));
    value(await admin.call('meetings/agenda/update', { id: created.id, itemId: item!.id, attachmentIds: [sop.id] }));

    expect((await detail(bob.client, created.id)).agenda[0]?.files).toEqual([{ id: sop.id, name: 'SOP-12 draft.pdf' }]);
    value(await admin.call('meetings/minutes/publish', { id: created.id, changeNote: '' }));
    const stored = await host.db.meetings.findOne(created.id).exec();
    expect(stored?.toJSON().data.minutesVersions[0]?.snapshot.agenda[0]).toMatchObject({ title: 'Deviations', fileNames: ['SOP-12 draft.pdf'] });
  });

  it('refuses a file of another meeting, a made-up item, a removed file and files on a meeting being created, writing nothing', async () => {
    const first = value(await admin.call<SaveMeetingResult>('meetings/create', meeting('Method review')));
    const other = value(await admin.call<SaveMeetingResult>('meetings/create', meeting('Department meeting')));
    const [item] = (await detail(admin, first.id)).agenda;
    const foreign = value(await attach(host, admin, { subjectType: 'meetings', subjectId: other.id }, 'Budget.pdf', tinyPdf('Budget')));
    const removed = value(await attach(host, admin, { subjectType: 'meetings', subjectId: first.id }, 'Old slides.pdf', tinyPdf('Old')));
    value(await admin.call('attachments/remove', { id: removed.id }));
    const own = value(await attach(host, admin, { subjectType: 'meetings', subjectId: first.id }, 'Slides.pdf', tinyPdf('Slides')));
    const auditBefore = await host.db.audit.count().exec();

    const refusals = [
      await admin.call('meetings/agenda/update', { id: first.id, itemId: item!.id, attachmentIds: [foreign.id] }),
      await admin.call('meetings/agenda/update', { id: first.id, itemId: item!.id, attachmentIds: [removed.id] }),
      await admin.call('meetings/agenda/update', { id: first.id, itemId: item!.id, attachmentIds: ['A-MADE-UP'] }),
      await admin.call('meetings/agenda/update', { id: first.id, itemId: item!.id, attachmentIds: [own.id, own.id] }),
      await admin.call('meetings/agenda/add', { id: first.id, title: 'Slides', minutes: 5, attachmentIds: [foreign.id] }),
    ];
    for (const refused of refusals) expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'attachmentIds' } });
    expect(await admin.call('meetings/agenda/update', { id: first.id, itemId: 'NO-SUCH-ITEM', attachmentIds: [own.id] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'itemId' } });
    expect(await admin.call('meetings/create', meeting('New', [{ title: 'Slides', minutes: 5, attachmentIds: [own.id] }]))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'agenda' } });
    // An attendee who does not plan the agenda may not name files on it either.
    expect(await bob.client.call('meetings/agenda/update', { id: first.id, itemId: item!.id, attachmentIds: [own.id] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.db.audit.count().exec()).toBe(auditBefore);
    expect((await detail(admin, first.id)).agenda[0]?.files).toEqual([]);

    // The item's own file is taken; once removed from the meeting, the item no longer shows it.
    value(await admin.call('meetings/agenda/update', { id: first.id, itemId: item!.id, attachmentIds: [own.id] }));
    expect((await detail(admin, first.id)).agenda[0]?.files.map((f) => f.name)).toEqual(['Slides.pdf']);
    value(await admin.call('attachments/remove', { id: own.id }));
    expect((await detail(admin, first.id)).agenda[0]?.files).toEqual([]);
  });
});
