import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { dueWork, escalate, recordBreach, runDueWork } from '../../../src-shared/workflows/deadlines';
import type { EscalationRule, StepDefinition, WorkingCalendar } from '../../../src-shared/workflows/definition-schema';
import { slaState, stepDeadlines } from '../../../src-shared/workflows/sla';
import { addWorkingHours, isWorkingTime, workingMsBetween } from '../../../src-shared/workflows/working-calendar';
import { at, errorOf, flow, must, people, start, stepIds, task } from './helpers';

const officeHours: WorkingCalendar = { weekdays: [1, 2, 3, 4, 5], hours: { start: '08:00', end: '17:00' }, holidays: ['2025-01-08'] };
const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();

describe('working calendar', () => {
  it.each([
    ['within the day', '2025-01-06T09:00:00Z', 4, '2025-01-06T13:00:00.000Z'],
    ['to the end of the day exactly', '2025-01-06T09:00:00Z', 8, '2025-01-06T17:00:00.000Z'],
    ['into the next morning', '2025-01-06T09:00:00Z', 9, '2025-01-07T09:00:00.000Z'],
    ['skipping the holiday (Wednesday)', '2025-01-07T16:00:00Z', 2, '2025-01-09T09:00:00.000Z'],
    ['over the weekend', '2025-01-10T16:00:00Z', 2, '2025-01-13T09:00:00.000Z'],
    ['starting before opening', '2025-01-06T05:00:00Z', 1, '2025-01-06T09:00:00.000Z'],
    ['starting on a Saturday', '2025-01-11T12:00:00Z', 1, '2025-01-13T09:00:00.000Z'],
    ['zero hours', '2025-01-11T12:00:00Z', 0, '2025-01-11T12:00:00.000Z'],
  ])('adds working hours %s', (_, from, hours, expected) => {
    expect(iso(addWorkingHours(officeHours, ms(from), hours))).toBe(expected);
  });

  it('shifts the working day by the offset from UTC', () => {
    const cet = { ...officeHours, utc_offset_minutes: 60 };
    expect(iso(addWorkingHours(cet, ms('2025-01-06T06:00:00Z'), 1))).toBe('2025-01-06T08:00:00.000Z');
    expect(isWorkingTime(cet, ms('2025-01-06T07:30:00Z'))).toBe(true);
    expect(isWorkingTime(officeHours, ms('2025-01-06T07:30:00Z'))).toBe(false);
  });

  it('measures working time between two instants', () => {
    expect(workingMsBetween(officeHours, ms('2025-01-06T16:00:00Z'), ms('2025-01-07T10:00:00Z'))).toBe(3 * 3_600_000);
    expect(workingMsBetween(officeHours, ms('2025-01-07T10:00:00Z'), ms('2025-01-06T16:00:00Z'))).toBe(0);
  });
});

describe('step deadlines and SLA state', () => {
  const plain = flow([task('a', [])], { sla_config: { a: { duration_hours: 48, at_risk_percent: 50 } } });
  it('due after duration_hours of wall-clock time without a calendar', () => {
    expect(stepDeadlines(plain, 'a', at(0))).toEqual({ dueAt: at(48), atRiskAt: at(24) });
    expect(stepDeadlines(plain, 'b', at(0))).toBeUndefined();
  });
  it('due after working hours with a calendar', () => {
    const worked = { ...plain, working_calendar: officeHours };
    // Monday 09:00 + 48 working hours, Wednesday a holiday: 8 (Mon) + 9 (Tue) + 9 (Thu) + 9 (Fri) + 9 (Mon) + 4 (Tue, from 08:00) → Tuesday 12:00.
    expect(stepDeadlines(worked, 'a', at(0))?.dueAt).toBe('2025-01-14T12:00:00.000Z');
  });
  it('is on track, at risk, then breached', () => {
    const step = { dueAt: at(48), atRiskAt: at(36) };
    expect(slaState(step, at(10))).toBe('on_track');
    expect(slaState(step, at(36))).toBe('at_risk');
    expect(slaState(step, at(48))).toBe('breached');
    expect(slaState({}, at(99))).toBe('no_sla');
  });
});

const approval = (rules: EscalationRule[]): { def: ReturnType<typeof flow>; step: StepDefinition } => {
  const step: StepDefinition = {
    step_id: 'decide',
    name: 'Decide',
    type: 'approval',
    assignee_type: 'role',
    assignee_value: 'department_head',
    approval: { quorum: 'all', m: 3 },
    conditions: { approve: ['after'], reject: [] },
  };
  return { step, def: flow([step, task('after', [])], { sla_config: { decide: { duration_hours: 10, escalation_rules: rules } } }) };
};

