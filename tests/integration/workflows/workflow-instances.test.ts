import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceDetailView, InstanceSummaryView, MyWorkItemView } from '../../../src-shared/workflows/workflow-contract';
import { cid, expectOk, openLab, password, publishTemplate, type Client } from './workflow-fixtures';

type Lab = Awaited<ReturnType<typeof openLab>>;

const start = (client: Client, entityId: string, extra: Record<string, unknown> = {}) =>
  client.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId, ...extra });

const eventCount = async (lab: Lab, instanceId: string) => (await lab.host.db.workflow_events.find({ selector: { instanceId } }).exec()).length;

describe('workflow instances through the host', () => {
  let lab: Lab;
  let buyer: Client;
  let head: Client;
  let member: Client;
  beforeAll(async () => {
    lab = await openLab();
    await publishTemplate(lab.admin, 'EQUIPMENT_PROCUREMENT');
    buyer = await lab.as('buyer');
    head = await lab.as('head');
    member = await lab.as('member');
  });
  afterAll(async () => {
    await lab.close();
  });

  it('runs the spec example to completion with a signed approval, and shows it as history', async () => {
    const work = head.subscribe('workflows/my-work');
    expect(expectOk(await work.next<MyWorkItemView[]>())).toEqual([]);
    const instance = expectOk(await start(buyer, 'EQ-1', { variables: { equipment_name: 'Solar Simulator', estimated_cost: 500000 } }));
    expect(instance).toMatchObject({ status: 'running', activeSteps: [{ stepId: 'request', assignees: { roles: ['procurement_manager'] }, slaState: 'on_track' }] });
    expectOk(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete', comments: 'Quotes attached' }));

    let items = expectOk(await work.next<MyWorkItemView[]>());
    while (items.length === 0) items = expectOk(await work.next<MyWorkItemView[]>());
    expect(items).toMatchObject([{ instanceId: instance.id, stepId: 'approval', assignedVia: 'role', actions: ['approve', 'reject'], signatureActions: ['approve', 'reject'], requestedBy: { name: 'Pat Procurement' } }]);

    const approved = expectOk(
      await head.call<InstanceSummaryView>('workflows/instances/advance', {
        commandId: cid(),
        instanceId: instance.id,
        action: 'approve',
        data: { approved_amount: 500000 },
        comments: 'Approved for procurement',
        signature: { password, meaning: 'approved' },
      }),
    );
    expect(approved).toMatchObject({ activeSteps: [{ stepId: 'rfq' }], variables: { approved_amount: 500000 } });
    for (const action of ['complete', 'complete', 'complete']) expectOk(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action }));

    const detail = expectOk(await head.subscribe('workflows/instances/get', { instanceId: instance.id }).next<InstanceDetailView>());
    expect(detail.instance).toMatchObject({ status: 'completed', activeSteps: [] });
    expect(detail.definition).toMatchObject({ code: 'EQUIPMENT_PROCUREMENT', version: 1 });
    const vote = detail.timeline.find((e) => e.type === 'vote_recorded');
    expect(vote).toMatchObject({ actor: { name: 'Hana Head' }, stepName: 'Manager Approval', comments: 'Approved for procurement', signature: { meaning: 'approved', signerName: 'Hana Head' } });
    expect(vote?.summary).toBe('Hana Head approved Manager Approval');
    expect(detail.timeline.map((e) => e.seq)).toEqual(detail.timeline.map((_, i) => i));
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'instance_ended' });
    expect(detail.availableActions).toEqual([]);
    expect(detail.canCancel).toBe(false);
    // The audit trail has the instance's changes too.
    const audit = await lab.host.db.audit.find({ selector: { recordId: instance.id } }).exec();
    expect(audit.map((a) => a.get('command'))).toContain('workflows/instances/advance');
  });

  it('refuses with a typed error and writes nothing', async () => {
    const instance = expectOk(await start(buyer, 'EQ-2'));
    const before = await eventCount(lab, instance.id);
    const refusals: [Client, Record<string, unknown>, string][] = [
      [member, { action: 'complete' }, 'not_your_role'],
      [buyer, { action: 'approve' }, 'unknown_action'],
      [buyer, { action: 'complete', stepId: 'rfq' }, 'step_not_active'],
      [buyer, { action: 'complete', data: { __proto__x: 1, 'bad name': 2 } }, 'invalid_input'],
    ];
    for (const [client, input, code] of refusals) {
      expect(await client.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, ...input }), code).toMatchObject({ ok: false, error: { code } });
    }
    expectOk(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete' }));
    const mid = await eventCount(lab, instance.id);
    const signing: [Client, Record<string, unknown>, string][] = [
      [head, { action: 'approve' }, 'signature_required'],
      [head, { action: 'approve', signature: { password: 'wrong password!', meaning: 'approved' } }, 'signature_invalid'],
      [head, { action: 'approve', signature: { password, meaning: 'rejected' } }, 'invalid_input'],
      [head, { action: 'approve', signature: { password, meaning: 'agreed' } }, 'invalid_input'],
      // The requester holds no head role here, but an admin deciding on the request of… the buyer is fine; the buyer deciding is not.
      [buyer, { action: 'approve', signature: { password, meaning: 'approved' } }, 'not_your_role'],
    ];
    for (const [client, input, code] of signing) {
      expect(await client.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, ...input }), code).toMatchObject({ ok: false, error: { code } });
    }
    expect(await eventCount(lab, instance.id)).toBe(mid);
    expect(mid).toBeGreaterThan(before);

    expectOk(await head.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'reject', signature: { password, meaning: 'rejected' } }));
    const closed = await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete' });
    expect(closed).toMatchObject({ ok: false, error: { code: 'instance_closed' } });
    expect(await buyer.call('workflows/instances/cancel', { commandId: cid(), instanceId: instance.id })).toMatchObject({ ok: false, error: { code: 'instance_closed' } });
    expect(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: 'wi-nope', action: 'complete' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses self-approval, a second running instance for one record, and unknown or unpublished workflows', async () => {
    // The head of department asks for equipment and may not approve the own request.
    const own = expectOk(await lab.admin.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId: 'EQ-3', requestedBy: lab.ids.head }));
    expectOk(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: own.id, action: 'complete' }));
    expect(await head.call('workflows/instances/advance', { commandId: cid(), instanceId: own.id, action: 'approve', signature: { password, meaning: 'approved' } })).toMatchObject({
      ok: false,
      error: { code: 'self_approval_not_allowed' },
    });
    expect(await start(buyer, 'EQ-3')).toMatchObject({ ok: false, error: { code: 'instance_already_running' } });
    expect(await buyer.call('workflows/instances/start', { commandId: cid(), code: 'NOPE', entityType: 'x', entityId: 'y' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expectOk(await lab.admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'CAPA' } }));
    expect(await buyer.call('workflows/instances/start', { commandId: cid(), code: 'CAPA', entityType: 'x', entityId: 'y' })).toMatchObject({ ok: false, error: { code: 'definition_not_published' } });
    expect(await start(buyer, 'EQ-9', { requestedBy: 'nobody' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'requestedBy' } });
    expect(await start(buyer, '')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'entityId' } });
  });

  it('treats a repeated command id as done: same answer, nothing written', async () => {
    const startId = cid();
    const first = expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/start', { commandId: startId, code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId: 'EQ-4' }));
    const second = expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/start', { commandId: startId, code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId: 'EQ-4' }));
    expect(second.id).toBe(first.id);
    const stepId = cid();
    expectOk(await buyer.call('workflows/instances/advance', { commandId: stepId, instanceId: first.id, action: 'complete' }));
    const count = await eventCount(lab, first.id);
    const repeated = expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/advance', { commandId: stepId, instanceId: first.id, action: 'complete' }));
    expect(repeated.activeSteps[0]?.stepId).toBe('approval');
    expect(await eventCount(lab, first.id)).toBe(count);
    const commentId = cid();
    expectOk(await buyer.call('workflows/instances/comment', { commandId: commentId, instanceId: first.id, comments: 'Waiting for the budget' }));
    expectOk(await buyer.call('workflows/instances/comment', { commandId: commentId, instanceId: first.id, comments: 'Waiting for the budget' }));
    expect(await eventCount(lab, first.id)).toBe(count + 1);
  });

  it('cancels, reassigns and comments, each as an event, with who may do it', async () => {
    const instance = expectOk(await start(buyer, 'EQ-5'));
    expect(await member.call('workflows/instances/cancel', { commandId: cid(), instanceId: instance.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await member.call('workflows/instances/reassign', { commandId: cid(), instanceId: instance.id, stepId: 'request', to: { assignee_type: 'user', assignee_value: lab.ids.member } })).toMatchObject({
      ok: false,
      error: { code: 'not_your_step' },
    });
    const handed = expectOk(
      await buyer.call<InstanceSummaryView>('workflows/instances/reassign', { commandId: cid(), instanceId: instance.id, stepId: 'request', to: { assignee_type: 'user', assignee_value: lab.ids.member }, reason: 'Holiday' }),
    );
    expect(handed.activeSteps[0]?.assignees).toEqual({ users: [{ id: lab.ids.member, name: 'Mo Member' }], roles: [] });
    expect(await buyer.call('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete' })).toMatchObject({ ok: false, error: { code: 'not_your_step' } });
    const memberWork = expectOk(await member.subscribe('workflows/my-work').next<MyWorkItemView[]>());
    expect(memberWork).toMatchObject([{ instanceId: instance.id, assignedVia: 'user' }]);
    expectOk(await member.call('workflows/instances/comment', { commandId: cid(), instanceId: instance.id, comments: 'On it', stepId: 'request' }));
    expect(await member.call('workflows/instances/comment', { commandId: cid(), instanceId: instance.id, comments: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const cancelled = expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/cancel', { commandId: cid(), instanceId: instance.id, reason: 'Bought elsewhere' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', activeSteps: [] });
    const detail = expectOk(await buyer.subscribe('workflows/instances/get', { instanceId: instance.id }).next<InstanceDetailView>());
    expect(detail.timeline.map((e) => e.type)).toEqual(['instance_started', 'step_entered', 'step_reassigned', 'comment_added', 'instance_ended']);
    expect(detail.timeline[2]).toMatchObject({ actor: { name: 'Pat Procurement' }, comments: 'Holiday' });
    // A note after the fact is still allowed.
    expectOk(await member.call('workflows/instances/comment', { commandId: cid(), instanceId: instance.id, comments: 'Closed' }));
  });

  it('lists instances by workflow, status and record, live', async () => {
    const list = buyer.subscribe('workflows/instances/list', { entityType: 'procurement', entityId: 'EQ-6' });
    expect(expectOk(await list.next<InstanceSummaryView[]>())).toEqual([]);
    const instance = expectOk(await start(buyer, 'EQ-6'));
    let rows = expectOk(await list.next<InstanceSummaryView[]>());
    while (rows.length === 0) rows = expectOk(await list.next<InstanceSummaryView[]>());
    expect(rows).toMatchObject([{ id: instance.id, status: 'running', slaState: 'on_track' }]);
    // By status: an instance this test cancels is listed as cancelled, the running one is not.
    const dropped = expectOk(await start(buyer, 'EQ-6B'));
    expectOk(await buyer.call('workflows/instances/cancel', { commandId: cid(), instanceId: dropped.id, reason: 'Listed as cancelled' }));
    const cancelled = expectOk(await buyer.subscribe('workflows/instances/list', { code: 'EQUIPMENT_PROCUREMENT', status: 'cancelled' }).next<InstanceSummaryView[]>());
    expect(cancelled.every((r) => r.status === 'cancelled')).toBe(true);
    expect(cancelled.map((r) => r.id)).toContain(dropped.id);
    expect(cancelled.map((r) => r.id)).not.toContain(instance.id);
    const breached = expectOk(await buyer.subscribe('workflows/instances/list', { slaState: 'breached' }).next<InstanceSummaryView[]>());
    expect(breached).toEqual([]);
    expect(await buyer.subscribe('workflows/instances/list', { status: 'paused' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await buyer.subscribe('workflows/instances/get', { instanceId: 'wi-none' }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('asks for a session', async () => {
    const { connectTestClient } = await import('../support/test-client');
    const anonymous = connectTestClient(lab.host);
    expect(await anonymous.call('workflows/instances/start', { commandId: cid(), code: 'EQUIPMENT_PROCUREMENT', entityType: 'e', entityId: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await anonymous.subscribe('workflows/my-work').next()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    anonymous.close();
  });
});
