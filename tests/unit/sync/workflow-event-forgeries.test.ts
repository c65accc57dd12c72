import { describe, expect, it } from 'vitest';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { checkEventAppend, type DefinitionCatalog } from '../../../src-shared/sync/workflow-event-rules';
import { advance } from '../../../src-shared/workflows/advance';
import { runDueWork, dueWork } from '../../../src-shared/workflows/deadlines';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, Signature } from '../../../src-shared/workflows/instance';
import { replayEvents } from '../../../src-shared/workflows/replay';
import { eventId, type WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people, start, task } from '../workflows/helpers';

/**
 * Issue 18 §4: the server replays pushed workflow events through the engine and refuses what the
 * engine would not record for that actor — a self-approval, an ineligible approver, a missing or
 * someone else's signature, a skipped step, a quorum met early, an old event pushed again — and
 * keeps time-driven events waiting until they are due by the server's clock.
 */
type Doc = Record<string, unknown>;

const approval: StepDefinition = {
  step_id: 'approve',
  name: 'Approve',
  type: 'approval',
  assignee_type: 'user',
  assignee_value: ['u-head', 'u-head2', 'u-req'],
  approval: { quorum: 'n_of_m', n: 2 },
  conditions: { approve: ['order'], reject: ['end'] },
};
const definition: WorkflowDefinition = flow(
  [
    task('prepare', ['approve'], 'member'),
    approval,
    task('order', ['wait'], 'procurement_officer'),
    { step_id: 'wait', name: 'Wait', type: 'timer', timer: { after_hours: 2 }, next_steps: ['end'] },
    { step_id: 'end', name: 'End', type: 'end' },
  ],
  { sla_config: { order: { duration_hours: 4, escalation_rules: [{ after_breach_hours: 1, action: 'auto_act', auto_action: 'complete' }] } } },
);
const catalog: DefinitionCatalog = {
  version: (code, version) => (code === definition.workflow_code && version === definition.version ? { id: 'wfd-1', status: 'published', definition } : null),
};
const syncPerson = (actor: Actor): SyncPerson => ({ id: actor.userId, email: `${actor.userId}@lab.org`, name: actor.name ?? actor.userId, roles: [...actor.roles], isActive: true });
const docOf = (event: WorkflowEvent): Doc => ({ id: event.id, createdAt: event.at, updatedAt: event.at, createdBy: event.actor.userId, updatedBy: event.actor.userId, auditId: '', instanceId: event.instanceId, at: event.at, type: event.type, data: event });
const check = (event: WorkflowEvent, before: readonly WorkflowEvent[], sender: Actor, now = event.at) =>
  checkEventAppend({ doc: docOf(event), before, person: syncPerson(sender), definitions: catalog, now });
const signature = (actor: Actor, when: string, meaning: Signature['meaning'] = 'approved'): { signature: Signature } => ({
  signature: { meaning, signerId: actor.userId, signerName: actor.name ?? actor.userId, signedAt: when },
});
/** Each event checked against the history before it, as a PC pushes them one after another; the first refusal. */
function pushAll(history: WorkflowEvent[], events: WorkflowEvent[], sender: Actor, now?: string) {
  const before = [...history];
  for (const event of events) {
    const verdict = check(event, before, sender, now ?? event.at);
    if (!verdict.ok) return verdict;
    before.push(event);
  }
  return { ok: true as const };
}
const renumbered = (event: WorkflowEvent, seq: number): WorkflowEvent => ({ ...event, seq, id: eventId(event.instanceId, seq) }) as WorkflowEvent;

// Rita requests; a member prepares; the approval waits for two of Hans, Hanna and Rita herself.
const started = start(definition, {}, people.requester, at(0));
const prepared = must(advance(definition, started.instance, { commandId: 'p', action: 'complete' }, people.stranger, at(1)));
const history = [...started.events, ...prepared.events];
const atApproval = prepared.instance;

