import { describe, expect, it } from 'vitest';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { checkEventAppend, type DefinitionCatalog } from '../../../src-shared/sync/workflow-event-rules';
import { fireBoundaryTimer } from '../../../src-shared/workflows/boundary-timers';
import type { Actor } from '../../../src-shared/workflows/instance';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people, start, task } from '../workflows/helpers';

/** The sync server judges a pushed boundary timer (issue 19.5) as the engine does: due by its clock, once, to the timer's step. */
const definition = flow([
  task('quote', ['order'], 'procurement_officer', { boundary_timer: { after_hours: 48, go: 'chase' } }),
  task('chase', ['quote'], 'procurement_officer'),
  task('order', []),
]);
const catalog: DefinitionCatalog = {
  version: (code, version) => (code === definition.workflow_code && version === definition.version ? { id: 'wfd-1', status: 'published', definition } : null),
};
const syncPerson = (actor: Actor): SyncPerson => ({ id: actor.userId, email: `${actor.userId}@lab.org`, name: actor.name ?? actor.userId, roles: [...actor.roles], isActive: true });
const docOf = (event: WorkflowEvent) => ({ id: event.id, createdAt: event.at, updatedAt: event.at, createdBy: event.actor.userId, updatedBy: event.actor.userId, auditId: '', instanceId: event.instanceId, at: event.at, type: event.type, data: event });

/** Pushes events one by one; the first refusal ('waiting: …' when it waits), or 'ok'. */
function pushAll(history: WorkflowEvent[], events: readonly WorkflowEvent[], sender: Actor, now: string): string {
  const before = [...history];
  for (const event of events) {
    const result = checkEventAppend({ doc: docOf(event), before, person: syncPerson(sender), definitions: catalog, now });
    if (!result.ok) return 'isWaiting' in result ? `waiting: ${result.error.code}` : result.error.code;
    before.push(event);
  }
  return 'ok';
}

describe('a boundary timer pushed to the server', () => {
  const started = start(definition);
  const token = started.instance.activeSteps[0]?.token ?? '';
  const fired = must(fireBoundaryTimer(definition, started.instance, token, at(49)));

  it('is taken when due by the server clock, and waits before', () => {
    expect(pushAll(started.events, fired.events, people.officer, at(50))).toBe('ok');
    expect(pushAll(started.events, fired.events, people.officer, at(10))).toBe('waiting: invalid_state');
  });

  it('is refused when it names a time before the timer, or another step to go to', () => {
    const early = fired.events.map((event) => ({ ...event, at: at(20) }) as WorkflowEvent);
    expect(pushAll(started.events, early, people.officer, at(50))).toBe('timer_not_due');
    const elsewhere = fired.events.map((event) => (event.type === 'step_completed' ? ({ ...event, toSteps: ['order'] } as WorkflowEvent) : event));
    expect(pushAll(started.events, elsewhere, people.officer, at(50))).toBe('invalid_input');
  });
});
