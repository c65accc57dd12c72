import { afterEach, describe, expect, it } from 'vitest';
import { calendarSettingsId, hashFeedToken } from '../../../src-shared/meetings/calendar-settings';
import type { MeetingDocument } from '../../../src-shared/meetings/meeting-model';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { seriesUntilAt } from '../../../src-shared/meetings/recurrence';
import { meeting as meetingFixture, weekly } from '../../unit/meetings/fixtures';
import { baseFields, createTeam, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const { member, hr, manager } = team;
const wire = (doc: MeetingDocument): WireDocument => ({ ...(doc as unknown as WireDocument), _deleted: false });

let edits = 0;
/**
 * A row changing the server's `stored` meeting into `next` as `by` would from a PC: stamped with its
 * author and naming the audit entry of the edit, as the audited writer does (the server takes no
 * unrecorded edit). Its `newDocumentState` is what the server holds once it takes the row.
 */
function edit(stored: WireDocument, next: MeetingDocument, by: string) {
  const entryId = `AE-MEET-${String(++edits).padStart(4, '0')}`;
  return { assumedMasterState: stored, newDocumentState: { ...wire(next), updatedBy: by, auditId: entryId }, auditIds: [entryId] };
}

/** A QA meeting organised by Max with Hana (HR) and a guest from outside. */
const qaMeeting = (extra: Partial<MeetingDocument['data']> = {}) =>
  meetingFixture({
    id: 'M-QA',
    organiserId: member.id,
    createdBy: member.id,
    updatedBy: member.id,
    data: {
      attendees: [
        { personId: member.id, name: member.name, role: 'required', response: 'accepted' },
        { personId: hr.id, name: hr.name, role: 'required', response: 'needs_action' },
        { email: 'guest@partner.org', name: 'Gus Guest', role: 'optional', response: 'needs_action', replyTokenHash: hashFeedToken('g'.repeat(43)) },
      ],
      minuteTakerIds: [],
      ...extra,
    },
  });

const settingsDoc = (personId: string, feeds: { id: string; token: string; revokedAt?: string }[]): WireDocument => ({
  ...baseFields(calendarSettingsId(personId), personId),
  kind: 'calendar_settings',
  recipientId: personId,
  isRead: true,
  at: '2026-03-01T08:00:00.000Z',
  event: '',
  status: '',
  dueAt: '2026-03-01T08:00:00.000Z',
  data: { meetingLeadMinutes: [15], feeds: feeds.map((f) => ({ id: f.id, tokenHash: hashFeedToken(f.token), label: 'Phone', createdAt: '2026-03-01T08:00:00.000Z', ...(f.revokedAt ? { revokedAt: f.revokedAt } : {}) })) },
  _deleted: false,
});

async function setUp() {
  server = await startTestServer({ db: await openTestDatabase(), services: { clock: () => new Date('2026-03-10T08:00:00.000Z') } });
  return createTeam(server);
}

describe('meetings through the sync server', () => {
  it('takes the organiser\'s changes and each attendee\'s own answer, and refuses the rest', async () => {
    const tokens = await setUp();
    const doc = qaMeeting();
    expect((await push(server!, tokens.member.accessToken, 'meetings', [{ newDocumentState: wire(doc) }])).refused).toEqual([]);

    const refused = await push(server!, tokens.hr.accessToken, 'meetings', [edit(wire(doc), { ...doc, title: 'Hana’s meeting now' }, hr.id)]);
    expect(refused.refused[0]?.message).toBe('Only the organiser (or an administrator) can change this meeting.');

    const answered = { ...doc, data: { ...doc.data, attendees: doc.data.attendees.map((a) => (a.personId === hr.id ? { ...a, response: 'accepted' as const, respondedAt: '2026-03-10T08:00:00.000Z' } : a)) } };
    const answer = edit(wire(doc), answered, hr.id);
    expect((await push(server!, tokens.hr.accessToken, 'meetings', [answer])).refused).toEqual([]);

    const forSomeoneElse = { ...answered, data: { ...answered.data, attendees: answered.data.attendees.map((a) => (a.personId === member.id ? { ...a, response: 'declined' as const } : a)) } };
    expect((await push(server!, tokens.hr.accessToken, 'meetings', [edit(answer.newDocumentState, forSomeoneElse, hr.id)])).refused[0]?.message).toBe('Each attendee answers an invitation for themselves.');

    // Published minutes only ever grow: version 1 cannot be rewritten, not even by the organiser.
    const version = { version: 1, publishedAt: '2026-03-16T10:00:00.000Z', publishedById: member.id, publishedByName: member.name, changeNote: '', snapshot: { title: 'x', startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: 'Europe/Berlin', place: '', organiserName: member.name, attendees: [], agenda: [], summary: 'All fine.', decisions: [], actionItems: [] } };
    const published = { ...answered, data: { ...answered.data, minutesVersions: [version] } };
    const publish = edit(answer.newDocumentState, published, member.id);
    expect((await push(server!, tokens.member.accessToken, 'meetings', [publish])).refused).toEqual([]);
    const rewritten = { ...published, data: { ...published.data, minutesVersions: [{ ...version, snapshot: { ...version.snapshot, summary: 'Nothing happened.' } }] } };
    expect((await push(server!, tokens.member.accessToken, 'meetings', [edit(publish.newDocumentState, rewritten, member.id)])).refused[0]?.message).toMatch(/Published minutes cannot be changed/);

    const broken = { ...wire(doc), id: 'M-BROKEN', data: { type: 'qa_review' } };
    expect((await push(server!, tokens.member.accessToken, 'meetings', [{ newDocumentState: broken }])).refused[0]?.message).toMatch(/This meeting is not valid/);
  });

  it('takes minutes and action items from the minute-takers only, ticks from each item\'s owner, and the item\'s task into its owner\'s inbox', async () => {
    const tokens = await setUp();
    // Mia organises; Hana takes the minutes; Max attends.
    const doc = qaMeeting({ minuteTakerIds: [hr.id] });
    const byMia = { ...doc, organiserId: manager.id, createdBy: manager.id, updatedBy: manager.id, data: { ...doc.data, attendees: [{ personId: manager.id, name: manager.name, role: 'required' as const, response: 'accepted' as const }, ...doc.data.attendees] } };
    expect((await push(server!, tokens.manager.accessToken, 'meetings', [{ newDocumentState: wire(byMia) }])).refused).toEqual([]);
    const minutes = (change: Partial<MeetingDocument['data']>) => ({ ...byMia, data: { ...byMia.data, ...change } });

    const maxsMinutes = minutes({ minutes: { attendance: {}, summary: 'Max wrote this.', decisions: [] } });
    expect((await push(server!, tokens.member.accessToken, 'meetings', [edit(wire(byMia), maxsMinutes, member.id)])).refused[0]?.message).toBe('Only the organiser and the minute-takers can take or publish the minutes.');

    const items = [
      { id: 'AI-MAX', description: 'Recalibrate balance B-12', ownerId: member.id, dueDate: '2026-03-20', isDone: false },
      { id: 'AI-HANA', description: 'Update the training matrix', ownerId: hr.id, isDone: false },
    ];
    const hanasMinutes = minutes({ minutes: { attendance: {}, summary: 'Balances drift.', decisions: [{ id: 'D-1', text: 'Recalibrate monthly.' }] }, actionItems: items });
    const taken = edit(wire(byMia), hanasMinutes, hr.id);
    expect((await push(server!, tokens.hr.accessToken, 'meetings', [taken])).refused).toEqual([]);

    // "Make it a task": Hana puts a task for Max into Max's inbox, not one for herself, and the item names it.
    const inbox = { ...baseFields('PR-INBOX-MAX', hr.id), code: 'INBOX-MAX', name: `Inbox — ${member.name}`, status: 'active', isArchived: false, ownerId: member.id, teamIds: [], tags: ['inbox'], _deleted: false };
    expect((await push(server!, tokens.hr.accessToken, 'projects', [{ newDocumentState: inbox }])).refused).toEqual([]);
    const task = (id: string, assigneeId: string) => ({ ...baseFields(id, hr.id), projectId: 'PR-INBOX-MAX', title: 'Recalibrate balance B-12', status: 'todo', assigneeId, kanbanRank: 'm', watcherIds: [], dependsOn: [], _deleted: false });
    expect((await push(server!, tokens.hr.accessToken, 'tasks', [{ newDocumentState: task('TK-MAX', member.id) }])).refused).toEqual([]);
    expect((await push(server!, tokens.hr.accessToken, 'tasks', [{ newDocumentState: task('TK-HANA', hr.id) }])).refused[0]?.message).toMatch(/Only the INBOX-MAX team can add tasks to it/);
    const linked = minutes({ ...hanasMinutes.data, actionItems: [{ ...items[0]!, taskId: 'TK-MAX' }, items[1]!] });
    const link = edit(taken.newDocumentState, linked, hr.id);
    expect((await push(server!, tokens.hr.accessToken, 'meetings', [link])).refused).toEqual([]);
    // Max cannot re-word his action item or unlink its task: that is the minutes.
    const reworded = minutes({ ...linked.data, actionItems: [{ ...items[0]! }, items[1]!] });
    expect((await push(server!, tokens.member.accessToken, 'meetings', [edit(link.newDocumentState, reworded, member.id)])).refused[0]?.message).toBe('Only the organiser and the minute-takers can take or publish the minutes.');

    // Each owner ticks their own item done; Max cannot tick Hana's.
    const ticked = minutes({ ...linked.data, actionItems: [linked.data.actionItems[0]!, { ...items[1]!, isDone: true }] });
    expect((await push(server!, tokens.member.accessToken, 'meetings', [edit(link.newDocumentState, ticked, member.id)])).refused[0]?.message).toBe('Only the owner of an action item (or the minute-takers) can tick it done.');
    expect((await push(server!, tokens.hr.accessToken, 'meetings', [edit(link.newDocumentState, ticked, hr.id)])).refused).toEqual([]);

    const stored = (await pull(server!, tokens.member.accessToken, 'meetings')).documents.find((d) => d.id === 'M-QA') as unknown as MeetingDocument;
    expect(stored.data.minutes.summary).toBe('Balances drift.');
    expect(stored.data.actionItems.map((a) => [a.id, a.taskId ?? null, a.isDone])).toEqual([['AI-MAX', 'TK-MAX', false], ['AI-HANA', null, true]]);
  });

  it('refuses a room booked twice by two PCs, against the series held there, and takes the free hour', async () => {
    const tokens = await setUp();
    // Max's weekly QA meeting in room R-1, Mondays 10:00 Berlin; the server's clock is 10 March.
    const series = { ...qaMeeting(), roomId: 'R-1', data: { ...qaMeeting().data, recurrence: weekly(10) } };
    const stored = { ...series, untilAt: seriesUntilAt({ startsAt: series.startsAt, endsAt: series.endsAt, timeZone: series.data.timeZone, recurrence: series.data.recurrence }) };
    expect((await push(server!, tokens.member.accessToken, 'meetings', [{ newDocumentState: wire(stored) }])).refused).toEqual([]);
    // Mia, offline, booked the same room on 30 March at 10:30 (after the change to summer time).
    const mias = (time: string, id: string) => meetingFixture({ id, date: '2026-03-30', time, roomId: 'R-1', organiserId: manager.id, createdBy: manager.id, updatedBy: manager.id, data: { minuteTakerIds: [], attendees: [{ personId: manager.id, name: manager.name, role: 'required', response: 'accepted' }] } });
    const refused = await push(server!, tokens.manager.accessToken, 'meetings', [{ newDocumentState: wire(mias('10:30', 'M-MIA-1')) }]);
    expect(refused.refused[0]?.message).toBe('The room is already booked for “Weekly QA meeting” (Mon, 30 Mar 2026, 10:00–11:00 (Europe/Berlin)). Choose another room or time.');
    expect((await push(server!, tokens.manager.accessToken, 'meetings', [{ newDocumentState: wire(mias('11:00', 'M-MIA-2')) }])).refused).toEqual([]);
    // Moving hers into the series' hour is a new booking too.
    expect((await push(server!, tokens.manager.accessToken, 'meetings', [edit(wire(mias('11:00', 'M-MIA-2')), mias('10:00', 'M-MIA-2'), manager.id)])).refused[0]?.message).toMatch(/^The room is already booked/);
    const ids = (await pull(server!, tokens.manager.accessToken, 'meetings')).documents.map((d) => d.id).sort();
    expect(ids).toEqual(['M-MIA-2', 'M-QA']);
  });

  it('sends a private 1:1 only to its attendees, administrators included in the refusal', async () => {
    const tokens = await setUp();
    const oneToOne = meetingFixture({
      id: 'M-1TO1',
      organiserId: manager.id,
      createdBy: manager.id,
      updatedBy: manager.id,
      data: { type: 'one_to_one', isPrivate: true, attendees: [{ personId: manager.id, name: manager.name, role: 'required', response: 'accepted' }, { personId: member.id, name: member.name, role: 'required', response: 'needs_action' }], minuteTakerIds: [] },
    });
    expect((await push(server!, tokens.manager.accessToken, 'meetings', [{ newDocumentState: wire(oneToOne) }])).refused).toEqual([]);
    const ids = async (token: string) => (await pull(server!, token, 'meetings')).documents.filter((d) => !d._deleted).map((d) => d.id);
    expect(await ids(tokens.member.accessToken)).toEqual(['M-1TO1']);
    expect(await ids(tokens.admin.accessToken)).toEqual([]);
    expect(await ids(tokens.hr.accessToken)).toEqual([]);
  });

  it('lets only the organiser email the meeting\'s outside attendees, and only them', async () => {
    const tokens = await setUp();
    expect((await push(server!, tokens.member.accessToken, 'meetings', [{ newDocumentState: wire(qaMeeting()) }])).refused).toEqual([]);
    const email = (id: string, to: string): WireDocument => ({
      ...baseFields(id, member.id),
      kind: 'outbox',
      recipientId: member.id,
      isRead: true,
      at: '2026-03-10T08:00:00.000Z',
      event: 'meeting_scheduled',
      status: 'pending',
      dueAt: '2026-03-10T08:00:00.000Z',
      data: { channel: 'email', to, toName: 'Gus', subject: 'Invitation', text: 'x', html: 'x', meetingId: 'M-QA', idempotencyKey: id, attempts: 0, maxAttempts: 3, log: [], calendar: { method: 'REQUEST', filename: 'invite.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } },
      _deleted: false,
    });
    expect((await push(server!, tokens.member.accessToken, 'notifications', [{ newDocumentState: email('ob-1', 'guest@partner.org') }])).refused).toEqual([]);
    expect((await push(server!, tokens.member.accessToken, 'notifications', [{ newDocumentState: email('ob-2', 'someone@else.org') }])).refused[0]?.message).toBe('A meeting email can only go to an attendee of the meeting.');
    expect((await push(server!, tokens.hr.accessToken, 'notifications', [{ newDocumentState: { ...email('ob-3', 'guest@partner.org'), ...baseFields('ob-3', hr.id), recipientId: hr.id } }])).refused[0]?.message).toBe('Only the organiser and the minute-takers can email the attendees of a meeting.');
    // The delivery is queued with its calendar part intact.
    const { rows } = await server!.db.query<{ data: { data: { calendar?: { method: string } } } }>("SELECT data FROM documents WHERE collection = 'notifications' AND id = 'ob-1'");
    expect(rows[0]?.data.data.calendar?.method).toBe('REQUEST');
  });

  it('serves a calendar feed for a live token only, with ETag and conditional GET, and refuses a token planted for someone else', async () => {
    const tokens = await setUp();
    const token = 'T'.repeat(43);
    expect((await push(server!, tokens.member.accessToken, 'meetings', [{ newDocumentState: wire(qaMeeting()) }])).refused).toEqual([]);
    expect((await push(server!, tokens.member.accessToken, 'notifications', [{ newDocumentState: settingsDoc(member.id, [{ id: 'F1', token }]) }])).refused).toEqual([]);
    // Hana cannot give herself a way into Max's calendar.
    const planted = await push(server!, tokens.hr.accessToken, 'notifications', [{ newDocumentState: { ...settingsDoc(member.id, [{ id: 'F2', token: 'H'.repeat(43) }]), ...baseFields('cal-planted', hr.id) } }]);
    expect(planted.refused[0]?.message).toBe('Only the person themselves can change their calendar settings and calendar feed links.');

    const feed = await server!.app.inject({ method: 'GET', url: `/calendar/${token}.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain('UID:M-QA@labflow');
    expect(feed.body).toContain('METHOD:PUBLISH');
    const etag = String(feed.headers.etag);
    const again = await server!.app.inject({ method: 'GET', url: `/calendar/${token}.ics`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);

    const revoked = settingsDoc(member.id, [{ id: 'F1', token, revokedAt: '2026-03-10T09:00:00.000Z' }]);
    const revoke = { newDocumentState: { ...revoked, auditId: 'AE-CAL-0001' }, assumedMasterState: settingsDoc(member.id, [{ id: 'F1', token }]), auditIds: ['AE-CAL-0001'] };
    expect((await push(server!, tokens.member.accessToken, 'notifications', [revoke])).refused).toEqual([]);
    const gone = await server!.app.inject({ method: 'GET', url: `/calendar/${token}.ics` });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toMatch(/not valid/);
    for (const bad of ['short.ics', `${token}.txt`, `${'x'.repeat(43)}.ics`, '..%2F..%2Fetc%2Fpasswd']) {
      expect((await server!.app.inject({ method: 'GET', url: `/calendar/${bad}` })).statusCode).toBe(404);
    }
  });

  it('records an outside attendee\'s answer from the link in the invitation, with an audit entry', async () => {
    const tokens = await setUp();
    expect((await push(server!, tokens.member.accessToken, 'meetings', [{ newDocumentState: wire(qaMeeting()) }])).refused).toEqual([]);
    const token = 'g'.repeat(43);
    const page = await server!.app.inject({ method: 'GET', url: `/calendar/reply/M-QA?t=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<button type="submit" name="response" value="accepted">Accepted</button>');
    // Opening the link changes nothing; the form's POST answers.
    const answered = await server!.app.inject({ method: 'POST', url: '/calendar/reply/M-QA', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `t=${token}&response=tentative` });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('Tentative');
    const stored = (await pull(server!, tokens.member.accessToken, 'meetings')).documents.find((d) => d.id === 'M-QA') as unknown as MeetingDocument;
    expect(stored.data.attendees.find((a) => a.email === 'guest@partner.org')).toMatchObject({ response: 'tentative' });
    const audit = (await pull(server!, tokens.member.accessToken, 'audit')).documents.filter((d) => d.command === 'meetings/reply-by-link');
    expect(audit).toHaveLength(1);
    const wrong = await server!.app.inject({ method: 'POST', url: '/calendar/reply/M-QA', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `t=${'h'.repeat(43)}&response=accepted` });
    expect(wrong.statusCode).toBe(404);
    const badAnswer = await server!.app.inject({ method: 'POST', url: '/calendar/reply/M-QA', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `t=${token}&response=maybe` });
    expect(badAnswer.statusCode).toBe(400);
  });
});
