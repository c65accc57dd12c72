import { describe, expect, it } from 'vitest';
import type { DueReminder } from '../../../src-shared/scheduler/reminder';
import { createEquipmentRule } from '../../../src-main/scheduler/rules/equipment-rule';
import { equipmentReminders } from '../../../src-shared/scheduler/equipment-reminders';
import { createMeetingRule } from '../../../src-main/scheduler/rules/meeting-rule';
import { createActionItemRule } from '../../../src-main/meetings/action-item-rule';
import { changedOwners } from '../../../src-main/meetings/meeting-reminder-source';
import { createMinutesDueRule } from '../../../src-main/meetings/minutes-due-rule';
import { createMilestoneRule, milestoneDocumentReminders } from '../../../src-main/scheduler/rules/milestone-rule';
import { createTaskDueRule, taskDocumentReminders } from '../../../src-main/scheduler/rules/task-due-rule';
import { createWorkflowRule, instanceReminders } from '../../../src-main/scheduler/rules/workflow-rule';
import { createWorkflowDeadlineRule, instanceDeadlines } from '../../../src-main/workflows/deadline-rule';
import { flow, people, start, t0, task } from '../workflows/helpers';

/**
 * The per-document halves of the scheduler rules: what one stored document derives, and which
 * document the scheduler credits each reminder to. An edit replaces exactly the reminders whose
 * owner is the edited document, so a wrong owner would leave stale reminders or drop others'.
 */

const now = new Date('2026-03-01T00:00:00.000Z');
const local = { utcOffsetMinutes: 0, dueTimeOfDay: '17:00' };
const ownersOf = (ownerOf: (r: DueReminder) => string, list: DueReminder[]) => [...new Set(list.map(ownerOf))];

describe('task due rule, one task', () => {
  const settings = { leadTimesMs: [86_400_000], overdueEveryMs: 86_400_000, ...local };
  const ownerOf = createTaskDueRule(settings).incremental!.ownerOf;
  const open = { id: 'T1', title: 'Weigh samples', status: 'todo', assigneeId: 'P1', dueDate: '2026-03-04' };

  it('derives the open task’s reminders, each owned by the task', () => {
    const list = taskDocumentReminders(open, settings, now);
    expect(list.map((r) => r.dueAt)).toEqual(['2026-03-03T17:00:00.000Z', '2026-03-04T17:00:00.000Z', '2026-03-05T17:00:00.000Z']);
    expect(ownersOf(ownerOf, list)).toEqual(['T1']);
  });

  it('derives nothing for a done, cancelled, unassigned or undated task, as the full query filters', () => {
    for (const status of ['done', 'cancelled', 'archived']) expect(taskDocumentReminders({ ...open, status }, settings, now)).toEqual([]);
    const { assigneeId: _a, ...unassigned } = open;
    const { dueDate: _d, ...undated } = open;
    expect(taskDocumentReminders(unassigned, settings, now)).toEqual([]);
    expect(taskDocumentReminders(undated, settings, now)).toEqual([]);
  });

  it('gives a moved due date new reminder ids, so the old ones are dropped, not fired', () => {
    const before = taskDocumentReminders(open, settings, now).map((r) => r.id);
    const after = taskDocumentReminders({ ...open, dueDate: '2026-03-05' }, settings, now).map((r) => r.id);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });
});

describe('meeting rules, owners', () => {
  const reminderAbout = (itemId: string) => ({ link: { section: 'meetings', itemId } }) as DueReminder;

  it('credit an occurrence\'s reminders to its series and a one-off meeting\'s to itself', () => {
    for (const rule of [createMeetingRule(), createMinutesDueRule(), createActionItemRule()]) {
      const ownerOf = rule.incremental!.ownerOf;
      expect(ownerOf(reminderAbout('01JSERIES0000000000000000A_hm0tc'))).toBe('01JSERIES0000000000000000A');
      expect(ownerOf(reminderAbout('01JONEOFF0000000000000000B'))).toBe('01JONEOFF0000000000000000B');
    }
  });

  it('derive a whole series when one of its occurrence documents changes, and everything when lead times change', () => {
    const changed = new Map([['meetings', new Set(['01JSERIES0000000000000000A_hm0tc', '01JONEOFF0000000000000000B'])]]) as Parameters<typeof changedOwners>[0];
    expect(changedOwners(changed)).toEqual(new Set(['01JSERIES0000000000000000A', '01JONEOFF0000000000000000B']));
    const settings = new Map([['notifications', new Set(['cal-0123'])]]) as Parameters<typeof changedOwners>[0];
    expect(changedOwners(settings, true)).toBe('all');
    expect(changedOwners(new Map([['notifications', new Set(['ntf-1'])]]) as Parameters<typeof changedOwners>[0], true)).toEqual(new Set());
  });
});

