import { fail, ok, type Result } from '../core/result';
import type { WorkflowDefinition } from './definition-schema';
import type { WorkflowInstance } from './instance';
import { applyEvent, type WorkflowEvent } from './workflow-events';

/**
 * Rebuilds an instance from its history. The events carry every state change (resolved assignees,
 * deadlines, votes, data changes), so no resolver or clock is consulted and the result equals the
 * instance the engine returned when it emitted the last event. Events are taken in `seq` order;
 * a gap, a duplicate, or a history of another workflow is refused (`invalid_input`).
 */
export function replay(definition: WorkflowDefinition, events: readonly WorkflowEvent[]): Result<WorkflowInstance> {
  const first = events.find((event) => event.seq === 0);
  if (first?.type === 'instance_started' && first.workflowCode !== definition.workflow_code) {
    return fail('invalid_input', `This history belongs to ${first.workflowCode}, not ${definition.workflow_code}.`);
  }
  return replayEvents(events);
}

/** `replay` without the definition: whoever holds only the history (the sync server) rebuilds the instance with it. */
export function replayEvents(events: readonly WorkflowEvent[]): Result<WorkflowInstance> {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const first = ordered[0];
  if (!first || first.type !== 'instance_started') return fail('invalid_input', 'A history starts with instance_started.');
  let instance: WorkflowInstance | undefined;
  for (const [index, event] of ordered.entries()) {
    if (event.seq !== index || event.instanceId !== first.instanceId) {
      return fail('invalid_input', `The history has a gap or a stranger at event ${index} (found seq ${event.seq} of ${event.instanceId}).`);
    }
    instance = applyEvent(instance, event);
  }
  return ok(instance as WorkflowInstance);
}

/** The part of a history without a gap, from `seq` 0, in order: what replays when later events have not arrived yet. */
export function gaplessHistory(events: readonly WorkflowEvent[]): WorkflowEvent[] {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const out: WorkflowEvent[] = [];
  for (const event of sorted) {
    if (event.seq !== out.length) break;
    out.push(event);
  }
  return out;
}
