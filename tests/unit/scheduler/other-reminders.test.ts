import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import { equipmentReminders, type EquipmentReminderSettings } from '../../../src-shared/scheduler/equipment-reminders';
import { meetingReminders } from '../../../src-shared/scheduler/meeting-reminders';
import { milestoneReminders } from '../../../src-shared/scheduler/milestone-reminders';
import { workflowReminders, type WorkflowForReminders } from '../../../src-shared/scheduler/workflow-reminders';

const now = new Date('2026-03-01T00:00:00Z');

describe('milestone reminders', () => {
  const milestone = { id: 'M1', projectId: 'PR1', title: 'Method validated', dueDate: '2026-03-20', status: 'pending', recipientIds: ['P1', 'P1'] };
  const settings = { leadTimesMs: [7 * 86_400_000, 86_400_000], dueTimeOfDay: '17:00', utcOffsetMinutes: 0 };
  it('tell the project owner a week and a day ahead, once per person', () => {
    const list = milestoneReminders(milestone, settings, now);
    expect(list.map((r) => [r.dueAt, r.subject])).toEqual([
      ['2026-03-13T17:00:00.000Z', 'Milestone in 7 days: Method validated'],
      ['2026-03-19T17:00:00.000Z', 'Milestone in 1 day: Method validated'],
    ]);
    expect(list[0]).toMatchObject({ event: 'milestone_approaching', link: { section: 'projects', itemId: 'PR1' } });
  });
  it('stay quiet for reached or missed milestones', () => {
    expect(milestoneReminders({ ...milestone, status: 'reached' }, settings, now)).toEqual([]);
    expect(milestoneReminders({ ...milestone, status: 'missed' }, settings, now)).toEqual([]);
  });
});

describe('meeting reminders', () => {
  const meeting = { id: 'MT1', title: 'Method review', startsAt: '2026-03-02T09:00:00.000Z', timeZone: 'Europe/Berlin', attendeeIds: ['P1', 'P2'], isCancelled: false };
  const quarter = () => [15 * 60_000];
  it('remind each attendee before the start, at their own lead times, in the meeting\'s local time', () => {
    const list = meetingReminders(meeting, quarter, now);
    expect(list[0]?.body).toBe('The meeting “Method review” starts Mon, 2 Mar 2026, 10:00 (Europe/Berlin).');
    const own = meetingReminders(meeting, (id) => (id === 'P2' ? [3_600_000, 86_400_000] : [15 * 60_000]), now);
    expect(own.map((r) => [r.recipientId, r.dueAt])).toEqual([
      ['P1', '2026-03-02T08:45:00.000Z'],
      ['P2', '2026-03-02T08:00:00.000Z'],
      ['P2', '2026-03-01T09:00:00.000Z'],
    ]);
    expect(list.map((r) => [r.recipientId, r.dueAt, r.subject])).toEqual([
      ['P1', '2026-03-02T08:45:00.000Z', 'In 15 minutes: Method review'],
      ['P2', '2026-03-02T08:45:00.000Z', 'In 15 minutes: Method review'],
    ]);
  });
  it('remind again for a moved meeting, and not at all for a cancelled one', () => {
    const first = meetingReminders(meeting, quarter, now).map((r) => r.id);
    const moved = meetingReminders({ ...meeting, startsAt: '2026-03-02T10:00:00.000Z' }, quarter, now).map((r) => r.id);
    expect(moved.some((id) => first.includes(id))).toBe(false);
    expect(meetingReminders({ ...meeting, isCancelled: true }, quarter, now)).toEqual([]);
    expect(meetingReminders({ ...meeting, startsAt: 'soon' }, quarter, now)).toEqual([]);
  });
});

