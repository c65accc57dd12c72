import { describe, expect, it } from 'vitest';
import type { InstanceSummaryView, MyWorkItemView } from '../../../src-shared/workflows/workflow-contract';
import { cid, expectOk, openLab, password } from './workflow-fixtures';

const purchase = {
  workflow_code: 'SMALL_PURCHASE',
  name: 'Small purchase',
  steps: [
    {
      step_id: 'head_approval',
      name: 'Head of department approval',
      type: 'approval',
      assignee_type: 'variable',
      assignee_value: 'requester_department_head',
      conditions: { approve: ['order'], reject: [] },
    },
    { step_id: 'order', name: 'Order', type: 'task', assignee_type: 'variable', assignee_value: 'requester', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 'head_approval',
};

describe('workflow assignees from the people directory', () => {
  it("sends a request to the head of the requester's department, and back to the requester", async () => {
    const lab = await openLab();
    try {
      const chemistry = expectOk(await lab.admin.call<{ id: string }>('departments/create', { code: 'chemistry', name: 'Chemistry' }));
      expectOk(await lab.admin.call('departments/create', { code: 'biology', name: 'Biology' }));
      // A department may be named by its code; the person keeps its id.
      const otherHead = expectOk(
        await lab.admin.call<{ id: string; departmentId?: string }>('people/create', {
          name: 'Cora Chemistry',
          email: 'cora@lab.org',
          password,
          roles: ['department_head'],
          departmentId: 'chemistry',
        }),
      );
      expect(otherHead.departmentId).toBe(chemistry.id);
      expectOk(await lab.admin.call('people/update', { id: lab.ids.head, departmentId: 'biology' }));
      expectOk(await lab.admin.call('people/update', { id: lab.ids.member, departmentId: 'biology' }));
      expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: purchase, publish: true }));

      const member = await lab.as('member');
      const request = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'SMALL_PURCHASE', entityType: 'order', entityId: 'O-1' }));
      expect(request.activeSteps[0]?.assignees).toEqual({ users: [{ id: lab.ids.head, name: 'Hana Head' }], roles: [] });

      // Without a department, any head of department may decide.
      const buyer = await lab.as('buyer');
      const other = expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'SMALL_PURCHASE', entityType: 'order', entityId: 'O-2' }));
      expect(other.activeSteps[0]?.assignees).toEqual({ users: [], roles: ['department_head'] });

      const head = await lab.as('head');
      const work = expectOk(await head.subscribe('workflows/my-work').next<MyWorkItemView[]>());
      expect(work.map((w) => [w.instanceId, w.assignedVia])).toEqual(expect.arrayContaining([[request.id, 'user'], [other.id, 'role']]));
      const approved = expectOk(await head.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: request.id, action: 'approve', signature: { password, meaning: 'approved' } }));
      expect(approved.activeSteps[0]).toMatchObject({ stepId: 'order', assignees: { users: [{ id: lab.ids.member, name: 'Mo Member' }] } });
    } finally {
      await lab.close();
    }
  });

  it('stops at an incident when nobody can be found, until an administrator corrects the data', async () => {
    const lab = await openLab();
    try {
      const flow = {
        workflow_code: 'OWNED_TASK',
        name: 'Owned task',
        steps: [
          { step_id: 'do', name: 'Do it', type: 'task', assignee_type: 'variable', assignee_value: 'owner', next_steps: ['done'] },
          { step_id: 'done', name: 'Done', type: 'end' },
        ],
        initial_step: 'do',
      };
      expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: flow, publish: true }));
      const member = await lab.as('member');
      const stuck = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'OWNED_TASK', entityType: 'job', entityId: 'J-1' }));
      expect(stuck).toMatchObject({ status: 'incident', incident: { stepId: 'do', reason: 'no_assignee' } });
      expect(await member.call('workflows/instances/advance', { commandId: cid(), instanceId: stuck.id, action: 'complete' })).toMatchObject({ ok: false, error: { code: 'instance_incident' } });
      expect(await member.call('workflows/instances/resolve-incident', { commandId: cid(), instanceId: stuck.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const detail = expectOk(await lab.admin.subscribe('workflows/instances/get', { instanceId: stuck.id }).next<{ canResolveIncident: boolean }>());
      expect(detail.canResolveIncident).toBe(true);
      const resolved = expectOk(
        await lab.admin.call<InstanceSummaryView>('workflows/instances/resolve-incident', { commandId: cid(), instanceId: stuck.id, data: { owner: lab.ids.member }, comments: 'Mo owns it' }),
      );
      expect(resolved).toMatchObject({ status: 'running', activeSteps: [{ stepId: 'do', assignees: { users: [{ id: lab.ids.member }] } }] });
      expect(expectOk(await member.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: stuck.id, action: 'complete' })).status).toBe('completed');
    } finally {
      await lab.close();
    }
  });

  it('skips a deactivated department, keeps free-text departments from before, and refuses unknown ones', async () => {
    const lab = await openLab();
    try {
      const biology = expectOk(await lab.admin.call<{ id: string }>('departments/create', { code: 'BIO', name: 'Biology' }));
      expectOk(await lab.admin.call('people/update', { id: lab.ids.head, departmentId: biology.id }));
      expectOk(await lab.admin.call('people/update', { id: lab.ids.member, departmentId: biology.id }));
      expect(await lab.admin.call('people/update', { id: lab.ids.buyer, departmentId: 'physics' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'departmentId' } });
      expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: purchase, publish: true }));
      const member = await lab.as('member');
      const start = async (entityId: string) =>
        expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'SMALL_PURCHASE', entityType: 'order', entityId }));
      expect((await start('O-1')).activeSteps[0]?.assignees).toEqual({ users: [{ id: lab.ids.head, name: 'Hana Head' }], roles: [] });

      // Biology closes: its head is no longer asked; any head of department decides.
      expectOk(await lab.admin.call('departments/set-active', { id: biology.id, isActive: false }));
      expect((await start('O-2')).activeSteps[0]?.assignees).toEqual({ users: [], roles: ['department_head'] });
      expect(await lab.admin.call('people/update', { id: lab.ids.buyer, departmentId: biology.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', field: 'departmentId' } });

      // Departments typed as free text before departments existed still pair a requester with a head.
      for (const id of [lab.ids.head, lab.ids.member]) await lab.host.db.people.findOne(id!).exec().then((doc) => doc!.incrementalPatch({ departmentId: 'histology' }));
      expect((await start('O-3')).activeSteps[0]?.assignees).toEqual({ users: [{ id: lab.ids.head, name: 'Hana Head' }], roles: [] });
    } finally {
      await lab.close();
    }
  });
});
