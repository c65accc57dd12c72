import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { InstanceDetailView, InstanceSummaryView, SlaViolationView } from '../../../src-shared/workflows/workflow-contract';
import { fastTuning, manualClock } from '../notifications/support';
import { cid, expectOk, openLab, type Client } from './workflow-fixtures';

const hour = 3_600_000;

/** A task with an SLA of one hour, escalated at half time and again an hour after the breach, then a two-hour timer. */
const deadlines = {
  workflow_code: 'DEADLINES',
  name: 'Deadlines',
  steps: [
    { step_id: 'analyse', name: 'Analyse sample', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['wait'] },
    { step_id: 'wait', name: 'Let it settle', type: 'timer', timer: { after_hours: 2 }, next_steps: ['report'] },
    { step_id: 'report', name: 'Report', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 'analyse',
  sla_config: {
    analyse: {
      duration_hours: 1,
      escalation_rules: [
        { at_percent: 50, action: 'notify', to_type: 'role', to_value: 'department_head' },
        { after_breach_hours: 1, action: 'reassign', to_type: 'role', to_value: 'finance', comments: 'Escalated to finance' },
      ],
    },
  },
};

const platform = { notifications: fastTuning, monotonic: () => performance.now() };

async function detail(client: Client, instanceId: string): Promise<InstanceDetailView> {
  return expectOk(await client.subscribe('workflows/instances/get', { instanceId }).next<InstanceDetailView>());
}

describe('workflow deadlines through the scheduler', () => {
  it('catches up breaches and escalations missed while LabFlow was closed, once', async () => {
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    let lab = await openLab({ extra: { clock: clock.clock, platform } });
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: deadlines, publish: true }));
    const member = await lab.as('member');
    const instance = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'DEADLINES', entityType: 'sample', entityId: 'S-1' }));
    expect(instance.activeSteps[0]).toMatchObject({ dueAt: '2026-03-02T09:00:00.000Z', slaState: 'on_track' });
    const { dataDir, ids } = lab;
    await lab.close();

    clock.set('2026-03-02T13:00:00.000Z');
    lab = await openLab({ dataDir, isFirstRun: false, extra: { clock: clock.clock, platform } });
    const types = (view: InstanceDetailView) => view.timeline.map((e) => e.type);
    // Idle: the scheduler has done everything due (host.whenIdle), so what is there now is all there is.
    await lab.host.whenIdle();
    const caughtUp = await detail(lab.admin, instance.id);
    expect(types(caughtUp).slice(2)).toEqual(['escalation_triggered', 'sla_breached', 'escalation_triggered', 'step_reassigned']);
    expect(caughtUp.instance.activeSteps[0]).toMatchObject({ stepId: 'analyse', isBreached: true, slaState: 'breached', assignees: { roles: ['finance'] } });
    expect(caughtUp.timeline.find((e) => e.type === 'step_reassigned')).toMatchObject({ actor: { name: 'LabFlow' }, comments: 'Escalated to finance' });

    const violations = expectOk(await lab.admin.subscribe('workflows/sla-violations').next<SlaViolationView[]>());
    expect(violations).toMatchObject([
      { workflow_instance_id: instance.id, workflow_code: 'DEADLINES', workflow_name: 'Deadlines', step_id: 'analyse', expected_completion_time: '2026-03-02T09:00:00.000Z', is_open: true, actual_completion_time: null },
    ]);
    const notices = await lab.host.db.notifications.find({ selector: { kind: 'notification' } }).exec();
    const about = (personId: string, event: string) => notices.filter((n) => n.get('recipientId') === personId && n.get('event') === event);
    expect(about(ids.head as string, 'sla_violation').length).toBe(1);
    expect(about(ids.member as string, 'sla_violation').length).toBe(1);
    // The step now waits for finance, who is told once that it is waiting and late.
    expect(about(ids.finance as string, 'workflow_step_entered').length).toBe(1);
    const eventTotal = caughtUp.timeline.length;
    const noticeTotal = notices.length;
    await lab.close();

    // Opening again later fires nothing twice.
    clock.set('2026-03-02T14:00:00.000Z');
    lab = await openLab({ dataDir, isFirstRun: false, extra: { clock: clock.clock, platform } });
    await lab.host.whenIdle();
    expect((await detail(lab.admin, instance.id)).timeline.length).toBe(eventTotal);
    expect((await lab.host.db.notifications.find({ selector: { kind: 'notification' } }).exec()).length).toBe(noticeTotal);

    // Finishing the late step closes the violation.
    const finance = await lab.as('finance');
    expectOk(await finance.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete' }));
    await lab.host.whenIdle();
    const closed = expectOk(await lab.admin.subscribe('workflows/sla-violations').next<SlaViolationView[]>());
    expect(closed[0]).toMatchObject({ is_open: false, actual_completion_time: '2026-03-02T14:00:00.000Z' });
    expect(expectOk(await lab.admin.subscribe('workflows/sla-violations', { isOpenOnly: true }).next<SlaViolationView[]>())).toEqual([]);
    await lab.close();
  });

  it('fires a timer step when its time comes while running', async () => {
    const clock = manualClock('2026-03-02T08:00:00.000Z');
    const lab = await openLab({ extra: { clock: clock.clock, platform } });
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: deadlines, publish: true }));
    const member = await lab.as('member');
    const instance = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'DEADLINES', entityType: 'sample', entityId: 'S-2' }));
    const waiting = expectOk(await member.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete' }));
    expect(waiting.activeSteps).toMatchObject([{ stepId: 'wait', wakeAt: '2026-03-02T10:00:00.000Z' }]);
    clock.advance(2 * hour + 1000);
    await lab.host.whenIdle();
    const woken = await detail(member, instance.id);
    expect(woken.instance.activeSteps).toMatchObject([{ stepId: 'report' }]);
    expect(woken.timeline.find((e) => e.type === 'step_completed' && e.stepId === 'wait')).toMatchObject({ action: 'timer_fired', actor: { id: 'system' } });
    await lab.close();
  });
});
