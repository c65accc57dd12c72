import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../../src-shared/backup/retention';

const daily = (first: number, last: number, month = '11') =>
  Array.from({ length: last - first + 1 }, (_, i) => {
    const day = String(first + i).padStart(2, '0');
    return { id: `b-${month}-${day}`, takenAt: `2026-${month}-${day}T02:00:00.000Z` };
  });

describe('backup retention (7 daily, 4 weekly)', () => {
  it('keeps the last 7 days and the newest backup of each of the last 4 weeks (weeks start on Monday)', () => {
    const { keep, remove } = applyRetention(daily(1, 30));
    // 30 Nov 2026 is a Monday: this week is that day; the 29th (Sunday) closes the week of the 23rd,
    // the 22nd the week of the 16th, the 15th the week of the 9th.
    expect(keep).toEqual(['b-11-30', 'b-11-29', 'b-11-28', 'b-11-27', 'b-11-26', 'b-11-25', 'b-11-24', 'b-11-22', 'b-11-15']);
    expect(remove).toHaveLength(21);
    expect(remove).toContain('b-11-23');
    expect(remove).toContain('b-11-01');
  });

  it('keeps only the newest backup of a day', () => {
    const backups = [...daily(28, 30), { id: 'early', takenAt: '2026-11-30T01:00:00.000Z' }, { id: 'late', takenAt: '2026-11-30T23:00:00.000Z' }];
    const { keep, remove } = applyRetention(backups);
    expect(keep).toEqual(['late', 'b-11-29', 'b-11-28']);
    expect(remove).toEqual(['b-11-30', 'early']);
  });

  it('counts days that have a backup, not calendar days: a PC off for a month keeps its last backups', () => {
    expect(applyRetention(daily(1, 3)).remove).toEqual([]);
    const { keep } = applyRetention([...daily(1, 10, '10'), ...daily(1, 2)]);
    expect(keep.slice(0, 7)).toEqual(['b-11-02', 'b-11-01', 'b-10-10', 'b-10-09', 'b-10-08', 'b-10-07', 'b-10-06']);
  });

  it('follows the policy it is given and keeps nothing of an empty list', () => {
    expect(applyRetention(daily(1, 30), { daily: 1, weekly: 1 }).keep).toEqual(['b-11-30']);
    expect(applyRetention(daily(1, 30), { daily: 2, weekly: 3 }).keep).toEqual(['b-11-30', 'b-11-29', 'b-11-22']);
    expect(applyRetention([])).toEqual({ keep: [], remove: [] });
  });
});
