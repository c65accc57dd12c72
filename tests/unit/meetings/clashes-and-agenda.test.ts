import { describe, expect, it } from 'vitest';
import { agendaTiming, moveItem, reorderItems } from '../../../src-shared/meetings/agenda';
import { findClashes } from '../../../src-shared/meetings/clashes';
import { occurrencesBetween } from '../../../src-shared/meetings/occurrences';
import { bob, carol, meeting, weekly } from './fixtures';

const window = (docs: Parameters<typeof occurrencesBetween>[0]) => occurrencesBetween(docs, Date.parse('2026-03-01'), Date.parse('2026-06-01'));
const slot = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });

describe('clash detection', () => {
  // Bob attends the QA meeting 10:00–11:00 Berlin (09:00–10:00 UTC) on 16 March, in room R-1.
  const existing = window([meeting({ roomId: 'R-1' })]);
  const query = (startsAt: string, endsAt: string, extra: Partial<Parameters<typeof findClashes>[0]> = {}) =>
    findClashes({ slots: [slot(startsAt, endsAt)], personIds: [bob.id], roomId: '', ignoreMeetingIds: new Set(), ...extra }, existing);

  it('names a person who is already in a meeting then, and the room booked then', () => {
    expect(query('2026-03-16T09:30:00.000Z', '2026-03-16T10:30:00.000Z').map((c) => [c.kind, c.whoId, c.title])).toEqual([['person', bob.id, 'Weekly QA meeting']]);
    expect(query('2026-03-16T09:30:00.000Z', '2026-03-16T10:30:00.000Z', { personIds: [], roomId: 'R-1' }).map((c) => [c.kind, c.whoId])).toEqual([['room', 'R-1']]);
  });

  it('treats back-to-back meetings as no clash (half-open intervals)', () => {
    expect(query('2026-03-16T10:00:00.000Z', '2026-03-16T11:00:00.000Z')).toEqual([]);
    expect(query('2026-03-16T08:00:00.000Z', '2026-03-16T09:00:00.000Z')).toEqual([]);
  });

  it('ignores people who declined, cancelled meetings, other people and the meeting itself', () => {
    const declined = window([meeting({ data: { attendees: [{ personId: bob.id, name: bob.name, role: 'required', response: 'declined' }] } })]);
    expect(findClashes({ slots: [slot('2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z')], personIds: [bob.id], roomId: '', ignoreMeetingIds: new Set() }, declined)).toEqual([]);
    const cancelled = window([meeting({ status: 'cancelled' })]);
    expect(findClashes({ slots: [slot('2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z')], personIds: [bob.id], roomId: '', ignoreMeetingIds: new Set() }, cancelled)).toEqual([]);
    expect(query('2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z', { personIds: [carol.id] })).toEqual([]);
    expect(query('2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z', { ignoreMeetingIds: new Set(['M-QA']) })).toEqual([]);
  });

  it('checks every occurrence of a planned series against every occurrence of existing ones, once per pair', () => {
    const series = window([meeting({ data: { recurrence: weekly(10) } })]);
    const planned = [0, 7, 14, 21].map((d) => slot(new Date(Date.parse('2026-03-16T09:30:00.000Z') + d * 86_400_000).toISOString(), new Date(Date.parse('2026-03-16T09:45:00.000Z') + d * 86_400_000).toISOString()));
    const clashes = findClashes({ slots: planned, personIds: [bob.id], roomId: '', ignoreMeetingIds: new Set() }, series);
    // After the change to summer time the series is at 08:00 UTC, so only the first two planned slots clash.
    expect(clashes.map((c) => c.startsAt)).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z']);
  });
});

describe('agenda timing', () => {
  const items = [{ id: 'A', minutes: 20 }, { id: 'B', minutes: 30 }, { id: 'C', minutes: 20 }];

  it('gives each item its slot and says how the total compares with the meeting', () => {
    const timing = agendaTiming(items, '2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z');
    expect(timing.slots.map((s) => [s.itemId, s.startsAt.slice(11, 16), s.endsAt.slice(11, 16), s.isOutside])).toEqual([
      ['A', '09:00', '09:20', false],
      ['B', '09:20', '09:50', false],
      ['C', '09:50', '10:10', false],
    ]);
    expect(timing).toMatchObject({ totalMinutes: 70, meetingMinutes: 60, remainingMinutes: -10, isOver: true, summary: '10 minutes over the meeting’s length (70 minutes planned for 60 minutes)' });
    expect(agendaTiming(items.slice(0, 2), '2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z')).toMatchObject({ isOver: false, remainingMinutes: 10, summary: '50 of 60 minutes planned' });
    expect(agendaTiming([...items, { id: 'D', minutes: 5 }], '2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z').slots.at(-1)?.isOutside).toBe(true);
  });

  it('moves and reorders items, refusing an order that does not name each item once', () => {
    expect(moveItem(['A', 'B', 'C'], 2, 0)).toEqual(['C', 'A', 'B']);
    expect(moveItem(['A', 'B', 'C'], 5, 0)).toEqual(['A', 'B', 'C']);
    expect(reorderItems(items, ['C', 'A', 'B'])?.map((i) => i.id)).toEqual(['C', 'A', 'B']);
    expect(reorderItems(items, ['C', 'A'])).toBeNull();
    expect(reorderItems(items, ['C', 'A', 'A'])).toBeNull();
    expect(reorderItems(items, ['C', 'A', 'X'])).toBeNull();
  });
});
