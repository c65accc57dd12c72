import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, type EquipmentWorld } from './equipment-world';

/**
 * A workflow step that requires a ready instrument, on a real host: the advance command is refused
 * while the balance the step's form names is overdue (or names no instrument, or not an
 * instrument), nothing is recorded, and the same command goes through once the balance is calibrated.
 * The fleet state answers the gate from memory: the calibration recorded just before counts at once.
 */
let lab: EquipmentWorld;
let balance: RecordView;
let plan: RecordView;

const weigh = {
  workflow_code: 'WEIGH_SAMPLE', name: 'Weigh a sample', initial_step: 'weigh',
  steps: [
    { step_id: 'weigh', name: 'Weigh the sample', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['done'], form: [{ key: 'balance', label: 'Balance', type: 'text', required: true }], ready_instrument: { field: 'balance' } },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
};

beforeAll(async () => {
  // The world's clock: 1 April 2026. The balance's calibration fell due on 20 March.
  lab = await openEquipmentWorld();
  ({ instrument: balance, plan } = await lab.instrumentInService('Analytical balance', '2026-03-20'));
  value(await lab.admin.call('workflows/definitions/import', { commandId: lab.cid(), definition: weigh, publish: true }));
}, 120_000);
afterAll(async () => lab?.close());

describe('a step that requires a ready instrument, on the host', () => {
  it('refuses completing it with an overdue balance, an unknown one or none, records nothing, and completes it once the balance is calibrated', async () => {
    const { ben, cara } = lab;
    const instance = value(await ben.client.call<InstanceSummaryView>('workflows/instances/start', { commandId: lab.cid(), code: 'WEIGH_SAMPLE', entityType: 'sample', entityId: 'S-42' }));
    const complete = (balanceId: unknown) => ben.client.call('workflows/instances/advance', { commandId: lab.cid(), instanceId: instance.id, action: 'complete', data: { balance: balanceId } });

    expect(await complete(balance.id)).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringMatching(/^EQ-\d+ Analytical balance is overdue for calibration: .* It cannot be used for “Weigh the sample”\.$/) } });
    expect(await complete('NOT-A-BALANCE')).toMatchObject({ ok: false, error: { code: 'invalid_state', message: '“Weigh the sample” uses an instrument from the equipment register; NOT-A-BALANCE is not one.' } });
    expect(await complete(plan.id)).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not one') } });
    expect(await complete('')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const stored = await lab.host.db.workflow_instances.findOne(instance.id).exec();
    expect(stored?.get('state').activeSteps.map((s: { stepId: string }) => s.stepId)).toEqual(['weigh']);

    value(await cara.client.call('equipment/calibration/record', { equipmentId: balance.id, planId: plan.id, performedOn: '2026-04-01', readings: [{ pointId: 'p100', asFound: 100.0001, asLeft: 100.0001 }] }));
    const done = value(await complete(balance.id));
    expect(done).toMatchObject({ status: 'completed' });
  });
});
