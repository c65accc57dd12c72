import { describe, expect, it } from 'vitest';
import { canReadMeeting } from '../../../src-shared/meetings/meeting-access';
import { calendarSettingsDecision, meetingEmailDecision } from '../../../src-shared/meetings/meeting-notification-rules';
import type { MeetingDocument, MinutesVersion } from '../../../src-shared/meetings/meeting-model';
import { judgeMeetingChange, meetingsWriteDecision } from '../../../src-shared/meetings/meeting-write-rule';
import { materialiseOccurrence } from '../../../src-shared/meetings/occurrences';
import { canRead } from '../../../src-shared/sync/read-scope';
import { noRelated } from '../../../src-shared/sync/related-documents';
import { ada, admin, bob, carol, meeting, weekly } from './fixtures';

const doc = meeting();
const allowed = (actor: { id: string; roles: string[] }, after: MeetingDocument, before: MeetingDocument | null = doc, series: MeetingDocument | null = null) => judgeMeetingChange(actor, before, after, series).isAllowed;
const withData = (base: MeetingDocument, data: Partial<MeetingDocument['data']>): MeetingDocument => ({ ...base, data: { ...base.data, ...data } });
const answer = (base: MeetingDocument, personId: string, response: 'accepted' | 'declined') =>
  withData(base, { attendees: base.data.attendees.map((a) => (a.personId === personId ? { ...a, response } : a)) });
const version = (n: number, summary = 'Fine.'): MinutesVersion => ({
  version: n, publishedAt: '2026-03-16T12:00:00.000Z', publishedById: carol.id, publishedByName: carol.name, changeNote: n > 1 ? 'Fixed' : '',
  snapshot: { title: 'x', startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: 'Europe/Berlin', place: '', organiserName: ada.name, attendees: [], agenda: [], summary, decisions: [], actionItems: [] },
});

