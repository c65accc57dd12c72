import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import { expectOk } from '../workflows/workflow-fixtures';
import { openApiLab, type ApiLab } from './support/api-fixture';

/**
 * Advances that arrive together are written together (src-main/bridge/command-batcher.ts), and
 * still each is its own command: checked by the engine for its person, audited with its token,
 * answered with its own instance or refusal. Whether calls met in one group depends on timing, so
 * these hold for any grouping; the direct calls made in one tick always share a group.
 */

const STEPS = 6;
const definition = {
  workflow_code: 'BATCH_STEPS',
  name: 'Batch steps',
  steps: [
    ...Array.from({ length: STEPS }, (_, i) => ({ step_id: `s${i}`, name: `Step ${i}`, type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [i + 1 < STEPS ? `s${i + 1}` : 'done'] })),
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 's0',
};

let lab: ApiLab;
let memberToken: string;
const instances: string[] = [];

beforeAll(async () => {
  lab = await openApiLab();
  expectOk(await lab.admin.call('workflows/definitions/import', { commandId: 'batch-definition', definition, publish: true }));
  const member = await lab.clientOf('member');
  for (let i = 0; i < 8; i++) instances.push(expectOk(await member.call<{ id: string }>('workflows/instances/start', { commandId: `batch-start-${i}`, code: 'BATCH_STEPS', entityType: 'batch', entityId: `B-${i}` })).id);
  memberToken = await lab.tokenFor('member', ['workflows:write'], 'Robot arm');
}, 120_000);
afterAll(async () => lab?.close());

const advance = (token: string, id: string, body: unknown = { action: 'complete' }) => lab.call(token, 'POST', `/workflows/instances/${id}/advance`, body);
const auditOf = async (id: string) =>
  (await lab.host.db.audit.find({ selector: { recordId: id, command: 'workflows/instances/advance' } }).exec()).map((doc) => doc.toJSON() as AuditEntry);

describe('advances arriving together', () => {
  it('answers each call with its own instance, and audits each as its own command with the token', async () => {
    const answers = await Promise.all(instances.map((id) => advance(memberToken, id)));
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: instances[i], activeSteps: [{ stepId: 's1' }] });
    });
    for (const id of instances) expect(await auditOf(id)).toEqual([expect.objectContaining({ actorId: lab.ids.member, via: 'API token “Robot arm”' })]);
  });

  it('keeps a refusal to its own call: a made-up instance and a bad action fail, the rest advance', async () => {
    const [first, second] = instances as [string, string];
    const answers = await Promise.all([advance(memberToken, first), advance(memberToken, 'no-such-instance'), advance(memberToken, second, { action: 'fly' }), advance(memberToken, second)]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 422, 200]);
    expect(answers[0]?.body).toMatchObject({ activeSteps: [{ stepId: 's2' }] });
    expect(answers[3]?.body).toMatchObject({ activeSteps: [{ stepId: 's2' }] });
  });

  it('runs two advances of one instance one after the other, each a step', async () => {
    const id = instances[2] as string;
    const answers = await Promise.all([advance(memberToken, id), advance(memberToken, id)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => (a.body.activeSteps as { stepId: string }[])[0]?.stepId)).toEqual(['s2', 's3']);
    expect(await auditOf(id)).toHaveLength(3);
  });

  it('checks each person in a group on their own: the head’s token may not do the member’s step, the member’s may', async () => {
    const headToken = await lab.tokenFor('head', ['workflows:write'], 'Head script');
    const id = instances[3] as string;
    // Direct calls in one tick share a group when they are the same person's; these are two people, two groups.
    const answers = await Promise.all([advance(headToken, id), advance(memberToken, id)]);
    expect(answers[0]?.status).toBe(403);
    expect(answers[1]?.status).toBe(200);
    expect(await auditOf(id)).toEqual([expect.anything(), expect.objectContaining({ actorId: lab.ids.member, via: 'API token “Robot arm”' })]);
  });

  it('groups direct calls made in one tick and still answers and audits each on its own', async () => {
    const member = { person: { id: lab.ids.member, name: 'Mo Member', roles: ['member'] }, via: 'API token “Robot arm”' } as never;
    const ids = instances.slice(4);
    const before = await lab.auditCount();
    const results = await Promise.all(ids.map((instanceId, i) => lab.host.calls.run('workflows/instances/advance', { instanceId, action: 'complete', commandId: `direct-${i}` }, member)));
    expect(results.map((r) => r.ok)).toEqual(ids.map(() => true));
    expect(await lab.auditCount()).toBe(before + ids.length);
  });
});
