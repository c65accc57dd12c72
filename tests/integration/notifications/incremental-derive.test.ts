import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import { features } from '../../../src-main/host/features';
import type { ChangedDocuments, ReminderRule } from '../../../src-main/scheduler/reminder-rule';
import { createEquipmentRule } from '../../../src-main/scheduler/rules/equipment-rule';
import { createMeetingRule } from '../../../src-main/scheduler/rules/meeting-rule';
import { createMilestoneRule } from '../../../src-main/scheduler/rules/milestone-rule';
import { createTaskDueRule } from '../../../src-main/scheduler/rules/task-due-rule';
import { createWorkflowRule } from '../../../src-main/scheduler/rules/workflow-rule';
import { createSchedulerFeature } from '../../../src-main/scheduler/scheduler-feature';
import { createKeyFileSecretStore } from '../../../src-main/security/secret-store';
import { createWorkflowDeadlineRule } from '../../../src-main/workflows/deadline-rule';
import type { CollectionName } from '../../../src-shared/db/schemas';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { startInstance } from '../../../src-shared/workflows/start';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { addPerson, entriesOf, fastTuning, meetingDocument, openNotificationHost, signInAdmin, steppedClock, taskCreator, taskDocument } from './support';

/**
 * After an edit the scheduler derives only the edited documents' reminders (each rule's
 * `incremental.deriveFor`). These tests prove it is the same as deriving everything: per rule
 * against a real database, and end to end — one task edited among many fires once, a completed or
 * deleted task drops its pending reminder, a restart fires nothing twice.
 */

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const hour = 3_600_000;
const day = 24 * hour;
const at = '2026-03-01T08:00:00.000Z';
const base = (id: string) => ({ id, createdAt: at, updatedAt: at, createdBy: 'test', updatedBy: 'test', auditId: 'test' });
const changes = (entries: [CollectionName, string[]][]): ChangedDocuments => new Map(entries.map(([name, ids]) => [name, new Set(ids)]));

/** The rule's full derive restricted to the owners `deriveFor` names must be exactly what `deriveFor` gives. */
async function expectSameAsFull(h: Host, rule: ReminderRule, changed: ChangedDocuments, now: Date, expectedOwners: string[]) {
  const incremental = rule.incremental!;
  const result = await incremental.deriveFor(h.db, changed, now);
  if (result === 'all') throw new Error(`${rule.kind}: expected a per-document derive`);
  expect([...result.owners].sort()).toEqual([...expectedOwners].sort());
  const full = (await rule.derive(h.db, now)).filter((r) => result.owners.has(incremental.ownerOf(r)));
  const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
  expect(ids(result.reminders)).toEqual(ids(full));
  expect(result.reminders.every((r) => result.owners.has(incremental.ownerOf(r)))).toBe(true);
  return result.reminders;
}