describe('who may change a meeting (host commands and sync pushes alike)', () => {
  const cases: [string, { id: string; roles: string[] }, MeetingDocument, boolean][] = [
    ['the organiser renames it', ada, { ...doc, title: 'Renamed' }, true],
    ['an administrator moves it', admin, { ...doc, startsAt: '2026-03-16T10:00:00.000Z' }, true],
    ['an attendee renames it', bob, { ...doc, title: 'Mine now' }, false],
    ['an attendee makes themselves organiser', bob, { ...doc, organiserId: bob.id }, false],
    ['an attendee adds someone', bob, withData(doc, { attendees: [...doc.data.attendees, { personId: 'P-EVE', name: 'Eve', role: 'required', response: 'accepted' }] }), false],
    ['an attendee answers for themselves', bob, answer(doc, bob.id, 'accepted'), true],
    ['an attendee answers for someone else', bob, answer(doc, ada.id, 'declined'), false],
    ['the organiser records an outside guest’s answer', ada, withData(doc, { attendees: doc.data.attendees.map((a) => (a.email ? { ...a, response: 'accepted' as const } : a)) }), true],
    ['a minute-taker writes notes and decisions', carol, withData(doc, { minutes: { attendance: { [bob.id]: 'present' }, summary: 'Done', decisions: [{ id: 'D1', text: 'Buy' }] } }), true],
    ['an attendee writes the minutes', bob, withData(doc, { minutes: { attendance: {}, summary: 'Mine', decisions: [] } }), false],
    ['a minute-taker changes the agenda', carol, withData(doc, { agenda: [{ id: 'I1', title: 'New', minutes: 5, notes: '', linkedTaskIds: [], linkedRecordIds: [], attachmentIds: [] }] }), false],
    ['a minute-taker publishes version 1 as themselves', carol, withData(doc, { minutesVersions: [version(1)] }), true],
    ['a minute-taker publishes in someone else’s name', carol, withData(doc, { minutesVersions: [{ ...version(1), publishedById: ada.id }] }), false],
    ['an attendee publishes', bob, withData(doc, { minutesVersions: [{ ...version(1), publishedById: bob.id }] }), false],
  ];
  for (const [what, actor, after, expected] of cases) {
    it(`${expected ? 'allows' : 'refuses'}: ${what}`, () => expect(allowed(actor, after)).toBe(expected));
  }

  it('never lets published minutes change, not even for the organiser; a new version is appended', () => {
    const published = withData(doc, { minutesVersions: [version(1)] });
    expect(allowed(ada, withData(doc, { minutesVersions: [version(1, 'Rewritten')] }), published)).toBe(false);
    expect(allowed(ada, withData(doc, { minutesVersions: [] }), published)).toBe(false);
    expect(allowed(carol, withData(doc, { minutesVersions: [version(1), version(2, 'Corrected')] }), published)).toBe(true);
  });

  it('lets attendees sign off a published version for themselves only', () => {
    const published = withData(doc, { minutesVersions: [version(1)] });
    const signed = (personId: string, v = 1) => withData(published, { signoffs: [{ version: v, personId, name: 'x', meaning: 'approved', signedAt: '2026-03-16T13:00:00.000Z' }] });
    expect(allowed(bob, signed(bob.id), published)).toBe(true);
    expect(allowed(bob, signed(ada.id), published)).toBe(false);
    expect(allowed(bob, signed(bob.id, 2), published)).toBe(false);
    expect(allowed(carol, signed(carol.id), published)).toBe(false); // a minute-taker who does not attend
    expect(allowed(ada, published, signed(bob.id))).toBe(false); // removing a signature
  });

  it('lets an action item’s owner tick it done, nobody else but minute-takers', () => {
    const withItem = withData(doc, { actionItems: [{ id: 'A1', description: 'Recalibrate', ownerId: bob.id, isDone: false }] });
    const done = withData(withItem, { actionItems: [{ id: 'A1', description: 'Recalibrate', ownerId: bob.id, isDone: true }] });
    expect(allowed(bob, done, withItem)).toBe(true);
    expect(allowed({ id: 'P-EVE', roles: ['member'] }, done, withItem)).toBe(false);
    expect(allowed(carol, done, withItem)).toBe(true);
    expect(allowed(bob, withData(done, { actionItems: [{ id: 'A1', description: 'Nothing', ownerId: bob.id, isDone: true }] }), withItem)).toBe(false);
  });

  it('creates meetings only in one’s own name', () => {
    expect(judgeMeetingChange(bob, null, { ...doc, organiserId: bob.id }, null).isAllowed).toBe(true);
    expect(judgeMeetingChange(bob, null, doc, null).isAllowed).toBe(false);
    expect(judgeMeetingChange(bob, null, withData({ ...doc, organiserId: bob.id }, { minutesVersions: [version(1)] }), null).isAllowed).toBe(false);
  });

  it('judges a new occurrence document against the occurrence its series makes', () => {
    const series = meeting({ data: { recurrence: weekly(6), agenda: [{ id: 'I1', title: 'Standing item', minutes: 10, notes: '', linkedTaskIds: [], linkedRecordIds: [], attachmentIds: [] }] } });
    const fresh = { ...series, ...materialiseOccurrence(series, '2026-03-23T09:00:00.000Z') } as MeetingDocument;
    const notes = withData(fresh, { agenda: fresh.data.agenda.map((i) => ({ ...i, notes: 'Went well' })) });
    expect(judgeMeetingChange(carol, null, notes, series).isAllowed).toBe(true);
    expect(judgeMeetingChange(bob, null, answer(fresh, bob.id, 'declined'), series).isAllowed).toBe(true);
    expect(judgeMeetingChange(bob, null, { ...fresh, title: 'Hijacked' }, series).isAllowed).toBe(false);
    expect(judgeMeetingChange(ada, null, { ...fresh, startsAt: '2026-03-24T09:00:00.000Z', endsAt: '2026-03-24T10:00:00.000Z' }, series).isAllowed).toBe(true);
    const notAnOccurrence = { ...series, ...materialiseOccurrence(series, '2026-03-24T09:00:00.000Z') } as MeetingDocument;
    expect(judgeMeetingChange(ada, null, notAnOccurrence, series)).toEqual({ isAllowed: false, reason: 'This is not an occurrence of its series.' });
  });

  it('refuses pushed meetings with data that is not a meeting’s, and deletes by others', () => {
    const broken = { ...doc, data: { ...doc.data, attendees: 'everyone' } } as unknown as Record<string, unknown>;
    expect(meetingsWriteDecision(ada, 'create', broken, null, noRelated).isAllowed).toBe(false);
    expect(meetingsWriteDecision(bob, 'delete', { ...doc, _deleted: true } as unknown as Record<string, unknown>, doc as unknown as Record<string, unknown>, noRelated).isAllowed).toBe(false);
    expect(meetingsWriteDecision(ada, 'delete', { ...doc, _deleted: true } as unknown as Record<string, unknown>, doc as unknown as Record<string, unknown>, noRelated).isAllowed).toBe(true);
  });
});

