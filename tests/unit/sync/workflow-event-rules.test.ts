import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { checkEventAppend, type DefinitionCatalog } from '../../../src-shared/sync/workflow-event-rules';
import { advance } from '../../../src-shared/workflows/advance';
import { dueWork, runDueWork } from '../../../src-shared/workflows/deadlines';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { actionsOf, stepOf } from '../../../src-shared/workflows/definition-graph';
import { isAssignee } from '../../../src-shared/workflows/assignees';
import { cancel, comment, reassign } from '../../../src-shared/workflows/instance-actions';
import { isClosed, type Actor, type WorkflowInstance } from '../../../src-shared/workflows/instance';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import { replayEvents } from '../../../src-shared/workflows/replay';
import { needsSignature } from '../../../src-shared/workflows/signature-policy';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people, start, task } from '../workflows/helpers';

/**
 * The engine's rules for pushed workflow events: any history the engine writes is accepted event
 * by event, pushed by its actor (system events by anyone); any event re-signed or sent by someone
 * else, with a gap, after the end, or out of its run is refused.
 */
type Doc = Record<string, unknown>;

const decide: StepDefinition = {
  step_id: 'decide',
  name: 'Decide',
  type: 'approval',
  assignee_type: 'user',
  assignee_value: ['u-head', 'u-head2', 'u-head3'],
  approval: { quorum: 'n_of_m', n: 2 },
  conditions: { approve: ['split'], reject: [] },
};
const definition: WorkflowDefinition = flow(
  [
    task('review', ['decide'], 'member'),
    decide,
    { step_id: 'split', name: 'Split', type: 'parallel', next_steps: ['lab', 'books'] },
    task('lab', ['join'], 'qa_manager'),
    { ...task('books', ['join']), assignee_type: 'user', assignee_value: 'u-fin' },
    { step_id: 'join', name: 'Join', type: 'join', next_steps: ['wait'] },
    { step_id: 'wait', name: 'Wait', type: 'timer', timer: { after_hours: 2 }, next_steps: ['close'] },
    // Leads to a step the definition lacks: an incident an administrator resolves.
    task('close', ['missing'], 'member', { conditions: { complete: ['missing'], finish: [] } }),
  ],
  { sla_config: { review: { duration_hours: 4, escalation_rules: [{ after_breach_hours: 1, action: 'reassign', to_type: 'user', to_value: 'u-off' }] } } },
);
const catalog: DefinitionCatalog = {
  version: (code, version) => (code === definition.workflow_code && version === definition.version ? { id: 'wfd-1', status: 'published', definition } : null),
};
const everyone: Actor[] = Object.values(people);
const syncPerson = (actor: Actor): SyncPerson => ({ id: actor.userId, email: `${actor.userId}@lab.org`, name: actor.name ?? actor.userId, roles: [...actor.roles], isActive: true });
const byId = (userId: string) => everyone.find((p) => p.userId === userId) as Actor;

/** A stored event document, as src-main/workflows/workflow-documents.ts writes it. */
const docOf = (event: WorkflowEvent): Doc => ({ id: event.id, createdAt: event.at, updatedAt: event.at, createdBy: event.actor.userId, updatedBy: event.actor.userId, auditId: '', instanceId: event.instanceId, at: event.at, type: event.type, data: event });

const check = (event: WorkflowEvent, before: WorkflowEvent[], sender: Actor) => checkEventAppend({ doc: docOf(event), before, person: syncPerson(sender), definitions: catalog });
const codeOf = (result: ReturnType<typeof check>) => (result.ok ? 'ok' : result.error.code);

/** The electronic signature the runtime binds into an action that needs one (src-main/workflows/workflow-runtime.ts). */
const signed = (step: StepDefinition, action: string, actor: Actor, now: string) =>
  needsSignature(step, action) ? { signature: { meaning: action === 'reject' ? ('rejected' as const) : ('approved' as const), signerId: actor.userId, signerName: actor.name ?? actor.userId, signedAt: now } } : {};

