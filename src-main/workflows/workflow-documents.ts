import type { BaseDocument } from '../../src-shared/db/base-fields';
import type { RecordScope } from '../../src-shared/records/record-scope';
import type { DefinitionStatus, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { WorkflowInstance } from '../../src-shared/workflows/instance';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';

/** How workflow definitions, instances and events are stored (src-shared/db/schemas.ts). */

/** One version of a workflow code. `definition` is the spec's JSON exactly as saved, with its version and status. */
export interface DefinitionDocument extends BaseDocument {
  code: string;
  version: number;
  status: DefinitionStatus;
  definition: WorkflowDefinition;
  /** Client command ids that wrote this version (the latest few), so a repeated command changes nothing. */
  commandIds: string[];
}

/** A running or ended instance: `state` is the engine's instance, the rest is copied out of it for queries. */
export interface InstanceDocument extends BaseDocument {
  definitionId: string;
  code: string;
  version: number;
  status: WorkflowInstance['status'];
  entityType: string;
  entityId: string;
  /** Equals `state.eventCount`; fewer than the stored events means a write was cut off (see repair-instances.ts). */
  eventCount: number;
  state: WorkflowInstance;
  /** The read scope of the record it is about (src-shared/records/record-scope.ts), when it is about one. */
  subjectScope?: RecordScope;
}

/** One event of an instance's history: append-only, id = the engine's deterministic event id. */
export interface EventDocument extends BaseDocument {
  instanceId: string;
  at: string;
  type: WorkflowEvent['type'];
  data: WorkflowEvent;
  /** Like the instance's: pulls send the event only where its record goes. */
  subjectScope?: RecordScope;
}

export const MAX_COMMAND_IDS = 20;

export { instanceFields } from '../../src-shared/workflows/instance-document';

/** An event as stored: its base fields come from the event itself, so writing it twice writes the same document. */
export function eventDocument(event: WorkflowEvent, auditId: string, scope?: RecordScope): EventDocument {
  return {
    ...(scope ? { subjectScope: scope } : {}),
    id: event.id,
    createdAt: event.at,
    updatedAt: event.at,
    createdBy: event.actor.userId,
    updatedBy: event.actor.userId,
    auditId,
    instanceId: event.instanceId,
    at: event.at,
    type: event.type,
    data: event,
  };
}
