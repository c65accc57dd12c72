import type { RelatedDocuments } from '../sync/related-documents';
import type { SyncPerson } from '../sync/sync-person';
import { allow, changedFields, dataOf, deny, type Decision, type SyncAction } from '../sync/write-rule';
import { attachDecision, removeDecision } from './attachment-access';
import { ATTACHMENT_KIND, attachmentDataSchema, isSubjectType } from './attachment-model';

/**
 * The sync server's rule for pushed attachment documents (`activity` of kind `attachment`): a PC
 * may describe a file only as its own person, only where that person may attach files
 * (attachment-access.ts), with a well-formed name, type, size and hash; after that nothing about
 * the file changes — removing it (a soft delete, by whoever attached it or an administrator) is the
 * only change. The blob endpoint trusts these documents for size and hash, so they must be right.
 */

type Doc = Record<string, unknown>;

/** Null when neither version is an attachment (another rule decides). */
export function attachmentDecision(person: SyncPerson, action: Exclude<SyncAction, 'read'>, doc: Doc, previous: Doc | null, related: RelatedDocuments): Decision | null {
  if (doc.kind !== ATTACHMENT_KIND && previous?.kind !== ATTACHMENT_KIND) return null;
  if (previous && previous.kind !== doc.kind) return deny('An attachment cannot become another kind of entry, nor another entry an attachment.');
  if (action === 'delete') return removeDecision(person, previous ?? doc);
  if (action === 'update' && previous) {
    const { subjectScope: _before, ...dataBefore } = dataOf(previous);
    const { subjectScope: _after, ...dataAfter } = dataOf(doc);
    const changed = [...changedFields(previous, doc).filter((f) => f !== 'data'), ...changedFields(dataBefore, dataAfter).map((f) => `data.${f}`)];
    return changed.length === 0 ? allow : deny(`An attachment cannot be changed (${changed.join(', ')}); remove it and attach the new file instead.`);
  }
  if (doc.createdBy !== person.id || doc.personId !== person.id) return deny('A file can only be attached in the name of the person who attaches it.');
  if (!isSubjectType(doc.subjectType) || typeof doc.subjectId !== 'string') return deny('An attachment must be about a record, project, task, meeting or workflow.');
  const { subjectScope: _claimed, ...data } = dataOf(doc);
  const parsed = attachmentDataSchema.strict().safeParse(data);
  if (!parsed.success) return deny(`This attachment is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
  const subjectDoc = related.get(doc.subjectType, doc.subjectId);
  const project = doc.subjectType === 'tasks' && subjectDoc ? related.get('projects', String(subjectDoc.projectId)) : undefined;
  return attachDecision(person, { type: doc.subjectType, doc: subjectDoc, ...(project !== undefined ? { project } : {}) }, true);
}
