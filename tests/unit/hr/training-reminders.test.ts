import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import { defaultTrainingReminderSettings, standingCompletions, trainingReminders, type CompletionForReminders } from '../../../src-shared/hr/training-reminders';

const day = 86_400_000;
const now = new Date('2026-05-01T00:00:00Z');
const completion = (over: Partial<CompletionForReminders> = {}): CompletionForReminders => ({
  id: 'TC1', personId: 'P1', personName: 'Tom Tech', courseId: 'C1', courseTitle: 'HPLC operation', completedOn: '2025-06-30', expiresOn: '2026-06-30', isWithdrawn: false, managerIds: ['M1'], ...over,
});

describe('training reminders', () => {
  it('tell the person and their manager 30 and 7 days before the last valid day, then once a month after it ran out', () => {
    const list = trainingReminders([completion()], defaultTrainingReminderSettings, now);
    const mine = list.filter((r) => r.recipientId === 'P1').map((r) => [r.dueAt, r.subject]);
    expect(mine).toEqual([
      ['2026-06-01T09:00:00.000Z', `Your training “HPLC operation” is valid until ${formatDay('2026-06-30')}`],
      ['2026-06-24T09:00:00.000Z', `Your training “HPLC operation” is valid until ${formatDay('2026-06-30')}`],
      ['2026-07-01T09:00:00.000Z', `Your training “HPLC operation” expired on ${formatDay('2026-06-30')}`],
      ['2026-07-31T09:00:00.000Z', `Your training “HPLC operation” expired on ${formatDay('2026-06-30')}`],
    ]);
    expect(list.filter((r) => r.recipientId === 'M1')[0]?.subject).toBe(`Tom Tech's training “HPLC operation” is valid until ${formatDay('2026-06-30')}`);
    expect(list.every((r) => r.event === 'training_expiring' && r.link?.section === 'hr')).toBe(true);
  });

  it('give the same ids however often they are derived, and different ones when the expiry moves', () => {
    const again = trainingReminders([completion()], defaultTrainingReminderSettings, now).map((r) => r.id);
    expect(trainingReminders([completion()], defaultTrainingReminderSettings, now).map((r) => r.id)).toEqual(again);
    const moved = trainingReminders([completion({ expiresOn: '2026-07-31' })], defaultTrainingReminderSettings, now).map((r) => r.id);
    expect(moved.some((id) => again.includes(id))).toBe(false);
  });

  it('stay quiet for training that never expires, was withdrawn, or was renewed by a later completion', () => {
    expect(trainingReminders([completion({ expiresOn: '' })], defaultTrainingReminderSettings, now)).toEqual([]);
    expect(trainingReminders([completion({ isWithdrawn: true })], defaultTrainingReminderSettings, now)).toEqual([]);
    const renewed = [completion(), completion({ id: 'TC2', completedOn: '2026-04-20', expiresOn: '2027-04-20' })];
    expect(standingCompletions(renewed).map((c) => c.id)).toEqual(['TC2']);
    expect(new Set(trainingReminders(renewed, defaultTrainingReminderSettings, now).map((r) => r.about))).toEqual(new Set(['TC2']));
  });

  it('fall back to the earlier completion when the renewal is withdrawn, and remind a manager who is the person only once', () => {
    const list = [completion({ managerIds: ['P1'] }), completion({ id: 'TC2', completedOn: '2026-04-20', expiresOn: '2027-04-20', isWithdrawn: true })];
    const reminders = trainingReminders(list, { ...defaultTrainingReminderSettings, leadTimesMs: [30 * day] }, now);
    expect(reminders.map((r) => [r.recipientId, r.about])).toEqual([['P1', 'TC1'], ['P1', 'TC1'], ['P1', 'TC1']]);
  });
});
