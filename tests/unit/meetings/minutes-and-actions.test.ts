import { describe, expect, it } from 'vitest';
import { actionItemStatus, openItemsOfEarlierMeetings } from '../../../src-shared/meetings/action-items';
import type { MeetingDocument } from '../../../src-shared/meetings/meeting-model';
import { hasUnpublishedChanges, minutesSnapshot, nextMinutesVersion } from '../../../src-shared/meetings/minutes';
import { computedOccurrence, materialiseOccurrence, occurrencesBetween } from '../../../src-shared/meetings/occurrences';
import { expandSeries } from '../../../src-shared/meetings/recurrence';
import { ada, bob, carol, meeting, people, weekly } from './fixtures';

const names = { person: (id: string) => people.find((p) => p.id === id)?.name ?? 'Unknown', room: (id: string) => (id === 'R-1' ? 'Curie room' : undefined) };
const now = new Date('2026-03-16T12:00:00.000Z');

describe('published minutes', () => {
  const taken = meeting({
    roomId: 'R-1',
    data: {
      agenda: [{ id: 'I1', title: 'Deviations', presenterId: bob.id, minutes: 20, notes: 'Two open.', linkedTaskIds: [], linkedRecordIds: [], attachmentIds: [] }],
      minutes: { attendance: { [bob.id]: 'present', 'email:guest@partner.org': 'absent' }, summary: 'Short meeting.', decisions: [{ id: 'D1', text: 'Open a CAPA.' }] },
      actionItems: [{ id: 'A1', description: 'Recalibrate B-12', ownerId: bob.id, dueDate: '2026-03-20', isDone: false }],
    },
  });

  it('freeze names and texts as they are when published', () => {
    const snapshot = minutesSnapshot(taken, names);
    expect(snapshot).toMatchObject({
      title: 'Weekly QA meeting',
      place: 'Curie room · Lab 2',
      organiserName: ada.name,
      attendees: [
        { name: ada.name, role: 'required', attendance: 'unknown' },
        { name: bob.name, role: 'required', attendance: 'present' },
        { name: 'Gus Guest', role: 'optional', attendance: 'absent' },
      ],
      agenda: [{ title: 'Deviations', presenterName: bob.name, minutes: 20, notes: 'Two open.' }],
      decisions: ['Open a CAPA.'],
      actionItems: [{ description: 'Recalibrate B-12', ownerName: bob.name, dueDate: '2026-03-20' }],
    });
  });

  it('number versions; a later one needs a change and a note of what changed', () => {
    const first = nextMinutesVersion(taken, names, { now, publisherId: carol.id, changeNote: '' });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ version: 1, publishedById: carol.id, publishedByName: carol.name, publishedAt: now.toISOString() });
    const published: MeetingDocument = { ...taken, data: { ...taken.data, minutesVersions: [first.value] } };
    expect(hasUnpublishedChanges(published, names)).toBe(false);
    expect(nextMinutesVersion(published, names, { now, publisherId: carol.id, changeNote: 'Nothing' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const corrected: MeetingDocument = { ...published, data: { ...published.data, minutes: { ...published.data.minutes, summary: 'Corrected.' } } };
    expect(hasUnpublishedChanges(corrected, names)).toBe(true);
    expect(nextMinutesVersion(corrected, names, { now, publisherId: carol.id, changeNote: '  ' })).toMatchObject({ ok: false, error: { field: 'changeNote' } });
    expect(nextMinutesVersion(corrected, names, { now, publisherId: carol.id, changeNote: 'Summary fixed' })).toMatchObject({ ok: true, value: { version: 2, changeNote: 'Summary fixed' } });
  });
});

describe('action items', () => {
  const task = (status: string) => ({ id: 'T1', status, title: 't', projectId: 'PR' });

  it('take their status from their task once they are one', () => {
    expect(actionItemStatus({ isDone: false }, undefined)).toBe('open');
    expect(actionItemStatus({ isDone: true }, undefined)).toBe('done');
    expect(actionItemStatus({ taskId: 'T1', isDone: true }, task('todo'))).toBe('open');
    expect(actionItemStatus({ taskId: 'T1', isDone: false }, task('in_review'))).toBe('in_progress');
    expect(actionItemStatus({ taskId: 'T1', isDone: false }, task('done'))).toBe('done');
    expect(actionItemStatus({ taskId: 'T1', isDone: false }, task('cancelled'))).toBe('cancelled');
    expect(actionItemStatus({ taskId: 'T1', isDone: false }, null)).toBe('open');
  });

  it('carry the open items of earlier meetings of the series to the next agenda, oldest first', () => {
    const series = meeting({ data: { recurrence: weekly(6) } });
    const occurrence = (recurrenceId: string, items: MeetingDocument['data']['actionItems'], status: MeetingDocument['status'] = 'scheduled') =>
      ({ ...series, ...materialiseOccurrence(series, recurrenceId), status, data: { ...materialiseOccurrence(series, recurrenceId).data, actionItems: items } }) as MeetingDocument;
    const first = occurrence('2026-03-16T09:00:00.000Z', [
      { id: 'A1', description: 'Open one', ownerId: bob.id, isDone: false },
      { id: 'A2', description: 'Done one', ownerId: bob.id, isDone: true },
      { id: 'A3', description: 'Task in progress', ownerId: bob.id, isDone: false, taskId: 'T1' },
    ]);
    const second = occurrence('2026-03-23T09:00:00.000Z', [{ id: 'B1', description: 'Task done', ownerId: bob.id, isDone: false, taskId: 'T2' }]);
    const cancelled = occurrence('2026-03-30T08:00:00.000Z', [{ id: 'C1', description: 'From a cancelled meeting', ownerId: bob.id, isDone: false }], 'cancelled');
    const tasks = new Map([['T1', task('in_progress')], ['T2', { ...task('done'), id: 'T2' }]]);
    const carried = openItemsOfEarlierMeetings([second, cancelled, first], '2026-04-06T08:00:00.000Z', tasks);
    expect(carried.map((c) => [c.item.description, c.status, c.meetingId])).toEqual([
      ['Open one', 'open', first.id],
      ['Task in progress', 'in_progress', first.id],
    ]);
    expect(openItemsOfEarlierMeetings([first], '2026-03-16T09:00:00.000Z', tasks)).toEqual([]);
  });
});

describe('occurrences', () => {
  const series = meeting({ data: { recurrence: weekly(4) } });
  const window = [Date.parse('2026-03-01'), Date.parse('2026-05-01')] as const;

  it('put an occurrence’s own document in place of the computed one, even when it moved out of the window', () => {
    const moved = { ...series, ...materialiseOccurrence(series, '2026-03-23T09:00:00.000Z'), startsAt: '2026-05-20T09:00:00.000Z', endsAt: '2026-05-20T10:00:00.000Z' } as MeetingDocument;
    const list = occurrencesBetween([series, moved], ...window);
    expect(list.map((o) => [o.startsAt, o.hasDocument])).toEqual([
      ['2026-03-16T09:00:00.000Z', false],
      ['2026-03-30T08:00:00.000Z', false],
      ['2026-04-06T08:00:00.000Z', false],
    ]);
    expect(occurrencesBetween([series, moved], Date.parse('2026-05-01'), Date.parse('2026-06-01')).map((o) => o.id)).toEqual([moved.id]);
  });

  it('mark every occurrence of a cancelled series cancelled, and leave out documents of removed series', () => {
    expect(occurrencesBetween([{ ...series, status: 'cancelled' }], ...window).every((o) => o.isCancelled)).toBe(true);
    const orphan = { ...series, ...materialiseOccurrence(series, '2026-03-23T09:00:00.000Z') } as MeetingDocument;
    expect(occurrencesBetween([orphan], ...window)).toEqual([]);
  });

  it('start an occurrence’s document from its series: same people and standing agenda, empty minutes, a deterministic id', () => {
    const withAgenda = { ...series, data: { ...series.data, agenda: [{ id: 'I1', title: 'Standing', minutes: 5, notes: 'old', linkedTaskIds: [], linkedRecordIds: [], attachmentIds: [] }] } };
    const [second] = expandSeries({ startsAt: series.startsAt, endsAt: series.endsAt, timeZone: 'Europe/Berlin', recurrence: series.data.recurrence! }, Date.parse('2026-03-20'), Date.parse('2026-03-25'));
    const fresh = materialiseOccurrence(withAgenda, second!.recurrenceId);
    expect(fresh).toMatchObject({ id: computedOccurrence(withAgenda, second!).id, seriesId: 'M-QA', startsAt: second!.startsAt, endsAt: second!.endsAt, data: { recurrenceId: second!.recurrenceId, agenda: [{ id: 'I1', notes: '' }], minutesVersions: [] } });
    expect(fresh.data.recurrence).toBeUndefined();
    expect(fresh.data.attendees).toEqual(series.data.attendees);
  });
});
