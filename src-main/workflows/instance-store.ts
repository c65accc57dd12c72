import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { LabDatabase } from '../database/open-database';
import type { InstanceDocument } from './workflow-documents';

/** Reads of `workflow_instances` and `workflow_events`. */

export const plainInstance = (doc: { toJSON(): unknown }): InstanceDocument => {
  const { _rev, _meta, _attachments, _deleted, ...rest } = doc.toJSON() as InstanceDocument & Record<string, unknown>;
  void _rev; void _meta; void _attachments; void _deleted;
  return rest as InstanceDocument;
};

export async function findInstance(db: LabDatabase, id: string): Promise<InstanceDocument | null> {
  const doc = await db.workflow_instances.findOne(id).exec();
  return doc ? plainInstance(doc) : null;
}

/** An instance's history in order. */
export async function eventsOf(db: LabDatabase, instanceId: string): Promise<WorkflowEvent[]> {
  const docs = await db.workflow_events.find({ selector: { instanceId } }).exec();
  return docs.map((d) => d.get('data') as WorkflowEvent).sort((a, b) => a.seq - b.seq);
}
