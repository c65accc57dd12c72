import type { RelatedDocuments, RelatedRef } from '../sync/related-documents';
import { ATTACHMENT_KIND, isSubjectType } from './attachment-model';

type Doc = Record<string, unknown>;

/**
 * The stored documents the server's attachment rule (attachment-write-rule.ts) reads for a pushed
 * attachment: its subject, and a task's project. Apart from the rule so that related-documents.ts
 * can name them without importing the rules that import it.
 */
export function attachmentNeeds(doc: Doc, loaded: RelatedDocuments): RelatedRef[] {
  if (doc.kind !== ATTACHMENT_KIND || !isSubjectType(doc.subjectType) || typeof doc.subjectId !== 'string') return [];
  const refs: RelatedRef[] = [{ collection: doc.subjectType, id: doc.subjectId }];
  const projectId = doc.subjectType === 'tasks' ? loaded.get('tasks', doc.subjectId)?.projectId : undefined;
  if (typeof projectId === 'string' && projectId) refs.push({ collection: 'projects', id: projectId });
  return refs;
}

