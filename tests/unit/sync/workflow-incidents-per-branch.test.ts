import { describe, expect, it } from 'vitest';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { checkEventAppend, type DefinitionCatalog } from '../../../src-shared/sync/workflow-event-rules';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { advance } from '../../../src-shared/workflows/advance';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import type { Actor } from '../../../src-shared/workflows/instance';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people, start, task } from '../workflows/helpers';

/**
 * The sync server judges incidents per branch as the engine does (issue 19.1): the resolution of
 * each of several open incidents, and only of open ones; work in the other branches while one is
 * stopped, and no work on the stopped step.
 */
const byVariable = (step_id: string, variable: string): StepDefinition => ({ step_id, name: `Task ${step_id}`, type: 'task', assignee_type: 'variable', assignee_value: variable, next_steps: ['j'] });
const definition = flow([
  { step_id: 's', name: 'Split', type: 'parallel', next_steps: ['left', 'right'] },
  byVariable('left', 'left_owner'),
  byVariable('right', 'right_owner'),
  { step_id: 'j', name: 'Join', type: 'join', next_steps: ['done'] },
  task('done', []),
]);
const catalog: DefinitionCatalog = {
  version: (code, version) => (code === definition.workflow_code && version === definition.version ? { id: 'wfd-1', status: 'published', definition } : null),
};
const syncPerson = (actor: Actor): SyncPerson => ({ id: actor.userId, email: `${actor.userId}@lab.org`, name: actor.name ?? actor.userId, roles: [...actor.roles], isActive: true });
const docOf = (event: WorkflowEvent) => ({ id: event.id, createdAt: event.at, updatedAt: event.at, createdBy: event.actor.userId, updatedBy: event.actor.userId, auditId: '', instanceId: event.instanceId, at: event.at, type: event.type, data: event });

/** Pushes events one by one as `sender`; the code of the first refusal, or 'ok'. */
function pushAll(history: WorkflowEvent[], events: readonly WorkflowEvent[], sender: Actor): string {
  const before = [...history];
  for (const event of events) {
    const result = checkEventAppend({ doc: docOf(event), before, person: syncPerson(sender), definitions: catalog });
    if (!result.ok) return result.error.code;
    before.push(event);
  }
  return 'ok';
}

describe('several open incidents on the server', () => {
  it('takes the resolution of the newer one first, then of the older one', () => {
    const started = start(definition);
    const right = must(resolveIncident(definition, started.instance, { commandId: 'r1', incident: 'right', data: { right_owner: people.officer.userId } }, people.admin, at(1)));
    const left = must(resolveIncident(definition, right.instance, { commandId: 'r2', data: { left_owner: people.qa.userId } }, people.admin, at(2)));
    expect(pushAll([], started.events, people.requester)).toBe('ok');
    expect(pushAll([...started.events], right.events, people.admin)).toBe('ok');
    expect(pushAll([...started.events, ...right.events], left.events, people.admin)).toBe('ok');
  });

  it('refuses resolving an incident already resolved', () => {
    const started = start(definition);
    const right = must(resolveIncident(definition, started.instance, { commandId: 'r1', incident: 'right', data: { right_owner: people.officer.userId } }, people.admin, at(1)));
    const again = right.events.slice(0, 1).map((event) => ({ ...event, id: `${event.instanceId}-${String(started.events.length + right.events.length).padStart(6, '0')}`, seq: started.events.length + right.events.length, commandId: 'r9', at: at(3) }) as WorkflowEvent);
    expect(pushAll([...started.events, ...right.events], again, people.admin)).not.toBe('ok');
  });
});

describe('the other branches while one is stopped, on the server', () => {
  it('takes the work of the other branch and its arrival at the join, then the resolution and the join', () => {
    const started = start(definition, { right_owner: people.officer.userId });
    const right = must(advance(definition, started.instance, { commandId: 'a1', action: 'complete', stepId: 'right' }, people.officer, at(1)));
    const resolved = must(resolveIncident(definition, right.instance, { commandId: 'r1', data: { left_owner: people.qa.userId } }, people.admin, at(2)));
    const left = must(advance(definition, resolved.instance, { commandId: 'a2', action: 'complete', stepId: 'left' }, people.qa, at(3)));
    expect(pushAll([], started.events, people.requester)).toBe('ok');
    expect(pushAll([...started.events], right.events, people.officer)).toBe('ok');
    expect(pushAll([...started.events, ...right.events], resolved.events, people.admin)).toBe('ok');
    expect(pushAll([...started.events, ...right.events, ...resolved.events], left.events, people.qa)).toBe('ok');
  });

  it('refuses work on the stopped step (a forged completion of it), naming the step', () => {
    const started = start(definition, { right_owner: people.officer.userId, left_owner: people.qa.userId });
    const left = must(advance(definition, started.instance, { commandId: 'a1', action: 'complete', stepId: 'left' }, people.qa, at(1)));
    // The same completion pushed for an instance whose "left" step an incident stopped.
    const stopped = start(definition, { right_owner: people.officer.userId });
    const history = stopped.events;
    expect(history.some((e) => e.type === 'incident_raised')).toBe(true);
    const leftToken = stopped.instance.incident?.token ?? '';
    const forged = left.events.slice(0, 1).map((event) => ({ ...event, instanceId: stopped.instance.id, id: `${stopped.instance.id}-${String(history.length).padStart(6, '0')}`, seq: history.length, token: leftToken }) as WorkflowEvent);
    expect(pushAll([...history], forged, people.admin)).toBe('forbidden');
    const own = forged.map((event) => ({ ...event, actor: { userId: people.admin.userId } }) as WorkflowEvent);
    expect(pushAll([...history], own, people.admin)).toBe('instance_incident');
  });

  it('refuses an incident raised over another open one without saying it keeps the other (it would hide it)', () => {
    const started = start(definition);
    const raised = started.events.filter((e) => e.type === 'incident_raised');
    expect(raised.map((e) => e.type === 'incident_raised' && e.keepsOthers)).toEqual([undefined, true]);
    const unmarked = (event: WorkflowEvent): WorkflowEvent => {
      if (event.type !== 'incident_raised') return event;
      const { keepsOthers: _dropped, ...rest } = event;
      return rest;
    };
    const hiding = started.events.map((e) => (e === raised[1] ? unmarked(e) : e));
    expect(pushAll([], hiding, people.requester)).toBe('invalid_input');
  });
});
