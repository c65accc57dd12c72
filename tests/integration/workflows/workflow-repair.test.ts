import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { startInstance } from '../../../src-shared/workflows/start';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { instanceIdFor } from '../../../src-main/workflows/workflow-ids';
import { crashFlow } from './fixtures/drive-instances';
import { cid, expectOk, openLab } from './workflow-fixtures';

/**
 * What a kill between the two writes of a step leaves behind — the events, but not the instance —
 * made on purpose, so the repair on start is tested every run and not only when the kill in
 * workflow-crash.test.ts happens to land there.
 */
describe('workflow repair on start', () => {
  it('rebuilds instances whose events were written but whose document was not, and treats the command as done', async () => {
    let lab = await openLab();
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: crashFlow, publish: true }));
    const member = await lab.as('member');
    const instance = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'CRASH_FLOW', entityType: 'sample', entityId: 'R-1' }));
    const stored = await lab.host.db.workflow_definitions.findOne(instance.definitionId).exec();
    const definition = { ...(stored?.get('definition') as WorkflowDefinition), status: 'published' as const };
    const actor = { userId: lab.ids.member as string, name: 'Mo Member', roles: ['member'] };

    // A step cut off after its events.
    const state = (await lab.host.db.workflow_instances.findOne(instance.id).exec())?.get('state') as WorkflowInstance;
    const stepped = expectOk(advance(definition, state, { commandId: 'cut-step', action: 'complete' }, actor, new Date().toISOString()));
    await lab.host.db.workflow_events.bulkInsert(stepped.events.map((e) => eventDocument(e, '')));
    // A start cut off after its events.
    const lostId = instanceIdFor(actor.userId, 'cut-start');
    const started = expectOk(startInstance(definition, { entityType: 'sample', entityId: 'R-2', commandId: 'cut-start' }, actor, new Date().toISOString(), () => lostId));
    await lab.host.db.workflow_events.bulkInsert(started.events.map((e) => eventDocument(e, '')));
    const { dataDir } = lab;
    await lab.close();

    lab = await openLab({ dataDir, isFirstRun: false });
    const repaired = (await lab.host.db.workflow_instances.findOne(instance.id).exec())?.get('state') as WorkflowInstance;
    expect(repaired).toEqual(stepped.instance);
    expect((await lab.host.db.workflow_instances.findOne(lostId).exec())?.get('state')).toEqual(started.instance);
    const audit = await lab.host.db.audit.find({ selector: { recordId: instance.id } }).exec();
    expect(audit.map((a) => a.get('command'))).toContain('workflows/repair');

    // The client retries the commands it never heard back about: both are already done.
    const again = await lab.as('member');
    const retried = expectOk(await again.call<InstanceSummaryView>('workflows/instances/advance', { commandId: 'cut-step', instanceId: instance.id, action: 'complete' }));
    expect(retried.activeSteps.map((s) => s.stepId)).toEqual(['t1']);
    const restarted = expectOk(await again.call<InstanceSummaryView>('workflows/instances/start', { commandId: 'cut-start', code: 'CRASH_FLOW', entityType: 'sample', entityId: 'R-2' }));
    expect(restarted.id).toBe(lostId);
    expect((await lab.host.db.workflow_events.find({ selector: { instanceId: instance.id } }).exec()).length).toBe(stepped.instance.eventCount);
    await lab.close();
  });

  it('repairs an instance found behind its history while running, then applies the command', async () => {
    const lab = await openLab();
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: crashFlow, publish: true }));
    const member = await lab.as('member');
    const instance = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'CRASH_FLOW', entityType: 'sample', entityId: 'R-3' }));
    const stored = await lab.host.db.workflow_definitions.findOne(instance.definitionId).exec();
    const definition = { ...(stored?.get('definition') as WorkflowDefinition), status: 'published' as const };
    const state = (await lab.host.db.workflow_instances.findOne(instance.id).exec())?.get('state') as WorkflowInstance;
    const actor = { userId: lab.ids.member as string, name: 'Mo Member', roles: ['member'] };
    // Another PC's step arrived as events (by sync) before its instance document.
    const elsewhere = expectOk(advance(definition, state, { commandId: 'other-pc', action: 'complete' }, actor, new Date().toISOString()));
    await lab.host.db.workflow_events.bulkInsert(elsewhere.events.map((e) => eventDocument(e, '')));
    const next = expectOk(await member.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: instance.id, action: 'complete' }));
    expect(next.activeSteps.map((s) => s.stepId)).toEqual(['t2']);
    await lab.close();
  });
});
