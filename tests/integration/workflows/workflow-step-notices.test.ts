import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { cid, expectOk, openLab, password, publishTemplate, type Client } from './workflow-fixtures';

type Lab = Awaited<ReturnType<typeof openLab>>;

/**
 * "Waiting for you" entries are settled (marked read) when their step ends, whoever ends it, and
 * only then: a refused action, a wrong signature password or another step moving on leaves them.
 */
describe('"Waiting for you" notices end with their step', () => {
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

  /** The person's unread "Waiting for you" subjects about one instance. */
  const waiting = async (personKey: string, instanceId: string) => {
    const docs = await lab.host.db.notifications
      .find({ selector: { kind: 'notification', recipientId: lab.ids[personKey] as string, isRead: false, event: 'workflow_step_entered' } })
      .exec();
    return docs.filter((d) => JSON.stringify(d.get('data')).includes(instanceId)).map((d) => d.get('data.subject') as string);
  };
  const start = (entityId: string) =>
    buyer.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId });
  const advance = (client: Client, instanceId: string, input: Record<string, unknown>) =>
    client.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId, ...input });

  it('settles the step’s entries when it is done or signed, not when an action is refused', async () => {
    const instance = expectOk(await start('EQ-N1'));
    expect(await waiting('buyer', instance.id)).toEqual([expect.stringMatching(/^Waiting for you: /)]);

    // Refused: someone without the role, an action the step does not have. Nothing settles.
    expect(await advance(member, instance.id, { action: 'complete' })).toMatchObject({ ok: false, error: { code: 'not_your_role' } });
    expect(await advance(buyer, instance.id, { action: 'approve' })).toMatchObject({ ok: false, error: { code: 'unknown_action' } });
    expect(await waiting('buyer', instance.id)).toHaveLength(1);

    expectOk(await advance(buyer, instance.id, { action: 'complete' }));
    expect(await waiting('buyer', instance.id)).toEqual([]);
    expect(await waiting('head', instance.id)).toEqual([expect.stringMatching(/^Waiting for you: /)]);

    // A wrong signature password signs nothing and ends nothing.
    const wrong = await advance(head, instance.id, { action: 'approve', data: { approved_amount: 10 }, signature: { password: 'not my password', meaning: 'approved' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    expect(await waiting('head', instance.id)).toHaveLength(1);

    expectOk(await advance(head, instance.id, { action: 'approve', data: { approved_amount: 10 }, signature: { password, meaning: 'approved' } }));
    expect(await waiting('head', instance.id)).toEqual([]);
    // The unread badge counts what still waits: the next step's entry for the buyer.
    expect(await waiting('buyer', instance.id)).toHaveLength(1);
  });

  it('cancelling an instance settles every open step’s entries; other instances keep theirs', async () => {
    const cancelled = expectOk(await start('EQ-N2'));
    const other = expectOk(await start('EQ-N3'));
    expect(await waiting('buyer', cancelled.id)).toHaveLength(1);
    expectOk(await buyer.call('workflows/instances/cancel', { commandId: cid(), instanceId: cancelled.id, reason: 'Ordered elsewhere' }));
    expect(await waiting('buyer', cancelled.id)).toEqual([]);
    expect(await waiting('buyer', other.id)).toHaveLength(1);
  });
});