describe('equipment rule, one instrument', () => {
  const settings = { leadTimesMs: [14 * 86_400_000], overdueEveryMs: 7 * 86_400_000, ...local };
  const ownerOf = createEquipmentRule(settings).incremental!.ownerOf;
  const balance = { id: 'E1', name: 'EQ-0001 Balance B-12', calibrations: [{ id: 'CP1', what: 'Calibration “Annual”', dueDate: '2026-03-20' }], maintenance: [], responsibleIds: ['P1', 'QA1'], isRetired: false };

  it('reminds the custodian and QA, owned by the instrument', () => {
    const list = equipmentReminders(balance, settings, now);
    expect(new Set(list.map((r) => r.recipientId))).toEqual(new Set(['P1', 'QA1']));
    expect(ownersOf(ownerOf, list)).toEqual(['E1']);
  });

  it('derives nothing for retired instruments', () => {
    expect(equipmentReminders({ ...balance, isRetired: true }, settings, now)).toEqual([]);
  });
});

describe('milestone rule, one milestone', () => {
  const settings = { leadTimesMs: [86_400_000], ...local };
  const ownerOf = createMilestoneRule(settings).incremental!.ownerOf;
  const milestone = { id: 'MS1', projectId: 'PR1', title: 'Method validated', data: { dueDate: '2026-03-20' } };

  it('reminds the project owner, owned by the milestone (its link points at the project)', () => {
    const list = milestoneDocumentReminders(milestone, 'P9', settings, now);
    expect(list.map((r) => [r.recipientId, r.link?.itemId])).toEqual([['P9', 'PR1']]);
    expect(ownersOf(ownerOf, list)).toEqual(['MS1']);
  });

  it('derives nothing without a project owner, a due date, or once reached', () => {
    expect(milestoneDocumentReminders(milestone, undefined, settings, now)).toEqual([]);
    expect(milestoneDocumentReminders({ ...milestone, data: {} }, 'P9', settings, now)).toEqual([]);
    expect(milestoneDocumentReminders({ ...milestone, data: { dueDate: '2026-03-20', status: 'reached' } }, 'P9', settings, now)).toEqual([]);
  });
});

describe('workflow rules, one instance', () => {
  const definition = flow([task('analyse', ['done'], 'member'), { step_id: 'done', name: 'Done', type: 'end' }], { sla_config: { analyse: { duration_hours: 4, at_risk_percent: 50, escalation_rules: [{ at_percent: 75, action: 'notify', to_type: 'role', to_value: 'admin' }] } } });
  const { instance } = start(definition, {}, people.requester, t0);
  const stored = { id: instance.id, definitionId: 'D1', status: 'running', state: instance };

  const everyone = (roleHolders: Map<string, string[]>) => ({ roleHolders, mayRead: () => true });

  it('notifies the step’s role holders, owned by the instance', () => {
    const list = instanceReminders(stored, everyone(new Map([['member', ['P1', 'P2']]])));
    expect(new Set(list.map((r) => r.recipientId))).toEqual(new Set(['P1', 'P2']));
    expect(ownersOf(createWorkflowRule().incremental!.ownerOf, list)).toEqual([instance.id]);
    expect(instanceReminders({ ...stored, status: 'completed' }, everyone(new Map([['member', ['P1']]])))).toEqual([]);
  });

  it('tells only the role holders who may read the record the instance is about', () => {
    const scope = { kind: 'leave_request', personId: 'P2', managerIds: [] };
    const list = instanceReminders({ ...stored, subjectScope: scope }, { roleHolders: new Map([['member', ['P1', 'P2']]]), mayRead: (id, s) => id === s.personId });
    expect(new Set(list.map((r) => r.recipientId))).toEqual(new Set(['P2']));
  });

  it('schedules the engine’s breach and escalation, owned by the instance', () => {
    const list = instanceDeadlines(stored, definition);
    expect(list.map((r) => r.key.split('|')[2]?.split(':')[1]).sort()).toEqual(['escalation', 'sla_breach']);
    expect(ownersOf(createWorkflowDeadlineRule().incremental!.ownerOf, list)).toEqual([instance.id]);
  });

  it('keeps only the breach of a step an incident stopped, every timer of a step it did not, and nothing without its definition or once closed', () => {
    const [step] = instance.activeSteps;
    const incidentAt = (token: string) => ({ token, stepId: step!.stepId, reason: 'no_assignee' as const, message: 'Nobody to assign.', at: t0 });
    const stopped = { ...stored, status: 'incident', state: { ...instance, status: 'incident' as const, incident: incidentAt(step!.token) } };
    expect(instanceDeadlines(stopped, definition).map((r) => r.key.endsWith(':sla_breach'))).toEqual([true]);
    // An incident in another branch stops only that branch: this step's escalation stays scheduled.
    const elsewhere = { ...stored, status: 'incident', state: { ...instance, status: 'incident' as const, incident: incidentAt('another-branch') } };
    expect(instanceDeadlines(elsewhere, definition).map((r) => r.key.split('|')[2]?.split(':')[1]).sort()).toEqual(['escalation', 'sla_breach']);
    expect(instanceDeadlines(stored, undefined)).toEqual([]);
    expect(instanceDeadlines({ ...stored, status: 'completed' }, definition)).toEqual([]);
  });
});
