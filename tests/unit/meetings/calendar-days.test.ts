import { describe, expect, it } from 'vitest';
import { limitPerDay, localDayOf } from '../../../src-shared/meetings/calendar-days';
import type { CalendarEntry } from '../../../src-shared/meetings/meeting-views';

const meeting = (id: string, start: string): CalendarEntry => ({ id, kind: 'meeting', title: id, start, end: start, isAllDay: false, isCancelled: false, canMove: true, section: 'meetings', itemId: id });
const due = (id: string, date: string): CalendarEntry => ({ id, kind: 'task', title: id, start: date, isAllDay: true, isCancelled: false, canMove: false, section: 'tasks', itemId: id });

describe('a busy month, a few entries per day', () => {
  it('puts an entry on the viewer’s local day, not the UTC one', () => {
    expect(localDayOf(meeting('late', '2026-03-16T23:30:00.000Z'), 'Europe/Berlin')).toBe('2026-03-17');
    expect(localDayOf(meeting('late', '2026-03-16T23:30:00.000Z'), 'UTC')).toBe('2026-03-16');
    expect(localDayOf(due('t', '2026-03-16'), 'Asia/Tokyo')).toBe('2026-03-16');
  });

  it('keeps all-day entries first, then the earliest meetings, and counts the rest as “+N more” that opens the day', () => {
    const entries = [meeting('m3', '2026-03-16T12:00:00.000Z'), meeting('m1', '2026-03-16T08:00:00.000Z'), due('t1', '2026-03-16'), meeting('m2', '2026-03-16T09:00:00.000Z'), meeting('m4', '2026-03-16T15:00:00.000Z'), meeting('other', '2026-03-17T09:00:00.000Z')];
    const limited = limitPerDay(entries, 3, 'UTC');
    expect(limited.map((e) => e.id)).toEqual(['t1', 'm1', 'm2', 'more-2026-03-16', 'other']);
    expect(limited[3]).toMatchObject({ kind: 'more', title: '+2 more', start: '2026-03-16', isAllDay: true, itemId: '2026-03-16', canMove: false });
  });

  it('changes nothing on days with room to spare', () => {
    const entries = [meeting('a', '2026-03-16T08:00:00.000Z'), meeting('b', '2026-03-17T08:00:00.000Z')];
    expect(limitPerDay(entries, 3, 'UTC')).toEqual(entries);
  });
});
