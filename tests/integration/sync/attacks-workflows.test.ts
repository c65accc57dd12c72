import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { advance } from '../../../src-shared/workflows/advance';
import { dueWork, runDueWork } from '../../../src-shared/workflows/deadlines';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, SignatureMeaning, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { replayEvents } from '../../../src-shared/workflows/replay';
import { startInstance } from '../../../src-shared/workflows/start';
import { eventId, type WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { expectRefusedEverywhere, people, startAttackLab, type AttackLab, type Who } from './support/attack-lab';
import { pull, push } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * Issue 18 §4, attacks on workflows: the server replays each pushed run through the engine and
 * refuses what the engine would not record for that person — a self-approval, an ineligible
 * approver, a decision without its signature or signed by someone else, a quorum met early, a
 * skipped step, an old event pushed again, a timer fired early — while the honest history goes
 * through. Each refused event is logged, listed in the attacker's answer, and reaches no PC.
 */
let lab: AttackLab;
let definition: WorkflowDefinition;
let instance: WorkflowInstance;
let history: WorkflowEvent[] = [];
const INSTANCE = 'WI-ATTACK-1';
const base = Date.now() - 3_600_000;
const t = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

const purchase = {
  workflow_code: 'ATTACK_PURCHASE',
  name: 'Purchase',
  initial_step: 'review',
  steps: [
    { step_id: 'review', name: 'Review', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['approve'] },
    { step_id: 'approve', name: 'Approve', type: 'approval', assignee_type: 'user', assignee_value: ['@ada', '@otto', '@max'], approval: { quorum: 'n_of_m', n: 2 }, conditions: { approve: ['order'], reject: [] } },
    { step_id: 'order', name: 'Order', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['wait'] },
    { step_id: 'wait', name: 'Wait for delivery', type: 'timer', timer: { after_hours: 2 }, next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
};

const actorOf = (who: Who): Actor => ({ userId: lab.ids[who], name: people[who].name, roles: who === 'ada' || who === 'otto' ? ['admin'] : who === 'hana' ? ['hr'] : ['member'] });
const signed = (who: Who, when: string, meaning: SignatureMeaning = 'approved') => ({ signature: { meaning, signerId: lab.ids[who], signerName: people[who].name, signedAt: when } });
const rows = (events: readonly WorkflowEvent[]) => events.map((e) => ({ newDocumentState: { ...eventDocument(e, ''), _deleted: false } as unknown as WireDocument }));
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
/** Pushes an honest run as its actor: taken, and the history moves on. */
async function honest(who: Who, events: WorkflowEvent[]) {
  const answer = await push(lab.server, await lab.tokenOf(who), 'workflow_events', rows(events));
  expect(answer.refused, `${who}'s honest run`).toEqual([]);
  history = [...history, ...events];
  instance = must(replayEvents(history));
}
/** An event renumbered to follow the history as it stands (a forger picks the next free number). */
const next = (event: WorkflowEvent, offset = 0): WorkflowEvent => ({ ...event, seq: history.length + offset, id: eventId(INSTANCE, history.length + offset) }) as WorkflowEvent;
const attack = async (who: Who, events: WorkflowEvent[], refusedIndex = events.length - 1) =>
  expectRefusedEverywhere(lab, { token: await lab.tokenOf(who), collection: 'workflow_events', rows: rows(events), id: events[refusedIndex]!.id });

beforeAll(async () => {
  lab = await startAttackLab();
  const withIds = JSON.parse(JSON.stringify(purchase).replace('"@ada"', JSON.stringify(lab.ids.ada)).replace('"@otto"', JSON.stringify(lab.ids.otto)).replace('"@max"', JSON.stringify(lab.ids.max)));
  must(await lab.a.call('workflows/definitions/import', { commandId: 'atk-def', definition: withIds, publish: true }));
  const stored = await waitUntil(async () => (await pull(lab.server, await lab.tokenOf('ada'), 'workflow_definitions', null, 100)).documents.find((d) => d.code === purchase.workflow_code && (d.definition as WorkflowDefinition | undefined)?.status === 'published'), 'the published definition on the server');
  definition = stored.definition as WorkflowDefinition;
  // Max requests a purchase and does the review: the approval waits for two of Ada and Otto (not Max, who asked).
  const started = must(startInstance(definition, { entityType: 'order', entityId: 'PO-1', commandId: 'atk-start' }, actorOf('max'), t(0), () => INSTANCE));
  await honest('max', started.events);
  await honest('max', must(advance(definition, instance, { commandId: 'atk-review', action: 'complete' }, actorOf('max'), t(1))).events);
}, 180_000);
afterAll(async () => lab?.close());

const vote = (who: Who, command: string, when: string, extra: Record<string, unknown> = signed(who, when)) => must(advance(definition, instance, { commandId: command, action: 'approve', ...extra }, actorOf(who), when)).events;
/** A vote as a forger would write it: the engine's vote for someone it accepts, put in `who`'s name. */
const voteAs = (who: Who, when: string) => vote('ada', `forged-${who}`, when).map((e) => ({ ...e, actor: { userId: lab.ids[who] }, ...(e.type === 'vote_recorded' ? { vote: { ...e.vote, userId: lab.ids[who] } } : {}), ...signed(who, when) }) as WorkflowEvent);

describe('attacks on a workflow', () => {
  it('refuses the requester approving his own purchase', async () => {
    await attack('max', voteAs('max', t(2)));
  });

  it('refuses an approver the step is not assigned to', async () => {
    await attack('hana', voteAs('hana', t(2)));
  });

  it('refuses a decision without its electronic signature', async () => {
    await attack('ada', vote('ada', 'atk-unsigned', t(2), {}));
  });

  it('refuses a signature with another person’s id and name', async () => {
    const byOtto = vote('otto', 'atk-otto-as-ada', t(2)).map((e) => ({ ...e, ...signed('ada', t(2)) }) as WorkflowEvent);
    await attack('otto', byOtto);
  });

  it('refuses a quorum counted as met after one vote', async () => {
    await honest('ada', vote('ada', 'atk-ada-vote', t(3)));
    // What two votes would lead to, forged into Ada's run after her one vote.
    const metByTwo = vote('otto', 'atk-otto-vote', t(4)).slice(1);
    const forged = metByTwo.map((e, i) => ({ ...next(e, i), actor: { userId: lab.ids.ada }, at: t(3), commandId: 'atk-ada-vote' }) as WorkflowEvent);
    expect(forged[0]?.type).toBe('step_completed');
    await attack('ada', forged, 0);
  });

  it('refuses a vote counted twice and an old event pushed again', async () => {
    // The engine itself refuses her second decision…
    expect(advance(definition, instance, { commandId: 'atk-ada-again', action: 'approve', ...signed('ada', t(5)) }, actorOf('ada'), t(5))).toMatchObject({ ok: false, error: { code: 'duplicate_approver' } });
    // …so a PC that writes one anyway is refused, as is her old vote pushed again under the next number.
    const ownVote = history.find((e) => e.type === 'vote_recorded')!;
    await attack('ada', [{ ...next(ownVote), commandId: 'atk-ada-twice' } as WorkflowEvent]);
    await attack('ada', [next(ownVote)]);
  });

  it('refuses a skipped step: the decision’s run entering the timer instead of the order, and takes the honest run', async () => {
    const decided = vote('otto', 'atk-otto-decides', t(6));
    const entered = decided.find((e) => e.type === 'step_entered') as WorkflowEvent & { type: 'step_entered' };
    const skipping = decided.map((e) => (e === entered ? { ...entered, activeStep: { ...entered.activeStep, stepId: 'wait', assignees: { users: [], roles: [] } } } : e)) as WorkflowEvent[];
    await attack('otto', skipping, decided.indexOf(entered));
    await honest('otto', decided);
    expect(instance.activeSteps.map((s) => s.stepId)).toEqual(['order']);
  });

  it('refuses a timer fired before its time, and keeps one due later by the server’s clock waiting', async () => {
    await honest('max', must(advance(definition, instance, { commandId: 'atk-order', action: 'complete' }, actorOf('max'), t(7))).events);
    const timer = dueWork(definition, instance).find((w) => w.kind === 'timer')!;
    const fired = must(runDueWork(definition, instance, timer, timer.at)).events;
    const early = fired.map((e) => ({ ...e, at: t(8) }) as WorkflowEvent);
    await attack('max', early, 0);
    // Named at its due time, but the server's clock has not reached it: neither taken nor refused.
    const answer = await push(lab.server, await lab.tokenOf('max'), 'workflow_events', rows(fired));
    expect(answer).toMatchObject({ refused: [], conflicts: [], waiting: fired.map((e) => e.id) });
    expect(await lab.onServer('workflow_events', fired[0]!.id)).toBeUndefined();
  });

  it('leaves both PCs with the server’s honest history, which replays to the server’s instance', async () => {
    await lab.bothInSync();
    for (const desktop of [lab.a, lab.b]) {
      const held = (await desktop.find<{ data: WorkflowEvent }>('workflow_events', { instanceId: INSTANCE })).map((d) => d.data).sort((x, y) => x.seq - y.seq);
      expect(held.map((e) => e.id)).toEqual(history.map((e) => e.id));
    }
  });
});