/** The engine's history of one instance driven by `choices`: whoever may act does, timers fire when due. */
function drive(choices: number[]): WorkflowEvent[] {
  const started = start(definition, {}, people.requester, at(0));
  let instance = started.instance;
  const all = [...started.events];
  let hour = 1;
  const apply = (result: { ok: boolean; value?: { instance: WorkflowInstance; events: WorkflowEvent[] } }) => {
    if (!result.ok || !result.value) return;
    instance = result.value.instance;
    all.push(...result.value.events);
  };
  for (const choice of choices) {
    if (isClosed(instance.status)) break;
    hour += 1 + (choice % 3);
    const now = at(hour);
    const moves: (() => void)[] = [];
    for (const step of instance.activeSteps) {
      const def = stepOf(definition, step.stepId);
      if (!def || step.isWaitingAtJoin) continue;
      for (const actor of everyone.filter((p) => isAssignee(p, step.assignees))) {
        for (const action of actionsOf(def)) moves.push(() => apply(advance(definition, instance, { commandId: `c${all.length}`, action, stepId: step.token, ...signed(def, action, actor, now) }, actor, now)));
        if (choice % 5 === 0) moves.push(() => apply(reassign(definition, instance, { commandId: `r${all.length}`, stepId: step.token, to: { assignee_type: 'user', assignee_value: 'u-head' } }, actor, now)));
      }
    }
    for (const work of dueWork(definition, instance).filter((w) => w.at <= now)) moves.push(() => apply(runDueWork(definition, instance, work, now)));
    if (choice % 7 === 0) moves.push(() => apply(comment(definition, instance, { commandId: `n${all.length}`, comments: 'noted' }, people.stranger, now)));
    if (instance.status === 'incident') moves.push(() => apply(resolveIncident(definition, instance, { commandId: `i${all.length}`, goTo: 'close' }, people.admin, now)));
    if (choice % 17 === 0) moves.push(() => apply(cancel(definition, instance, { commandId: `x${all.length}` }, people.requester, now)));
    moves[choice % Math.max(1, moves.length)]?.();
  }
  return all;
}

const choicesArb = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 });