describe('equipment reminders', () => {
  const settings: EquipmentReminderSettings = { leadTimesMs: [14 * 86_400_000], overdueEveryMs: 7 * 86_400_000, dueTimeOfDay: '09:00', utcOffsetMinutes: 0 };
  const balance = {
    id: 'E1',
    name: 'EQ-0012 Balance B-12',
    calibrations: [{ id: 'CP1', what: 'Calibration “Annual”', dueDate: '2026-03-20', leadTimesMs: [30 * 86_400_000, 7 * 86_400_000, 86_400_000] }],
    maintenance: [{ id: 'WO1', what: 'Preventive maintenance “Service”', dueDate: '2026-04-10' }],
    responsibleIds: ['P1'],
    isRetired: false,
  };
  it('remind of each calibration at its plan’s lead times and maintenance at the default ones, then weekly while overdue', () => {
    const list = equipmentReminders(balance, settings, now);
    expect(list.map((r) => [r.event, r.dueAt])).toEqual([
      ['equipment_calibration_due', '2026-02-18T09:00:00.000Z'],
      ['equipment_calibration_due', '2026-03-13T09:00:00.000Z'],
      ['equipment_calibration_due', '2026-03-19T09:00:00.000Z'],
      ['equipment_calibration_due', '2026-03-20T09:00:00.000Z'],
      ['equipment_calibration_due', '2026-03-27T09:00:00.000Z'],
      ['equipment_maintenance_due', '2026-03-27T09:00:00.000Z'],
      ['equipment_maintenance_due', '2026-04-10T09:00:00.000Z'],
      ['equipment_maintenance_due', '2026-04-17T09:00:00.000Z'],
    ]);
    expect(list[0]).toMatchObject({ subject: `Calibration “Annual” due on ${formatDay('2026-03-20')}: EQ-0012 Balance B-12`, body: `Calibration “Annual” of EQ-0012 Balance B-12 is due on ${formatDay('2026-03-20')} (reminder 30 days ahead).` });
    expect(list[3]?.subject).toBe('Calibration “Annual” overdue: EQ-0012 Balance B-12');
  });
  it('give each plan and due date its own ids, and stop for retired instruments', () => {
    const moved = equipmentReminders({ ...balance, calibrations: [{ ...balance.calibrations[0]!, dueDate: '2027-03-20' }] }, settings, now);
    const ids = new Set(equipmentReminders(balance, settings, now).map((r) => r.id));
    expect(moved.filter((r) => r.event === 'equipment_calibration_due').some((r) => ids.has(r.id))).toBe(false);
    expect(equipmentReminders({ ...balance, isRetired: true }, settings, now)).toEqual([]);
  });
});

describe('workflow reminders', () => {
  const instance: WorkflowForReminders = {
    id: 'W1', workflowCode: 'capa', status: 'running',
    activeSteps: [
      { token: 'W1.t1', stepId: 'review', enteredAt: '2026-03-01T08:00:00.000Z', assignees: { users: ['P1'], roles: ['qa_manager'] }, atRiskAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-02T08:00:00.000Z' },
      { token: 'W1.t2', stepId: 'join', enteredAt: '2026-03-01T08:00:00.000Z', assignees: { users: ['P1'], roles: [] }, isWaitingAtJoin: true },
    ],
  };
  const roles = new Map([['qa_manager', ['P2', 'P1']]]);
  it('tell named assignees and role holders once each: entered, at risk, violated', () => {
    const list = workflowReminders(instance, roles);
    expect(list.map((r) => [r.recipientId, r.event, r.dueAt])).toEqual([
      ['P1', 'workflow_step_entered', '2026-03-01T08:00:00.000Z'],
      ['P1', 'sla_violation', '2026-03-02T02:00:00.000Z'],
      ['P1', 'sla_violation', '2026-03-02T08:00:00.000Z'],
      ['P2', 'workflow_step_entered', '2026-03-01T08:00:00.000Z'],
      ['P2', 'sla_violation', '2026-03-02T02:00:00.000Z'],
      ['P2', 'sla_violation', '2026-03-02T08:00:00.000Z'],
    ]);
    // At risk and violated are one series, so after downtime only the violation fires.
    expect(list[1]?.series).toBe(list[2]?.series);
    expect(list[0]?.series).not.toBe(list[1]?.series);
  });
  it('stay quiet for closed instances', () => {
    expect(workflowReminders({ ...instance, status: 'completed' }, roles)).toEqual([]);
  });
});