const definition = {
  workflow_code: 'ANALYSIS',
  name: 'Analysis',
  version: 1,
  status: 'published',
  initial_step: 'analyse',
  steps: [
    { step_id: 'analyse', name: 'Analyse', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  sla_config: { analyse: { duration_hours: 4, at_risk_percent: 50, escalation_rules: [{ at_percent: 75, action: 'notify', to_type: 'role', to_value: 'admin' }] } },
} as WorkflowDefinition;

describe('per-document derive against a real database', () => {
  it('gives each rule the same reminders for the changed documents as its full derive', async () => {
    const now = new Date('2026-03-02T08:00:00.000Z');
    host = await openNotificationHost(tempDataDir(), { clock: () => now });
    const db = host.db;
    const local = { utcOffsetMinutes: 0, dueTimeOfDay: '17:00' };

    await db.tasks.bulkInsert([
      taskDocument('T1', { title: 'Open', assigneeId: 'P1', dueDate: '2026-03-04' }),
      taskDocument('T2', { title: 'Done', assigneeId: 'P1', dueDate: '2026-03-04', status: 'done' }),
      taskDocument('T3', { title: 'Overdue', assigneeId: 'P2', dueDate: '2026-02-20' }),
      taskDocument('T4', { title: 'Removed', assigneeId: 'P1', dueDate: '2026-03-04' }),
      taskDocument('T5', { title: 'Untouched', assigneeId: 'P1', dueDate: '2026-03-04' }),
    ]);
    await (await db.tasks.findOne('T4').exec())!.remove();
    const tasks = await expectSameAsFull(host, createTaskDueRule(local), changes([['tasks', ['T1', 'T2', 'T3', 'T4', 'T-none']]]), now, ['T1', 'T2', 'T3', 'T4', 'T-none']);
    expect(new Set(tasks.map((r) => r.link?.itemId))).toEqual(new Set(['T1', 'T3']));

    await db.meetings.bulkInsert([
      meetingDocument('M1', { title: 'Review', startsAt: '2026-03-03T09:00:00.000Z', attendeeIds: ['P1', 'P2'] }),
      meetingDocument('M2', { title: 'Cancelled', startsAt: '2026-03-03T10:00:00.000Z', attendeeIds: ['P1'], status: 'cancelled' }),
      meetingDocument('M3', { title: 'Long ago', startsAt: '2026-02-01T09:00:00.000Z', attendeeIds: ['P1'] }),
    ]);
    expect(await expectSameAsFull(host, createMeetingRule(), changes([['meetings', ['M1', 'M2', 'M3']]]), now, ['M1', 'M2', 'M3'])).toHaveLength(2);

    const columns = { kindVersion: 1, number: '', numberState: '', personId: '', managerIds: [], ownerId: '', departmentId: '', date: '' };
    const instrument = (id: string, status: string) => ({ ...base(id), ...columns, kind: 'equipment', title: id, status, parentId: '', data: { name: id, custodianId: 'P1', authorisedUserIds: [] } });
    const plan = (id: string, equipmentId: string) => ({ ...base(id), ...columns, kind: 'calibration_plan', title: id, status: 'active', parentId: equipmentId, data: { equipmentId, name: 'Annual', firstDueDate: '2026-03-10', interval: { count: 12, unit: 'months' }, reminderLeadDays: [7] } });
    await db.records.bulkInsert([
      instrument('E1', 'in_service'),
      instrument('E2', 'disposed'),
      instrument('E3', 'in_service'),
      plan('CP1', 'E1'),
      plan('CP2', 'E2'),
      plan('CP3', 'E3'),
      { ...base('X1'), ...columns, kind: 'invoice', title: 'Invoice', status: 'open', parentId: '', data: {} },
    ]);
    // A changed plan derives its instrument again, a changed instrument itself, other kinds nothing.
    expect(await expectSameAsFull(host, createEquipmentRule(local), changes([['records', ['E1', 'E2', 'CP3', 'X1']]]), now, ['E1', 'E2', 'E3'])).not.toHaveLength(0);

    const project = (id: string, ownerId: string) => ({ ...base(id), code: id, name: id, status: 'active', isArchived: false, ownerId });
    await db.projects.bulkInsert([project('PR1', 'P1'), project('PR2', 'P2')]);
    const milestone = (id: string, projectId: string, data: Record<string, unknown>, kind = 'milestone') => ({ ...base(id), kind, projectId, title: id, data });
    await db.plan_items.bulkInsert([
      milestone('MS1', 'PR1', { dueDate: '2026-03-20' }),
      milestone('MS2', 'PR2', { dueDate: '2026-03-21' }),
      milestone('MS3', 'PR2', { dueDate: '2026-03-22', status: 'reached' }),
      milestone('R1', 'PR1', { dueDate: '2026-03-20' }, 'risk'),
    ]);
    const milestones = createMilestoneRule(local);
    await expectSameAsFull(host, milestones, changes([['plan_items', ['MS1', 'R1']]]), now, ['MS1', 'R1']);
    // A project's new owner changes the recipients of all its milestones, and of no other.
    await (await db.projects.findOne('PR2').exec())!.incrementalPatch({ ownerId: 'P3' });
    const ofProject = await expectSameAsFull(host, milestones, changes([['projects', ['PR2']]]), now, ['MS2', 'MS3']);
    expect(ofProject.map((r) => r.recipientId)).toEqual(['P3', 'P3']);

    const started = startInstance(definition, { entityType: 'procurement', entityId: 'E1', variables: {} }, { userId: 'P1', name: 'P1', roles: ['member'] }, '2026-03-02T07:00:00.000Z', () => 'W1', {});
    if (!started.ok) throw new Error(started.error.message);
    const state = started.value.instance;
    await db.workflow_definitions.insert({ ...base('D1'), code: 'ANALYSIS', version: 1, status: 'published', definition });
    const instance = (id: string, status: string) => ({ ...base(id), definitionId: 'D1', code: 'ANALYSIS', version: 1, eventCount: 1, status, entityType: 'procurement', entityId: 'E1', state: { ...state, id, status } });
    await db.workflow_instances.bulkInsert([instance('W1', 'running'), instance('W2', 'completed'), instance('W3', 'running')]);
    const deadlines = await expectSameAsFull(host, createWorkflowDeadlineRule(), changes([['workflow_instances', ['W1', 'W2']]]), now, ['W1', 'W2']);
    expect(deadlines.map((r) => r.link?.itemId)).toEqual(['W1', 'W1']);
    const workflow = createWorkflowRule();
    await expectSameAsFull(host, workflow, changes([['workflow_instances', ['W1', 'W2']]]), now, ['W1', 'W2']);
    // Who holds a role can change every instance's recipients: that change derives the rule in full.
    expect(await workflow.incremental!.deriveFor(db, changes([['people', ['P1']]]), now)).toBe('all');
  });
});

/** Counts how the scheduler asks a rule: full derives, and the ids each per-document derive was given. */
function counted(rule: ReminderRule) {
  const calls = { full: 0, perDocument: [] as string[][] };
  const incremental = rule.incremental!;
  const wrapped: ReminderRule = {
    ...rule,
    derive: (db, now) => (calls.full++, rule.derive(db, now)),
    incremental: {
      ownerOf: incremental.ownerOf,
      deriveFor: (db, changed, now) => (calls.perDocument.push([...(changed.get('tasks') ?? [])].sort()), incremental.deriveFor(db, changed, now)),
    },
  };
  return { wrapped, calls };
}

describe('scheduler after edits', () => {
  it('derives only the edited task among many: it fires once, a completed or deleted task never, and a restart repeats nothing', async () => {
    const dir = tempDataDir();
    // Moved by hand without jumps (time passing), so the scheduler never has a reason to derive everything.
    const time = steppedClock('2026-03-02T08:00:00.000Z');
    // "Due soon" reminders of tasks due on 2 March fall due 6 s after the start.
    const soonMs = 6_000;
    const { wrapped, calls } = counted(createTaskDueRule({ leadTimesMs: [9 * hour - soonMs], overdueEveryMs: day, dueTimeOfDay: '17:00', utcOffsetMinutes: 0 }));
    const open = () =>
      openSqliteHost(dir, {
        clock: time.clock,
        features: features.map((f) => (f.name === 'scheduler' ? createSchedulerFeature(() => [wrapped]) : f)),
        platform: { secretStore: createKeyFileSecretStore(dir), monotonic: time.monotonic, notifications: fastTuning },
      });
    host = await open();
    const admin = await signInAdmin(host);
    const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
    // Created through tasks/create as the UI does; being assigned tells Bob too, so reminders are the task_due entries.
    const createTask = await taskCreator(admin.client);
    const reminders = async () => {
      await host!.whenIdle();
      return (await entriesOf(host!, bobId)).filter((e) => e.event === 'task_due');
    };
    const many: string[] = [];
    for (let i = 0; i < 300; i++) many.push(await createTask({ title: `Task ${i}`, assigneeId: bobId, dueDate: '2026-12-01' }));
    const [s1, s2, s3] = [await createTask({ title: 'Soon S1', assigneeId: bobId, dueDate: '2026-03-02' }), await createTask({ title: 'Soon S2', assigneeId: bobId, dueDate: '2026-03-02' }), await createTask({ title: 'Soon S3', assigneeId: bobId, dueDate: '2026-03-02' })];
    expect(await reminders()).toEqual([]);
    expect([...new Set(calls.perDocument.flat())]).toHaveLength(303);
    calls.full = 0;
    calls.perDocument = [];

    // Moved into the past: overdue now, one notification, and only that task derived again.
    const t7 = many[7]!;
    expect(await admin.client.call('tasks/update', { id: t7, dueDate: '2026-03-01' })).toMatchObject({ ok: true });
    const [overdue, ...rest] = await reminders();
    expect(rest).toEqual([]);
    expect(overdue).toMatchObject({ subject: 'Overdue: Task 7', data: { link: { section: 'tasks', itemId: t7 } } });
    expect(calls).toEqual({ full: 0, perDocument: [[t7]] });

    // Edited again (its reminder ids stay the same): nothing fires twice.
    expect(await admin.client.call('tasks/update', { id: t7, title: 'Task 7 (renamed)' })).toMatchObject({ ok: true });
    expect(await reminders()).toHaveLength(1);

    // Completing S1 and deleting S2 drop their pending "due soon" reminders; S3's fires on time, once.
    expect(await admin.client.call('tasks/set-status', { id: s1, status: 'done' })).toMatchObject({ ok: true });
    expect(await admin.client.call('tasks/remove', { id: s2 })).toMatchObject({ ok: true });
    expect(await reminders()).toHaveLength(1);
    time.advance(soonMs);
    expect((await reminders()).map((e) => e.data.link)).toEqual([
      { section: 'tasks', itemId: t7 },
      { section: 'tasks', itemId: s3 },
    ]);
    expect(calls.full).toBe(0);
    // T7 (twice), S1, S2: never more than the edited tasks.
    expect([...new Set(calls.perDocument.flat())].sort()).toEqual([s1, s2, t7].sort());

    // A restart derives everything again and fires nothing twice.
    await host.close();
    host = await open();
    expect(await reminders()).toHaveLength(2);
    expect(calls.full).toBe(1);
  });
});
