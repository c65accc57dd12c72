import { describe, expect, it } from 'vitest';
import { accessEndsOn, hasLeft } from '../../../src-shared/hr/exit-access';
import { exitChecklist, handoverOf, tickItem } from '../../../src-shared/hr/exit-checklist';
import { exitReminders, personOfReminder } from '../../../src-shared/hr/exit-reminders';

const exit = (lastDay: string, status = 'notified') => ({ status, data: { lastDay } });

describe('when a leaving person’s access ends', () => {
  it('keeps it through the last day and ends it the next, across a month and a year', () => {
    expect(accessEndsOn([exit('2026-06-30')])).toBe('2026-07-01');
    expect(accessEndsOn([exit('2026-12-31')])).toBe('2027-01-01');
    expect(hasLeft([exit('2026-06-30')], '2026-06-30')).toBe(false);
    expect(hasLeft([exit('2026-06-30')], '2026-07-01')).toBe(true);
    expect(hasLeft([exit('2026-06-30')], '2027-03-01')).toBe(true);
  });

  it('counts any standing exit, completed too, and the earliest last day; a withdrawn one ends nothing', () => {
    expect(hasLeft([exit('2026-06-30', 'completed')], '2026-07-01')).toBe(true);
    expect(hasLeft([exit('2026-06-30', 'withdrawn')], '2026-07-01')).toBe(false);
    expect(accessEndsOn([exit('2026-09-30', 'in_progress'), exit('2026-06-30', 'withdrawn')])).toBe('2026-10-01');
    expect(accessEndsOn([exit('2026-09-30'), exit('2026-08-31')])).toBe('2026-09-01');
    expect(hasLeft([], '2026-07-01')).toBe(false);
  });

  it('ignores a record whose last day is missing rather than ending access at once', () => {
    expect(hasLeft([{ status: 'notified', data: {} }], '2026-07-01')).toBe(false);
  });
});

describe('the exit checklist', () => {
  const checklist = exitChecklist({ instruments: [{ id: 'EQ1', title: 'HPLC 2' }], tasks: [{ id: 'T1', title: 'Validate method' }] });

  it('lists keys, each instrument and open task to hand over, the interview and the settlement', () => {
    expect(checklist.map((i) => [i.id, i.label, i.owner])).toEqual([
      ['keys', 'Return keys, access badge and lab coat', 'hr'],
      ['i:EQ1', 'Hand over instrument HPLC 2', 'manager'],
      ['t:T1', 'Hand over task Validate method', 'manager'],
      ['interview', 'Hold the exit interview', 'hr'],
      ['settlement', 'Hand the final settlement to finance', 'hr'],
    ]);
    expect(checklist.every((i) => i.doneOn === '')).toBe(true);
  });

  it('says what a line hands over, and ticks one line only', () => {
    expect([handoverOf('i:EQ1'), handoverOf('t:T1'), handoverOf('keys')]).toEqual([{ what: 'instrument', id: 'EQ1' }, { what: 'task', id: 'T1' }, null]);
    const ticked = tickItem(checklist, 'keys', '2026-06-29');
    expect(ticked.filter((i) => i.doneOn).map((i) => i.id)).toEqual(['keys']);
    expect(tickItem(ticked, 'keys', '').every((i) => !i.doneOn)).toBe(true);
  });
});

describe('the deactivation reminders', () => {
  const exits = [
    { id: 'EX1', personId: 'max', personName: 'Max', status: 'notified', data: { lastDay: '2026-06-30' } },
    { id: 'EX2', personId: 'otto', personName: 'Otto', status: 'withdrawn', data: { lastDay: '2026-06-30' } },
  ];

  it('are due at the lab’s midnight after the last day, one per HR person, none for a withdrawn exit', () => {
    const reminders = exitReminders(exits, ['hana', 'hugo'], 120);
    expect(reminders.map((r) => [r.recipientId, r.dueAt, r.event, r.about])).toEqual([
      ['hana', '2026-06-30T22:00:00.000Z', 'person_left', 'EX1'],
      ['hugo', '2026-06-30T22:00:00.000Z', 'person_left', 'EX1'],
    ]);
    expect(personOfReminder(reminders[0]!, exits)).toBe('max');
  });

  it('keep their ids when derived again, and get new ones when the last day moves', () => {
    const ids = exitReminders(exits, ['hana'], 0).map((r) => r.id);
    expect(exitReminders(exits, ['hana'], 0).map((r) => r.id)).toEqual(ids);
    const moved = exitReminders([{ ...exits[0]!, data: { lastDay: '2026-07-31' } }], ['hana'], 0);
    expect(moved[0]?.id).not.toBe(ids[0]);
    expect(moved[0]?.dueAt).toBe('2026-08-01T00:00:00.000Z');
  });
});
