import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { attach, tinyPdf } from '../files/file-fixture';
import { cid, expectOk, openLab, type Client } from './workflow-fixtures';

/**
 * A step form's `file` field on a real host: the id given must be a file attached to that very
 * instance. Another instance's file, a made-up id and a file removed since are refused at the field,
 * and the instance does not move; the instance's own file completes the step.
 */
const receipt = {
  workflow_code: 'DELIVERY_CHECK',
  name: 'Delivery check',
  steps: [
    {
      step_id: 'receive', name: 'Confirm receipt', type: 'task', assignee_type: 'role', assignee_value: 'procurement_officer', next_steps: ['done'],
      form: [{ key: 'delivery_note', label: 'Delivery note', type: 'file', required: true }],
    },
    { step_id: 'done', name: 'Received', type: 'end' },
  ],
  initial_step: 'receive',
};

describe('a step form’s file field', () => {
  let lab: Awaited<ReturnType<typeof openLab>>;
  let buyer: Client;
  beforeAll(async () => {
    lab = await openLab();
    buyer = await lab.as('buyer');
    expectOk(await lab.admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'json', definition: receipt } }));
    expectOk(await lab.admin.call('workflows/definitions/publish', { commandId: cid(), code: 'DELIVERY_CHECK' }));
  });
  afterAll(async () => {
    await lab.close();
  });

  const start = async (entityId: string) =>
    expectOk(await buyer.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'DELIVERY_CHECK', entityType: 'delivery', entityId }));
  const complete = (instanceId: string, deliveryNote: string) =>
    buyer.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId, action: 'complete', data: { delivery_note: deliveryNote } });
  const attachTo = async (instanceId: string, name: string) =>
    expectOk(await attach(lab.host, buyer, { subjectType: 'workflow_instances', subjectId: instanceId, stepId: 'receive' }, name, tinyPdf(name), 'application/pdf'));

  it('takes only a file attached to the same instance', async () => {
    const mine = await start('DN-1');
    const other = await start('DN-2');
    const othersFile = await attachTo(other.id, 'other-delivery.pdf');
    const refusal = { ok: false, error: { code: 'invalid_input', field: 'data.delivery_note', message: 'Delivery note must be a file attached to this workflow; attach it here first.' } };
    expect(await complete(mine.id, othersFile.id)).toMatchObject(refusal);
    expect(await complete(mine.id, 'ATT-MADE-UP')).toMatchObject(refusal);
    expect(await complete(mine.id, '../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.delivery_note', message: 'Delivery note must be an attached file.' } });
    expect((await lab.host.db.workflow_instances.findOne(mine.id).exec())?.get('status')).toBe('running');

    const removed = await attachTo(mine.id, 'wrong-scan.pdf');
    expectOk(await buyer.call('attachments/remove', { id: removed.id }));
    expect(await complete(mine.id, removed.id)).toMatchObject(refusal);

    const own = await attachTo(mine.id, 'delivery-note.pdf');
    const done = expectOk(await complete(mine.id, own.id));
    expect(done).toMatchObject({ status: 'completed', variables: { delivery_note: own.id } });
  });
});
