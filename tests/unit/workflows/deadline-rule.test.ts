import { describe, expect, it } from 'vitest';
import { deadlineReminder, parseDeadlineKey } from '../../../src-main/workflows/deadline-rule';

describe('workflow deadline reminders', () => {
  const breach = { instanceId: 'wi-1', token: 'wi-1.t3', key: 'wi-1.t3:sla_breach', at: '2026-03-02T09:00:00.000Z', kind: 'sla_breach' as const };
  const escalation = { instanceId: 'wi-1', token: 'wi-1.t3', key: 'wi-1.t3:escalation:1', at: '2026-03-02T10:00:00.000Z', kind: 'escalation' as const, rule: 1 };

  it('has an id that depends only on what is due, each item its own series', () => {
    const a = deadlineReminder(breach, 'Deadlines');
    expect(deadlineReminder({ ...breach }, 'Renamed').id).toBe(a.id);
    expect(a.id).toMatch(/^rm-[0-9a-f]{32}$/);
    expect(a).toMatchObject({ kind: 'workflow_deadline', series: a.key, dueAt: breach.at, recipientId: 'system', link: { section: 'workflows', itemId: 'wi-1' } });
    expect(deadlineReminder(escalation, 'Deadlines').id).not.toBe(a.id);
  });

  it('reads the work back from the key', () => {
    expect(parseDeadlineKey(deadlineReminder(breach, 'x').key)).toEqual({ instanceId: 'wi-1', token: 'wi-1.t3', kind: 'sla_breach' });
    expect(parseDeadlineKey(deadlineReminder(escalation, 'x').key)).toEqual({ instanceId: 'wi-1', token: 'wi-1.t3', kind: 'escalation', rule: 1 });
    expect(parseDeadlineKey('task_due|x|y')).toBeNull();
    expect(parseDeadlineKey('workflow_deadline|wi-1|wi-1.t3:explode')).toBeNull();
  });
});