describe('escalations and breaches', () => {
  const rules: EscalationRule[] = [
    { at_percent: 50, action: 'notify', to_type: 'role', to_value: 'admin' },
    { after_breach_hours: 0, action: 'reassign', to_type: 'user', to_value: 'u-fin' },
    { after_breach_hours: 5, action: 'auto_act', auto_action: 'approve', comments: 'Approved by escalation' },
  ];
  const { def } = approval(rules);

  it('lists every deadline with a deterministic key, and schedules them when the step starts', () => {
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    expect(dueWork(def, started.instance)).toEqual([
      { instanceId: started.instance.id, token, key: `${token}:escalation:0`, at: at(5), kind: 'escalation', rule: 0 },
      { instanceId: started.instance.id, token, key: `${token}:sla_breach`, at: at(10), kind: 'sla_breach' },
      { instanceId: started.instance.id, token, key: `${token}:escalation:1`, at: at(10), kind: 'escalation', rule: 1 },
      { instanceId: started.instance.id, token, key: `${token}:escalation:2`, at: at(15), kind: 'escalation', rule: 2 },
    ]);
    const scheduled = started.effects.filter((e) => e.type === 'schedule_deadline').map((e) => e.type === 'schedule_deadline' && e.key);
    expect(scheduled.sort()).toEqual(dueWork(def, started.instance).map((w) => w.key).sort());
  });

  it('notify at a percentage of the SLA, once', () => {
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    expect(errorOf(escalate(def, started.instance, token, 0, at(4)))).toBe('timer_not_due');
    const fired = must(escalate(def, started.instance, token, 0, at(5)));
    expect(fired.events).toEqual([expect.objectContaining({ type: 'escalation_triggered', rule: 0, escalation: 'notify', target: { users: [], roles: ['admin'] } })]);
    expect(fired.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'escalation', recipients: { users: [], roles: ['admin'] } }));
    expect(must(escalate(def, fired.instance, token, 0, at(6))).events).toEqual([]);
    expect(dueWork(def, fired.instance).map((w) => w.rule ?? w.kind)).not.toContain(0);
  });

  it('records a breach once, shaped like the spec’s SLAViolation', () => {
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    expect(errorOf(recordBreach(def, started.instance, token, at(9)))).toBe('timer_not_due');
    const breached = must(runDueWork(def, started.instance, { kind: 'sla_breach', token }, at(12)));
    expect(breached.events[0]).toMatchObject({
      type: 'sla_breached',
      violation: {
        workflow_instance_id: started.instance.id,
        workflow_code: 'TEST_FLOW',
        step_id: 'decide',
        step_name: 'Decide',
        expected_completion_time: at(10),
        actual_completion_time: null,
        detected_at: at(12),
        violation_duration_hours: 2,
        escalated: false,
        escalation_level: 0,
      },
    });
    expect(breached.instance.activeSteps[0]?.isBreached).toBe(true);
    expect(must(recordBreach(def, breached.instance, token, at(13))).events).toEqual([]);
  });

  it('reassigns after the breach', () => {
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    const moved = must(runDueWork(def, started.instance, { kind: 'escalation', token, rule: 1 }, at(10)));
    expect(moved.instance.activeSteps[0]?.assignees).toEqual({ users: ['u-fin'], roles: [] });
    expect(moved.events.map((e) => e.type)).toEqual(['escalation_triggered', 'step_reassigned']);
    expect(errorOf(advance(def, moved.instance, { commandId: 'c1', action: 'approve' }, people.head, at(11)))).toBe('not_your_step');
  });

  it('auto-acts with the stated action, deciding the step whatever its quorum', () => {
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    const oneVote = must(advance(def, started.instance, { commandId: 'c1', action: 'approve' }, people.head, at(1))).instance;
    const acted = must(escalate(def, oneVote, token, 2, at(15)));
    expect(stepIds(acted.instance)).toEqual(['after']);
    expect(acted.events.find((e) => e.type === 'step_completed')).toMatchObject({ action: 'approve', actor: { userId: 'system' }, comments: 'Approved by escalation' });
    expect(acted.effects).toContainEqual(expect.objectContaining({ type: 'cancel_deadline', token }));
  });

  it('work for a step that has moved on changes nothing, and a closed instance refuses', () => {
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    const rejected = must(advance(def, started.instance, { commandId: 'c1', action: 'reject' }, people.head, at(1))).instance;
    expect(dueWork(def, rejected)).toEqual([]);
    expect(errorOf(escalate(def, rejected, token, 0, at(20)))).toBe('instance_closed');
  });
});