describe('a history the engine wrote', () => {
  it('is accepted event by event, each pushed by its actor (system events by any PC)', () => {
    fc.assert(
      fc.property(choicesArb, fc.constantFrom(...everyone), (choices, anyPc) => {
        const events = drive(choices);
        events.forEach((event, i) => {
          const sender = event.actor.userId === 'system' ? anyPc : byId(event.actor.userId);
          const result = check(event, events.slice(0, i), sender);
          if (!result.ok) throw new Error(`event ${i} (${event.type}) refused: ${result.error.message}`);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses any of its people’s events sent by someone else', () => {
    fc.assert(
      fc.property(choicesArb, fc.nat(), fc.constantFrom(...everyone), (choices, pick, forger) => {
        const events = drive(choices);
        const i = pick % events.length;
        const event = events[i] as WorkflowEvent;
        fc.pre(event.actor.userId !== 'system' && event.actor.userId !== forger.userId);
        expect(codeOf(check(event, events.slice(0, i), forger))).toBe('forbidden');
      }),
      { numRuns: 150 },
    );
  });
});

describe('a forged actor', () => {
  const nobody: Actor = { userId: 'u-nobody', name: 'Nobody', roles: [] };
  const startsRun = (events: WorkflowEvent[], i: number) => {
    const [a, b] = [events[i - 1], events[i]];
    return !a || !b || a.actor.userId !== b.actor.userId || a.at !== b.at || a.commandId !== b.commandId;
  };

  it('is refused: a vote, completion or hand-over re-signed by someone the step is not assigned to', () => {
    fc.assert(
      fc.property(choicesArb, fc.nat(), (choices, pick) => {
        const events = drive(choices);
        const candidates = events.map((e, i) => [e, i] as const).filter(([e, i]) => ['vote_recorded', 'step_completed', 'step_reassigned'].includes(e.type) && e.actor.userId !== 'system' && startsRun(events, i));
        fc.pre(candidates.length > 0);
        const [event, i] = candidates[pick % candidates.length] as readonly [WorkflowEvent, number];
        const forged = { ...event, actor: { userId: nobody.userId }, ...(event.type === 'vote_recorded' ? { vote: { ...event.vote, userId: nobody.userId } } : {}) } as WorkflowEvent;
        expect(check(forged, events.slice(0, i), nobody).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe('refusals', () => {
  const events = drive([0]); // started, review completed by a member, now waiting at "decide"
  const replayed = (history: WorkflowEvent[]): WorkflowInstance => must(replayEvents(history));
  const waiting = events.length;
  const sign = (actor: Actor, when: string) => ({ signature: { meaning: 'approved' as const, signerId: actor.userId, signerName: actor.name ?? actor.userId, signedAt: when } });
  const headVote = must(advance(definition, replayed(events), { commandId: 'v1', action: 'approve', ...sign(people.head, at(3)) }, people.head, at(3))).events;

  it('takes a vote by an assignee', () => {
    expect(codeOf(check(headVote[0] as WorkflowEvent, events, people.head))).toBe('ok');
  });

  it('refuses a vote forged for a non-assignee, even when that person sends it', () => {
    const forged = { ...(headVote[0] as WorkflowEvent), actor: { userId: people.stranger.userId }, vote: { userId: people.stranger.userId, decision: 'approve', level: 0, at: at(3) } } as WorkflowEvent;
    expect(codeOf(check(forged, events, people.stranger))).toBe('not_your_step');
  });

  it('checks a rival for a taken id (two PCs on one step) for its form and author only: it is kept, never applied', () => {
    // Head 2's vote, whose id the server holds already for head 1's.
    const rival = must(advance(definition, replayed(events), { commandId: 'v-head2', action: 'reject' }, people.head2, at(3))).events[0] as WorkflowEvent;
    const rivals = (sender: Actor, event = rival) => checkEventAppend({ doc: docOf(event), before: events, person: syncPerson(sender), definitions: catalog, isRival: true });
    expect(rivals(people.head2).ok).toBe(true);
    expect(rivals(people.stranger)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps an event with a gap before it waiting (not refused): it is judged again once the events before it arrive', () => {
    const later = { ...(headVote[0] as WorkflowEvent), seq: waiting + 1, id: `${events[0]?.instanceId}-${String(waiting + 1).padStart(6, '0')}` };
    expect(check(later, events, people.head)).toMatchObject({ ok: false, isWaiting: true });
  });

  it('refuses a follow-up event that does not continue its run', () => {
    const completed = headVote.find((e) => e.type === 'step_entered');
    const stray = { ...(events.find((e) => e.type === 'step_entered') as WorkflowEvent), seq: waiting, id: headVote[0]?.id as string, at: at(9) } as WorkflowEvent;
    expect(completed).toBeUndefined(); // one vote of two does not move on
    expect(codeOf(check({ ...stray, actor: { userId: people.head.userId } }, events, people.head))).toBe('invalid_input');
  });

  it('refuses a second vote by the same approver, and a document that disagrees with its event', () => {
    const afterVote = [...events, ...headVote];
    const again = must(advance(definition, replayed(events), { commandId: 'v2', action: 'reject' }, people.head, at(4))).events[0] as WorkflowEvent;
    expect(codeOf(check({ ...again, seq: afterVote.length, id: `${again.instanceId}-${String(afterVote.length).padStart(6, '0')}` }, afterVote, people.head))).toBe('duplicate_approver');
    const doc = { ...docOf(headVote[0] as WorkflowEvent), type: 'comment_added' };
    expect(checkEventAppend({ doc, before: events, person: syncPerson(people.head), definitions: catalog })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses everything but comments after the instance has ended', () => {
    const cancelled = must(cancel(definition, replayed(events), { commandId: 'x' }, people.requester, at(5))).events;
    const ended = [...events, ...cancelled];
    const late = must(advance(definition, replayed(events), { commandId: 'v9', action: 'approve' }, people.head, at(6))).events[0] as WorkflowEvent;
    const moved = { ...late, seq: ended.length, id: `${late.instanceId}-${String(ended.length).padStart(6, '0')}` };
    expect(codeOf(check(moved, ended, people.head))).toBe('instance_closed');
    const note = must(comment(definition, { ...replayed(events), eventCount: ended.length }, { commandId: 'n', comments: 'after the fact' }, people.head, at(7))).events[0] as WorkflowEvent;
    expect(codeOf(check(note, ended, people.head))).toBe('ok');
  });

  it('lets only the starter, the requester or an administrator cancel', () => {
    const cancelled = must(cancel(definition, replayed(events), { commandId: 'x' }, people.admin, at(5))).events[0] as WorkflowEvent;
    expect(codeOf(check(cancelled, events, people.admin))).toBe('ok');
    const byStranger = { ...cancelled, actor: { userId: people.stranger.userId } };
    expect(codeOf(check(byStranger, events, people.stranger))).toBe('forbidden');
  });

  it('refuses the system completing a person’s step, and keeps an instance of a workflow the server does not have yet waiting', () => {
    const completion = must(advance(definition, replayed(events), { commandId: 'v1', action: 'approve' }, people.head, at(3))).events[0] as WorkflowEvent;
    const asSystem = { ...completion, type: 'step_completed', token: (completion as { token: string }).token, actor: { userId: 'system' } } as unknown as WorkflowEvent;
    expect(codeOf(check(asSystem, events, people.stranger))).toBe('timer_not_due');
    const unknown = { ...(events[0] as WorkflowEvent), workflowCode: 'NOT_ON_SERVER' } as WorkflowEvent;
    expect(check(unknown, [], people.requester)).toMatchObject({ ok: false, isWaiting: true });
  });
});
