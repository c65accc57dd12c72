import { describe, expect, it } from 'vitest';
import { materialiseOccurrence } from '../../../src-shared/meetings/occurrences';
import { booksRoomAnew, roomBookingDecision } from '../../../src-shared/meetings/room-booking';
import { meetingsWriteDecision } from '../../../src-shared/meetings/meeting-write-rule';
import { instantOfLocal } from '../../../src-shared/meetings/time-zones';
import { noRelated } from '../../../src-shared/sync/related-documents';
import { ada, bob, meeting, weekly } from './fixtures';

// The server judges on 1 March 2026; the QA series runs in room R-1 on Mondays 10:00–11:00 Berlin from 16 March.
const NOW = Date.parse('2026-03-01T08:00:00.000Z');
const series = meeting({ id: 'M-SERIES', roomId: 'R-1', data: { recurrence: weekly(10) } });
const oneOff = (fields: Parameters<typeof meeting>[0] = {}) => meeting({ id: 'M-NEW', organiserId: bob.id, createdBy: bob.id, updatedBy: bob.id, roomId: 'R-1', ...fields });

describe('a room is never booked twice (host and sync server)', () => {
  it('refuses a meeting in the room at an occurrence of a series held there, naming it, and takes the hour after', () => {
    const clashing = oneOff({ date: '2026-03-30', time: '10:30' });
    expect(roomBookingDecision(null, clashing, [series], NOW)).toEqual({ isAllowed: false, reason: 'The room is already booked for “Weekly QA meeting” (Mon, 30 Mar 2026, 10:00–11:00 (Europe/Berlin)). Choose another room or time.' });
    expect(roomBookingDecision(null, oneOff({ date: '2026-03-30', time: '11:00' }), [series], NOW).isAllowed).toBe(true);
    expect(roomBookingDecision(null, { ...clashing, roomId: 'R-2' }, [series], NOW).isAllowed).toBe(true);
  });

  it('frees the hour of an occurrence that moved out of the room or was cancelled alone', () => {
    // 30 March is after the change to summer time: still 10:00 in Berlin.
    const start = instantOfLocal('2026-03-30', '10:00', 'Europe/Berlin');
    const occurrence = { ...series, ...materialiseOccurrence(series, start) };
    const clashing = oneOff({ date: '2026-03-30', time: '10:30' });
    expect(roomBookingDecision(null, clashing, [series, { ...occurrence, roomId: 'R-2' }], NOW).isAllowed).toBe(true);
    expect(roomBookingDecision(null, clashing, [series, { ...occurrence, status: 'cancelled' }], NOW).isAllowed).toBe(true);
    expect(roomBookingDecision(null, clashing, [series, occurrence], NOW).isAllowed).toBe(false);
  });

  it('judges only changes that book the room anew: minutes on a meeting whose room someone else booked too pass', () => {
    const booked = oneOff({ date: '2026-03-30', time: '10:30' });
    expect(booksRoomAnew(booked, { ...booked, data: { ...booked.data, minutes: { attendance: {}, summary: 'Fine.', decisions: [] } } })).toBe(false);
    expect(roomBookingDecision(booked, { ...booked, title: 'Renamed' }, [series], NOW).isAllowed).toBe(true);
    expect(booksRoomAnew(booked, { ...booked, endsAt: new Date(Date.parse(booked.endsAt) + 900_000).toISOString() })).toBe(true);
    expect(booksRoomAnew({ ...booked, status: 'cancelled' }, booked)).toBe(true);
    expect(booksRoomAnew(booked, { ...booked, status: 'cancelled' })).toBe(false);
    expect(booksRoomAnew(null, { ...booked, roomId: '' })).toBe(false);
  });

  it('does not count a series against itself or its own occurrences when it is changed', () => {
    const longer = { ...series, endsAt: new Date(Date.parse(series.endsAt) + 1_800_000).toISOString() };
    const own = { ...series, ...materialiseOccurrence(series, series.startsAt) };
    expect(roomBookingDecision(series, longer, [series, own], NOW).isAllowed).toBe(true);
  });

  it('is part of the server\'s meeting rule once the server has loaded the room\'s meetings', () => {
    const clashing = oneOff({ date: '2026-03-30', time: '10:30' });
    const asBob = { id: bob.id, roles: ['member'] };
    const withRoom = { ...noRelated, now: () => new Date(NOW).toISOString(), meetingsInRoom: (roomId: string) => (roomId === 'R-1' ? [series as unknown as Record<string, unknown>] : []) };
    expect(meetingsWriteDecision(asBob, 'create', clashing as unknown as Record<string, unknown>, null, withRoom)).toMatchObject({ isAllowed: false, reason: expect.stringContaining('already booked for “Weekly QA meeting”') });
    // Other rules come first: Ada cannot create a meeting in Bob's name, room or not.
    expect(meetingsWriteDecision({ id: ada.id, roles: ['member'] }, 'create', clashing as unknown as Record<string, unknown>, null, withRoom)).toEqual({ isAllowed: false, reason: 'A new meeting must name you as its organiser.' });
  });
});
