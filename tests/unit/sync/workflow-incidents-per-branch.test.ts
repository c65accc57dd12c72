import { describe, expect, it } from 'vitest';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { checkEventAppend, type DefinitionCatalog } from '../../../src-shared/sync/workflow-event-rules';
import type { StepDefinition } from '../../../src-shared/workflows/definition-schema';
import { resolveIncident } from '../../../src-shared/workflows/incidents';
import type { Actor } from '../../../src-shared/workflows/instance';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people, start, task } from '../workflows/helpers';

/** The sync server takes the resolution of each of several open incidents (issue 19.1), and only of open ones. */
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