describe('approvals', () => {
  it('takes a signed vote by an approver', () => {
    const vote = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2))).events;
    expect(pushAll(history, vote, people.head)).toEqual({ ok: true });
  });

  it('refuses a requester approving their own request', () => {
    const own = { ...(must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2))).events[0] as WorkflowEvent) };
    const forged = { ...own, actor: { userId: people.requester.userId }, vote: { ...(own as { vote: object }).vote, userId: people.requester.userId }, ...signature(people.requester, at(2)) } as WorkflowEvent;
    expect(check(forged, history, people.requester)).toMatchObject({ ok: false, error: { code: 'self_approval_not_allowed' } });
  });

  it('refuses an approver the step is not assigned to', () => {
    const vote = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2))).events[0] as WorkflowEvent;
    const forged = { ...vote, actor: { userId: people.stranger.userId }, vote: { ...(vote as { vote: object }).vote, userId: people.stranger.userId }, ...signature(people.stranger, at(2)) } as WorkflowEvent;
    expect(check(forged, history, people.stranger)).toMatchObject({ ok: false, error: { code: 'not_your_step' } });
  });

  it('refuses a decision without a signature, and one signed by someone else or with a meaning against the action', () => {
    const unsigned = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve' }, people.head, at(2))).events;
    expect(pushAll(history, unsigned, people.head)).toMatchObject({ ok: false, error: { code: 'signature_required' } });
    const vote = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2))).events[0] as WorkflowEvent;
    const othersSignature = { ...vote, ...signature(people.head2, at(2)) } as WorkflowEvent;
    expect(check(othersSignature, history, people.head)).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    const renamed = { ...vote, signature: { ...vote.signature, signerName: 'Ada Admin' } } as WorkflowEvent;
    expect(check(renamed, history, people.head)).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    const reject = must(advance(definition, atApproval, { commandId: 'v2', action: 'reject', ...signature(people.head, at(2), 'approved') }, people.head, at(2))).events;
    expect(pushAll(history, reject, people.head)).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
  });

  it('refuses a quorum met after one vote: the step completed in the run of the first of two needed votes', () => {
    const vote = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2))).events;
    expect(vote).toHaveLength(1); // the engine waits for a second approver
    // The completion and the next step as they would follow a met quorum, forged into Hans's run.
    const second = must(advance(definition, must(replayEvents([...history, ...vote])), { commandId: 'v2', action: 'approve', ...signature(people.head2, at(3)) }, people.head2, at(3))).events;
    const followUps = second.slice(1).map((e, i) => ({ ...renumbered(e, history.length + 1 + i), at: at(2), actor: { userId: people.head.userId }, commandId: 'v1' }) as WorkflowEvent);
    expect(followUps[0]?.type).toBe('step_completed');
    expect(pushAll(history, [...vote, ...followUps], people.head)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses the same approver counted twice, and an old vote pushed again under a new number', () => {
    const vote = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2))).events;
    const after = [...history, ...vote];
    const again = { ...renumbered(vote[0] as WorkflowEvent, after.length), commandId: 'v1-again' } as WorkflowEvent;
    expect(check(again, after, people.head)).toMatchObject({ ok: false, error: { code: 'duplicate_approver' } });
    const replayed = renumbered(vote[0] as WorkflowEvent, after.length);
    expect(check(replayed, after, people.head).ok).toBe(false);
  });
});

describe('steps', () => {
  const approved = must(advance(definition, atApproval, { commandId: 'v1', action: 'approve', ...signature(people.head, at(2)) }, people.head, at(2)));
  const approvedBoth = must(advance(definition, approved.instance, { commandId: 'v2', action: 'approve', ...signature(people.head2, at(3)) }, people.head2, at(3)));
  const atOrder = [...history, ...approved.events, ...approvedBoth.events];

  it('refuses a skipped step: the completion of the approval entering the timer instead of the order', () => {
    const order = approvedBoth.events.find((e) => e.type === 'step_entered') as WorkflowEvent & { type: 'step_entered' };
    const skipped = { ...order, activeStep: { ...order.activeStep, stepId: 'wait', assignees: { users: [], roles: [] } } } as WorkflowEvent;
    const forged = approvedBoth.events.map((e) => (e === order ? skipped : e));
    expect(pushAll([...history, ...approved.events], forged, people.head2)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(pushAll([...history, ...approved.events], approvedBoth.events, people.head2)).toEqual({ ok: true });
  });

  it('refuses a step entered with assignees the engine would not give it (the forger as the next approver)', () => {
    const order = approvedBoth.events.find((e) => e.type === 'step_entered') as WorkflowEvent & { type: 'step_entered' };
    const mine = { ...order, activeStep: { ...order.activeStep, assignees: { users: [people.head2.userId], roles: [] } } } as WorkflowEvent;
    const forged = approvedBoth.events.map((e) => (e === order ? mine : e));
    expect(pushAll([...history, ...approved.events], forged, people.head2)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps an escalation waiting until it is due by the server’s clock, and refuses one that names a time before it is due', () => {
    const orderState = must(replayEvents(atOrder));
    const escalation = dueWork(definition, orderState).find((w) => w.kind === 'escalation');
    expect(escalation).toBeDefined();
    const fired = must(runDueWork(definition, orderState, escalation!, escalation!.at)).events;
    expect(pushAll(atOrder, fired, people.stranger, at(3))).toMatchObject({ ok: false, isWaiting: true });
    expect(pushAll(atOrder, fired, people.stranger, escalation!.at)).toEqual({ ok: true });
    const early = fired.map((e) => ({ ...e, at: at(3) }) as WorkflowEvent);
    expect(pushAll(atOrder, early, people.stranger, escalation!.at)).toMatchObject({ ok: false, error: { code: 'timer_not_due' } });
  });

  it('keeps a timer waiting until it is due by the server’s clock', () => {
    const ordered = must(advance(definition, must(replayEvents(atOrder)), { commandId: 'o', action: 'complete' }, people.officer, at(4)));
    const timer = dueWork(definition, ordered.instance).find((w) => w.kind === 'timer');
    const fired = must(runDueWork(definition, ordered.instance, timer!, timer!.at)).events;
    const before = [...atOrder, ...ordered.events];
    expect(pushAll(before, fired, people.admin, at(5))).toMatchObject({ ok: false, isWaiting: true });
    expect(pushAll(before, fired, people.admin, timer!.at)).toEqual({ ok: true });
  });
});
