import { fail, ok, type Result } from '../../src-shared/core/result';
import type { AttachmentView } from '../../src-shared/files/attachment-contract';
import { attachDecision, canReadSubject, removeDecision } from '../../src-shared/files/attachment-access';
import { ATTACHMENT_KIND, attachmentDataSchema, mediaTypeFor, type AttachmentData, type AttachmentDocument, type AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';
import { softDelete } from '../tasks/soft-delete';
import type { ReceivedFile } from './blob-store';
import { attachmentViewOf } from './attachment-views';
import { loadSubject, storageTargetOf, syncPersonOf } from './attachment-subjects';
import { fileServiceOf } from './file-service';

/**
 * Attachment commands: `files/access` (the file routes' key), `attachments/add` (an upload becomes
 * an attachment) and `attachments/remove` (hidden; bytes and entry kept). Each checks the person
 * against the shared rules (src-shared/files/attachment-access.ts) on this PC's data and writes
 * through the audited writer; the sync server checks the same rules again on push.
 */

const noFiles = () => fail('invalid_state', 'This LabFlow has no data folder for files.');

export interface NewAttachment {
  subjectType: AttachmentSubjectType;
  subjectId: string;
  stepId?: string | undefined;
  file: ReceivedFile;
  name: string;
  mediaType: string;
  source: AttachmentData['source'];
  template?: string;
  /** The number a generated document shows. */
  number?: string;
}

/**
 * Stores a received file under its hash and describes it on its subject, after checking that the
 * person may attach files there. Shared by `attachments/add` and `documents/keep`.
 */
export async function attachFile(context: CommandContext, input: NewAttachment): Promise<Result<AttachmentView>> {
  const service = fileServiceOf(context.db);
  if (!service?.blobs) return noFiles();
  const target = await storageTargetOf(context.db, input.subjectType, input.subjectId);
  const subject = await loadSubject(context.db, target.subjectType, target.subjectId);
  const person = await syncPersonOf(context.db, context.actor.id);
  if (!canReadSubject(person, subject)) return fail('not_found', 'What you want to attach the file to no longer exists, or it is not shared with you.');
  const decision = attachDecision(person, subject);
  if (!decision.isAllowed) return fail('forbidden', decision.reason);
  const data = attachmentDataSchema.safeParse({
    name: input.name,
    mediaType: mediaTypeFor(input.name, input.mediaType),
    size: input.file.size,
    sha256: input.file.sha256,
    source: input.source,
    ...(input.template ? { template: input.template } : {}),
    ...(input.number ? { number: input.number } : {}),
    ...(target.workflowInstanceId ? { workflowInstanceId: target.workflowInstanceId } : {}),
    ...(input.stepId ? { stepId: input.stepId } : {}),
  });
  if (!data.success) return fail('invalid_input', data.error.issues[0]?.message ?? 'The file cannot be attached.', { field: String(data.error.issues[0]?.path[0] ?? 'name') });
  await service.blobs.commit(input.file);
  const projectId = target.subjectType === 'tasks' ? String(subject.doc?.projectId ?? '') : target.subjectType === 'projects' ? target.subjectId : '';
  const doc = await context.writer.insert<AttachmentDocument>(
    'activity',
    {
      kind: ATTACHMENT_KIND,
      subjectType: target.subjectType,
      subjectId: target.subjectId,
      at: context.clock().toISOString(),
      personId: context.actor.id,
      ...(projectId ? { projectId } : {}),
      data: data.data,
    },
    writeContextOf(context),
  );
  return ok(attachmentViewOf(doc, { people: new Map([[context.actor.id, context.actor.name]]), person, availability: 'available' }));
}

export const attachmentCommandHandlers: CommandHandlers<'files/access' | 'attachments/add' | 'attachments/remove'> = {
  async 'files/access'(_input, context) {
    const service = fileServiceOf(context.db);
    if (!service) return noFiles();
    return ok({ key: service.access.issue(context.sessions, context.actor.id) });
  },

  async 'attachments/add'(input, context) {
    const service = fileServiceOf(context.db);
    if (!service?.blobs) return noFiles();
    const upload = service.uploads.take(context.actor.id, input.uploadId, context.clock());
    if (!upload) return fail('not_found', 'That upload is gone (uploads wait an hour). Add the file again.', { field: 'uploadId' });
    const result = await attachFile(context, { ...input, file: upload, source: 'upload' });
    if (!result.ok) await service.blobs.discard(upload.path);
    return result;
  },

  async 'attachments/remove'(input, context) {
    const found = await context.db.activity.findOne(input.id).exec();
    const doc = found?.toJSON() as AttachmentDocument | undefined;
    if (!doc || doc.kind !== ATTACHMENT_KIND) return fail('not_found', 'That file is no longer attached.');
    const person = await syncPersonOf(context.db, context.actor.id);
    if (!canReadSubject(person, await loadSubject(context.db, doc.subjectType, doc.subjectId))) return fail('not_found', 'That file is no longer attached.');
    const decision = removeDecision(person, doc);
    if (!decision.isAllowed) return fail('forbidden', decision.reason);
    // Hidden, not erased: the entry stays in the audit trail and the bytes stay in the store.
    await softDelete(context, 'activity', doc);
    return ok(null);
  },
};
