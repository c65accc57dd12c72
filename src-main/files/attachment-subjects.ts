import type { AttachmentSubject } from '../../src-shared/files/attachment-access';
import type { AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import { isRecordSubject } from '../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../src-shared/sync/sync-person';
import type { LabDatabase } from '../database/open-database';
import { actorIn, loadDirectory, type Directory } from '../records/record-actor';

/**
 * What an attachment is about, read from this PC's database, and the person as the shared rules
 * (src-shared/files/attachment-access.ts) judge them: roles and active state from the directory at
 * the moment of the request, never from the sign-in.
 */

type Doc = Record<string, unknown>;

export function syncPersonFrom(directory: Directory, personId: string): SyncPerson {
  const person = directory.people.find((p) => p.id === personId);
  const actor = actorIn(directory, personId);
  return { id: personId, email: person?.email ?? '', name: person?.name ?? '', roles: [...actor.roles], isActive: actor.isActive, departmentId: actor.departmentId, managedIds: actor.managedIds };
}

export const syncPersonOf = async (db: LabDatabase, personId: string): Promise<SyncPerson> => syncPersonFrom(await loadDirectory(db), personId);

const plain = (doc: { toJSON(): unknown } | null): Doc | null => (doc ? (doc.toJSON() as Doc) : null);

export async function loadSubject(db: LabDatabase, type: AttachmentSubjectType, id: string): Promise<AttachmentSubject> {
  const doc = plain(await db[type].findOne(id).exec());
  if (type !== 'tasks' || !doc) return { type, doc };
  return { type, doc, project: plain(await db.projects.findOne(String(doc.projectId)).exec()) };
}

/** Where a file given to `subject` is filed: a workflow instance about a record files it on the record, under the record's scope. */
export interface StorageTarget {
  subjectType: AttachmentSubjectType;
  subjectId: string;
  workflowInstanceId?: string;
}

export async function storageTargetOf(db: LabDatabase, type: AttachmentSubjectType, id: string): Promise<StorageTarget> {
  if (type !== 'workflow_instances') return { subjectType: type, subjectId: id };
  const instance = plain(await db.workflow_instances.findOne(id).exec());
  const entityId = typeof instance?.entityId === 'string' ? instance.entityId : '';
  return instance && isRecordSubject(instance.entityType) && entityId ? { subjectType: 'records', subjectId: entityId, workflowInstanceId: id } : { subjectType: type, subjectId: id };
}
