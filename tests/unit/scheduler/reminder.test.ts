import { describe, expect, it } from 'vitest';
import { collapseSuperseded, reminder, reminderId, type DueReminder } from '../../../src-shared/scheduler/reminder';

const make = (key: string, series: string, dueAt: string): DueReminder =>
  reminder({ key, kind: 'task_due', series, dueAt, recipientId: 'P1', event: 'task_due', subject: key, body: '' });

describe('reminders', () => {
  it('have an id that depends on the key only, within the 40 characters of a stored id', () => {
    const a = make('task_due:T1:P1:lead-3600000', 's', '2026-01-01T00:00:00.000Z');
    const b = make('task_due:T1:P1:lead-3600000', 'other', '2027-01-01T00:00:00.000Z');
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(reminderId('task_due:T1:P1:lead-3600000'));
    expect(a.id.length).toBeLessThanOrEqual(40);
  });

  it('keep only the latest past reminder of a series, and every future one', () => {
    const now = new Date('2026-03-05T12:00:00.000Z');
    const list = [
      make('a-1d', 'A', '2026-03-04T17:00:00.000Z'),
      make('a-1h', 'A', '2026-03-05T11:00:00.000Z'),
      make('a-overdue-0', 'A', '2026-03-05T12:00:00.000Z'),
      make('a-overdue-1', 'A', '2026-03-06T12:00:00.000Z'),
      make('b-1d', 'B', '2026-03-01T17:00:00.000Z'),
      make('c-future', 'C', '2026-04-01T17:00:00.000Z'),
    ];
    expect(collapseSuperseded(list, now).map((r) => r.key).sort()).toEqual(['a-overdue-0', 'a-overdue-1', 'b-1d', 'c-future']);
  });

  it('break ties between reminders due at the same instant deterministically', () => {
    const now = new Date('2026-03-05T12:00:00.000Z');
    const x = make('x', 'S', '2026-03-05T10:00:00.000Z');
    const y = make('y', 'S', '2026-03-05T10:00:00.000Z');
    expect(collapseSuperseded([x, y], now)).toEqual([y]);
    expect(collapseSuperseded([y, x], now)).toEqual([y]);
  });
});
