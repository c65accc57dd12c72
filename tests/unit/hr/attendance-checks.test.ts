import { describe, expect, it } from 'vitest';
import { attendanceKind } from '../../../src-shared/hr/attendance-kind';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { hrRecord, lookupOf } from './hr-fixtures';

/** Attendance's own rules in the kind's invariant: what the generic record commands and the sync server enforce. */
const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
const day = (status: string, data: Record<string, unknown> = {}, when = '2026-03-02T07:05:00.000Z') =>
  hrRecord(attendanceKind, 'A1', status, { personId: 'max', date: '2026-03-02', checkIn: '08:05', ...data }, at(when));
const judge = (record: ReturnType<typeof day>, previous: ReturnType<typeof day> | null, actorId: string) =>
  checkInvariant(attendanceKind, record, previous, lookupOf([]), record.updatedAt, actorId);

describe('attendance written by any path', () => {
  it('is created on its own day, a day either side for time zones, checked in only', () => {
    expect(judge(day('checked_in'), null, 'max')).toBeNull();
    expect(judge(day('checked_in', {}, '2026-03-01T23:30:00.000Z'), null, 'max')).toBeNull();
    expect(judge(day('checked_in', {}, '2026-03-09T08:00:00.000Z'), null, 'max')).toMatchObject({ field: 'data.date', message: expect.stringContaining('on the day itself') });
    expect(judge(day('checked_in', { checkOut: '17:00' }), null, 'max')).toMatchObject({ field: 'data.checkOut' });
    expect(judge(day('checked_in', { correctionReason: 'Forgot' }), null, 'max')).toMatchObject({ field: 'data.checkOut' });
  });

  it('is checked out by the person on the day, and closed later only by someone else', () => {
    const open = day('checked_in');
    expect(judge(day('closed', { checkOut: '16:30' }, '2026-03-02T15:30:00.000Z'), open, 'max')).toBeNull();
    expect(judge(day('closed', { checkOut: '16:30' }, '2026-03-06T09:00:00.000Z'), open, 'max')).toMatchObject({ field: 'data.checkOut', message: expect.stringContaining('ask HR') });
    expect(judge(day('closed', { checkOut: '16:30' }, '2026-03-06T09:00:00.000Z'), open, 'hana')).toBeNull();
  });

  it('never has a correction decided by the person it is about, HR included', () => {
    const asked = day('correction_requested', { checkOut: '16:00', correctedCheckIn: '08:05', correctedCheckOut: '17:30', correctionReason: 'Forgot to check out' });
    const decided = day('closed', { checkOut: '17:30' }, '2026-03-03T09:00:00.000Z');
    expect(judge(decided, asked, 'max')).toMatchObject({ field: 'status', message: 'Your own correction is decided by your manager or another HR person.' });
    expect(judge(decided, asked, 'mia')).toBeNull();
    // Writing the corrected times in without closing the day is deciding it too.
    const timesIn = day('correction_requested', { ...asked.data, checkOut: '17:30' }, '2026-03-03T09:00:00.000Z');
    expect(judge(timesIn, asked, 'max')).toMatchObject({ field: 'status' });
    expect(judge(timesIn, asked, 'mia')).toBeNull();
  });
});
