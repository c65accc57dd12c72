import type { WorkflowInstance } from './instance';

/**
 * The fields of a `workflow_instances` document that follow from the instance's state: `state` is
 * the engine's instance, the rest is copied out of it for queries. Shared by the desktop, which
 * writes instances, and the sync server, which derives them from the events it holds.
 */
export function instanceFields(state: WorkflowInstance, definitionId: string) {
  return {
    definitionId,
    code: state.workflowCode,
    version: state.definitionVersion,
    status: state.status,
    entityType: state.entityType,
    entityId: state.entityId,
    eventCount: state.eventCount,
    state,
  };
}
