import { describe, expect, it } from 'vitest';
import { collapseSuperseded } from '../../../src-shared/scheduler/reminder';
import { describeLead, dueSeries } from '../../../src-shared/scheduler/lead-times';
import { taskReminders, type TaskReminderSettings } from '../../../src-shared/scheduler/task-reminders';

const settings: TaskReminderSettings = { leadTimesMs: [86_400_000, 3_600_000], overdueEveryMs: 86_400_000, dueTimeOfDay: '17:00', utcOffsetMinutes: 0 };
const task = { id: 'T1', title: 'Weigh samples', status: 'todo', assigneeId: 'P1', dueDate: '2026-03-04' };
const at = (iso: string) => new Date(iso);

describe('task reminders', () => {
  it('remind a day and an hour before the due time, then overdue', () => {
    const list = taskReminders(task, settings, at('2026-03-01T00:00:00Z'));
    expect(list.map((r) => [r.dueAt, r.subject])).toEqual([
      ['2026-03-03T17:00:00.000Z', 'Due in 1 day: Weigh samples'],
      ['2026-03-04T16:00:00.000Z', 'Due in 1 hour: Weigh samples'],
      ['2026-03-04T17:00:00.000Z', 'Overdue: Weigh samples'],
      ['2026-03-05T17:00:00.000Z', 'Overdue: Weigh samples'],
    ]);
    expect(list.every((r) => r.recipientId === 'P1' && r.event === 'task_due' && r.link?.itemId === 'T1')).toBe(true);
    expect(new Set(list.map((r) => r.series)).size).toBe(1);
  });

  it('remind of an overdue task once a day: the latest occurrence due and the next one', () => {
    const list = taskReminders(task, settings, at('2026-03-08T12:00:00Z'));
    const overdue = list.filter((r) => r.key.includes('overdue'));
    expect(overdue.map((r) => r.dueAt)).toEqual(['2026-03-07T17:00:00.000Z', '2026-03-08T17:00:00.000Z']);
    expect(overdue[0]?.body).toContain('(4 days)');
    // After collapsing, the missed lead reminders are gone: only the latest overdue one fires.
    const due = collapseSuperseded(list, at('2026-03-08T12:00:00Z')).filter((r) => r.dueAt <= '2026-03-08T12:00:00.000Z');
    expect(due.map((r) => r.dueAt)).toEqual(['2026-03-07T17:00:00.000Z']);
  });

  it('derive the same ids every time, and new ones when the date or the assignee changes', () => {
    const now = at('2026-03-01T00:00:00Z');
    const ids = taskReminders(task, settings, now).map((r) => r.id);
    expect(taskReminders(task, settings, at('2026-03-02T00:00:00Z')).map((r) => r.id).slice(0, 3)).toEqual(ids.slice(0, 3));
    const moved = taskReminders({ ...task, dueDate: '2026-03-05' }, settings, now).map((r) => r.id);
    const reassigned = taskReminders({ ...task, assigneeId: 'P2' }, settings, now).map((r) => r.id);
    expect(moved.some((id) => ids.includes(id))).toBe(false);
    expect(reassigned.some((id) => ids.includes(id))).toBe(false);
  });

  it.each([
    ['done', { status: 'done' }],
    ['cancelled', { status: 'cancelled' }],
    ['without assignee', { assigneeId: undefined }],
    ['without due date', { dueDate: undefined }],
    ['with a malformed due date', { dueDate: '2026-02-31' }],
  ])('stay quiet for a task %s', (_label, change) => {
    expect(taskReminders({ ...task, ...change }, settings, at('2026-03-01T00:00:00Z'))).toEqual([]);
  });

  it('describe lead times in words', () => {
    expect(describeLead(86_400_000)).toBe('1 day');
    expect(describeLead(2 * 86_400_000)).toBe('2 days');
    expect(describeLead(3_600_000)).toBe('1 hour');
    expect(describeLead(15 * 60_000)).toBe('15 minutes');
  });

  it('ignore duplicate and non-positive lead times', () => {
    const list = dueSeries({
      kind: 'k', event: 'task_due', subjectKey: 's', recipientId: 'P', dueAtMs: Date.parse('2026-03-04T17:00:00Z'), leadTimesMs: [3_600_000, 3_600_000, 0, -5],
      now: at('2026-03-01T00:00:00Z'), text: () => ({ subject: 's', body: 'b' }),
    });
    expect(list).toHaveLength(1);
  });
});
