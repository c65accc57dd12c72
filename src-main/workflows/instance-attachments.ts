import { ATTACHMENT_KIND, type AttachmentDocument } from '../../src-shared/files/attachment-model';
import type { LabDatabase } from '../database/open-database';
import type { InstanceDocument } from './workflow-documents';

/**
 * The files attached to each workflow instance, for step forms' `file` fields: an id chosen there
 * must be one of its own instance's files (src-shared/workflows/step-form-check.ts). A file given
 * at a step of an instance about a record is stored on the record with the instance's id
 * (src-main/files/attachment-subjects.ts `storageTargetOf`); others are stored on the instance.
 * Removed files are soft-deleted and so are not found.
 */
export async function attachmentsOfInstances(db: LabDatabase, instances: readonly InstanceDocument[]): Promise<Map<string, Set<string>>> {
  const byInstance = new Map(instances.map((i) => [i.id, new Set<string>()]));
  const subjectIds = [...new Set(instances.flatMap((i) => (typeof i.entityId === 'string' && i.entityId ? [i.id, i.entityId] : [i.id])))];
  if (subjectIds.length === 0) return byInstance;
  const docs = await db.activity.find({ selector: { kind: ATTACHMENT_KIND, subjectId: { $in: subjectIds } } }).exec();
  for (const found of docs) {
    const doc = found.toJSON() as AttachmentDocument;
    const instanceId = doc.subjectType === 'workflow_instances' ? doc.subjectId : doc.data.workflowInstanceId;
    if (instanceId) byInstance.get(instanceId)?.add(doc.id);
  }
  return byInstance;
}
