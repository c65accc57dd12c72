import { describe, expect, it } from 'vitest';
import { firingRecord, summariseMissed } from '../../../src-shared/notifications/summarise';
import { reminder } from '../../../src-shared/scheduler/reminder';

const now = new Date('2026-03-10T09:00:00Z');
const r = (n: number, recipientId = 'P1', kind = 'task_due', dueAt = '2026-03-05T17:00:00.000Z') =>
  reminder({ key: `${kind}:T${n}:${recipientId}`, kind, series: `s${n}${recipientId}`, dueAt, recipientId, event: 'task_due', subject: `Overdue: Task ${n}`, body: '', link: { section: 'tasks', itemId: `T${n}` } });

describe('catching up missed reminders', () => {
  it('fires reminders on time, and a few missed ones, on their own', () => {
    const onTime = r(1, 'P1', 'task_due', '2026-03-10T08:59:30.000Z');
    const { single, summaries } = summariseMissed([onTime, r(2), r(3)], now);
    expect(single.map((s) => s.key)).toEqual([onTime.key, r(2).key, r(3).key]);
    expect(summaries).toEqual([]);
  });

  it('summarises many missed reminders of one kind per person into one entry', () => {
    const missed = [1, 2, 3, 4].map((n) => r(n));
    const { single, summaries } = summariseMissed([...missed, r(9, 'P2')], now);
    expect(single.map((s) => s.recipientId)).toEqual(['P2']);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ recipientId: 'P1', kind: 'task_due', subject: '4 reminders while LabFlow was not running', link: { section: 'tasks' } });
    expect(summaries[0]?.body.split('\n')).toEqual(['• Overdue: Task 1', '• Overdue: Task 2', '• Overdue: Task 3', '• Overdue: Task 4']);
    // The same missed reminders give the same summary id, whatever their order.
    expect(summariseMissed([...missed].reverse(), now).summaries[0]?.id).toBe(summaries[0]?.id);
  });

  it('lists at most twenty and says how many more', () => {
    const { summaries } = summariseMissed(Array.from({ length: 25 }, (_, n) => r(n)), now);
    expect(summaries[0]?.body.split('\n').at(-1)).toBe('… and 5 more');
  });

  it('records each summarised reminder as fired under its own id', () => {
    const one = r(1);
    expect(firingRecord(one, 'sum-1', now)).toMatchObject({ id: one.id, kind: 'firing', isRead: true, recipientId: 'P1', data: { key: one.key, summarisedIn: 'sum-1' } });
  });
});