describe('who may read a meeting', () => {
  const oneToOne = meeting({ data: { type: 'one_to_one', isPrivate: true, minuteTakerIds: [], attendees: [{ personId: ada.id, name: ada.name, role: 'required', response: 'accepted' }, { personId: bob.id, name: bob.name, role: 'required', response: 'accepted' }] } });
  const active = (p: { id: string; roles: string[]; name: string; email: string }) => ({ ...p, isActive: true });

  it('shows a private 1:1 only to its organiser and attendees — administrators included in the refusal', () => {
    expect(canRead(active(bob), 'meetings', oneToOne as unknown as Record<string, unknown>)).toBe(true);
    expect(canRead(active(ada), 'meetings', oneToOne as unknown as Record<string, unknown>)).toBe(true);
    expect(canRead(active(carol), 'meetings', oneToOne as unknown as Record<string, unknown>)).toBe(false);
    expect(canRead(active(admin), 'meetings', oneToOne as unknown as Record<string, unknown>)).toBe(false);
    expect(canReadMeeting(doc, carol)).toBe(true);
  });

  it('scopes the audit entries of a private meeting like the meeting', () => {
    const entry = { collectionName: 'meetings', after: oneToOne };
    expect(canRead(active(bob), 'audit', entry)).toBe(true);
    expect(canRead(active(carol), 'audit', entry)).toBe(false);
  });
});

describe('notifications about meetings on the sync server', () => {
  const related = (stored: MeetingDocument | null) => ({ ...noRelated, get: (collection: string, id: string) => (collection === 'meetings' && stored && id === stored.id ? (stored as unknown as Record<string, unknown>) : null) });
  const email = (to: string) => ({ kind: 'outbox', recipientId: ada.id, data: { channel: 'email', to, meetingId: 'M-QA' } });

  it('lets the organiser and minute-takers email the meeting’s guests only', () => {
    expect(meetingEmailDecision(ada, email('guest@partner.org'), related(doc))?.isAllowed).toBe(true);
    expect(meetingEmailDecision(carol, email('GUEST@partner.org'), related(doc))?.isAllowed).toBe(true);
    expect(meetingEmailDecision(ada, email('anyone@else.org'), related(doc))?.isAllowed).toBe(false);
    expect(meetingEmailDecision(bob, email('guest@partner.org'), related(doc))?.isAllowed).toBe(false);
    expect(meetingEmailDecision(ada, email('guest@partner.org'), related(null))?.isAllowed).toBe(false);
    expect(meetingEmailDecision(ada, { kind: 'outbox', data: { channel: 'email', to: 'x@y.org' } }, related(doc))).toBeNull();
  });

  it('keeps each person’s calendar settings (feed tokens) theirs alone', () => {
    expect(calendarSettingsDecision(bob, { kind: 'calendar_settings', recipientId: bob.id }, null)?.isAllowed).toBe(true);
    expect(calendarSettingsDecision(bob, { kind: 'calendar_settings', recipientId: ada.id }, null)?.isAllowed).toBe(false);
    expect(calendarSettingsDecision(bob, { kind: 'calendar_settings', recipientId: bob.id }, { kind: 'calendar_settings', recipientId: ada.id })?.isAllowed).toBe(false);
    expect(calendarSettingsDecision(bob, { kind: 'notification', recipientId: ada.id }, null)).toBeNull();
  });
});
