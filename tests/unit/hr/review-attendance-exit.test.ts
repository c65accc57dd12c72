import { describe, expect, it } from 'vitest';
import { attendanceKind, workedMinutes } from '../../../src-shared/hr/attendance-kind';
import { exitKind } from '../../../src-shared/hr/exit-kind';
import { performanceReviewKind, weightedGoalScore } from '../../../src-shared/hr/performance-review-kind';
import { parseData } from '../../../src-shared/records/record-data';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { actor, hrRecord, lookupOf } from './hr-fixtures';

const hana = actor('hana', ['hr']);
const max = actor('max');
const mia = actor('mia', ['member'], { managedIds: ['max'] });
const otto = actor('otto');
const now = '2026-03-01T10:00:00Z';

describe('performance reviews', () => {
  const goals = [
    { title: 'Validate the HPLC method', weight: 60, managerRating: 4 },
    { title: 'Train two colleagues', weight: 40, managerRating: 3 },
  ];
  const review = (status: string, data = {}) => hrRecord(performanceReviewKind, 'PR1', status, { personId: 'max', cycle: '2026', dueDate: '2026-12-15', goals, ...data });

  it('weights the goals: they must add up to 100%, and the score waits for every rating', () => {
    expect(weightedGoalScore(goals.map((g) => ({ ...g, selfRating: null, progressNote: '' })))).toBe(3.6);
    expect(weightedGoalScore([{ title: 'Unrated', weight: 100, managerRating: null, selfRating: null, progressNote: '' }])).toBeNull();
    expect(parseData(performanceReviewKind, { ...review('meeting').data, goals: [{ title: 'Only', weight: 90 }] })).toMatchObject({ ok: false, error: { field: 'data.goals' } });
  });

  it('goes from the person to the manager, and is signed only with both e-signatures', () => {
    expect(checkRecordWrite({ kind: performanceReviewKind, actor: mia, before: review('self_review'), after: { ...review('self_review'), status: 'manager_review' } }).ok).toBe(false);
    expect(checkRecordWrite({ kind: performanceReviewKind, actor: max, before: review('self_review'), after: { ...review('self_review'), status: 'manager_review' } }).ok).toBe(true);
    const halfSigned = review('sign_off', { employeeSignatureId: 'sig-1' });
    expect(checkRecordWrite({ kind: performanceReviewKind, actor: max, before: halfSigned, after: { ...halfSigned, status: 'signed' } })).toMatchObject({ ok: false, error: { field: 'data.managerSignatureId' } });
    const forged = review('sign_off', { managerSignatureId: 'sig-fake' });
    expect(checkRecordWrite({ kind: performanceReviewKind, actor: max, before: review('sign_off'), after: forged })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'data.managerSignatureId' } });
  });

  it('is read by HR, the person and their manager only', () => {
    expect([hana, max, mia, otto].map((who) => canReadScope(performanceReviewKind, who, scopeOfRecord(performanceReviewKind, review('meeting'))))).toEqual([true, true, true, false]);
  });
});

describe('attendance', () => {
  // Written on their own day, as check-in does (attendance-checks.ts).
  const day = (id: string, date: string, status = 'checked_in', data = {}) =>
    hrRecord(attendanceKind, id, status, { personId: 'max', date, checkIn: '08:05', ...data }, { createdAt: `${date}T08:05:00.000Z`, updatedAt: `${date}T08:05:00.000Z` });

  it('counts minutes worked less breaks, and nothing while still checked in', () => {
    expect(workedMinutes({ checkIn: '08:05', checkOut: '16:35', breakMinutes: 30 })).toBe(480);
    expect(workedMinutes({ checkIn: '08:05', checkOut: '', breakMinutes: 30 })).toBe(0);
    expect(workedMinutes({ checkIn: '08:05', checkOut: '08:20', breakMinutes: 30 })).toBe(0);
    expect(parseData(attendanceKind, { ...day('A1', '2026-03-02').data, checkOut: '07:00' })).toMatchObject({ ok: false, error: { field: 'data.checkOut' } });
  });

  it('keeps one record per person and day', () => {
    expect(checkInvariant(attendanceKind, day('A2', '2026-03-02'), null, lookupOf([day('A1', '2026-03-02')]), now, 'max')).toMatchObject({ field: 'data.date' });
    expect(checkInvariant(attendanceKind, day('A2', '2026-03-03'), null, lookupOf([day('A1', '2026-03-02')]), now, 'max')).toBeNull();
  });

  it('lets the person ask for a correction with a reason, and only their manager or HR change the times', () => {
    const closed = day('A1', '2026-03-02', 'closed', { checkOut: '16:00' });
    expect(checkRecordWrite({ kind: attendanceKind, actor: max, before: closed, after: { ...closed, status: 'correction_requested' } })).toMatchObject({ ok: false, error: { field: 'data.correctionReason' } });
    const asked = day('A1', '2026-03-02', 'correction_requested', { checkOut: '16:00', correctedCheckOut: '17:30', correctionReason: 'Forgot to check out' });
    const fixed = { ...asked, data: { ...asked.data, checkOut: '17:30' } };
    expect(checkRecordWrite({ kind: attendanceKind, actor: max, before: asked, after: fixed }).ok).toBe(false);
    expect(checkRecordWrite({ kind: attendanceKind, actor: mia, before: asked, after: fixed }).ok).toBe(true);
  });
});

describe('exit', () => {
  const exit = (status: string, data = {}) =>
    hrRecord(exitKind, 'X1', status, { personId: 'max', exitType: 'resignation', noticeDate: '2026-03-01', lastDay: '2026-05-31', checklist: [{ id: 'keys', label: 'Return keys', doneOn: '2026-05-30' }, { id: 'laptop', label: 'Return laptop' }], ...data });

  it('is never read by the manager: the exit interview and settlement stay with HR and the person', () => {
    expect([hana, max, mia].map((who) => canReadScope(exitKind, who, scopeOfRecord(exitKind, exit('notified'))))).toEqual([true, true, false]);
  });

  it('completes only with the checklist done and the settlement handed to finance', () => {
    const done = exit('completed', { settlementReference: 'FIN-2026-0042' });
    expect(checkRecordWrite({ kind: exitKind, actor: hana, before: exit('in_progress'), after: exit('completed') })).toMatchObject({ ok: false, error: { field: 'data.settlementReference' } });
    expect(checkInvariant(exitKind, done, exit('in_progress'), lookupOf([]), now, 'hana')).toEqual({ message: 'Finish the checklist first: Return laptop.', field: 'data.checklist' });
    const allDone = exit('completed', { settlementReference: 'FIN-2026-0042', checklist: [{ id: 'keys', label: 'Return keys', doneOn: '2026-05-30' }] });
    expect(checkInvariant(exitKind, allDone, exit('in_progress'), lookupOf([]), now, 'hana')).toBeNull();
  });
});
