import { combineLatest, from, map, of, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { AttachmentList, TransferSummary } from '../../src-shared/files/attachment-contract';
import { attachDecision, canReadSubject } from '../../src-shared/files/attachment-access';
import { ATTACHMENT_KIND, type AttachmentDocument } from '../../src-shared/files/attachment-model';
import type { LabDatabase } from '../database/open-database';
import { directory$, type Directory } from '../records/record-actor';
import type { QueryHandlers } from '../host/handler-types';
import type { ServedFile } from './file-routes';
import { attachmentViewOf } from './attachment-views';
import { loadSubject, storageTargetOf, syncPersonFrom, syncPersonOf } from './attachment-subjects';
import { fileServiceOf, type FileService } from './file-service';

/**
 * The attachments of one subject, live: they change when a file is attached or removed here or on
 * another PC, when a file arrives from the sync server (with its progress on the way), and when
 * the person's right to the subject changes. Each file is checked against its hash once per change
 * on disk, so a damaged file is listed as damaged rather than as fine.
 */

const gone = () => fail('not_found', 'That no longer exists, or it is not shared with you.');

async function listOf(db: LabDatabase, service: FileService, personId: string, type: Parameters<typeof loadSubject>[1], id: string, docs: AttachmentDocument[], directory: Directory): Promise<Result<AttachmentList>> {
  const subject = await loadSubject(db, type, id);
  const person = syncPersonFrom(directory, personId);
  if (!canReadSubject(person, subject)) return gone();
  const names = new Map(directory.people.map((p) => [p.id, p.name]));
  const transfers = service.transfers$.value;
  const items = [];
  for (const doc of docs.sort((a, b) => b.at.localeCompare(a.at))) {
    const availability = service.blobs ? await service.blobs.check(doc.data.sha256, doc.data.size) : 'missing';
    const transfer = transfers.get(doc.data.sha256);
    items.push(attachmentViewOf(doc, { people: names, person, availability, ...(transfer ? { transfer } : {}) }));
  }
  const decision = attachDecision(person, subject);
  return ok({ items, canAttach: decision.isAllowed && service.blobs !== null, ...(decision.isAllowed ? {} : { cannotAttachReason: decision.reason }) });
}

export const attachmentQueryHandlers: QueryHandlers<'attachments/list' | 'attachments/transfers'> = {
  'attachments/list': (input, context) => {
    const service = fileServiceOf(context.db);
    if (!service) return of(fail('invalid_state', 'Files are not available in this LabFlow.'));
    return from(storageTargetOf(context.db, input.subjectType, input.subjectId)).pipe(
      switchMap((target) =>
        combineLatest([
          context.db.activity.find({ selector: { subjectId: target.subjectId, kind: ATTACHMENT_KIND } }).$,
          directory$(context.db),
          context.db[target.subjectType].findOne(target.subjectId).$,
          service.transfers$,
        ]).pipe(
          switchMap(([docs, directory]) => {
            const attachments = docs
              .map((d) => d.toJSON() as AttachmentDocument)
              .filter((d) => (input.subjectType === 'workflow_instances' && target.workflowInstanceId ? d.data.workflowInstanceId === target.workflowInstanceId : true))
              .filter((d) => !input.stepId || d.data.stepId === input.stepId);
            return from(listOf(context.db, service, context.actor.id, target.subjectType, target.subjectId, attachments, directory));
          }),
        ),
      ),
    );
  },

  'attachments/transfers': (_input, context) => {
    const service = fileServiceOf(context.db);
    if (!service) return of(ok({ active: [], waiting: 0, failed: 0 }));
    return service.transfers$.pipe(
      map((transfers): Result<TransferSummary> => {
        const all = [...transfers].map(([sha256, t]) => ({ sha256, ...t }));
        return ok({
          active: all.filter((t) => !t.error && t.bytesDone > 0),
          waiting: all.filter((t) => !t.error && t.bytesDone === 0).length,
          failed: all.filter((t) => t.error).length,
        });
      }),
    );
  },
};

/** The attachment behind `/files/attachments/<id>`, if `personId` may read its subject. */
export async function servedAttachment(db: LabDatabase, personId: string, id: string): Promise<Result<ServedFile>> {
  const found = await db.activity.findOne(id).exec();
  const doc = found?.toJSON() as AttachmentDocument | undefined;
  if (!doc || doc.kind !== ATTACHMENT_KIND) return fail('not_found', 'That file is no longer attached.');
  const person = await syncPersonOf(db, personId);
  if (!canReadSubject(person, await loadSubject(db, doc.subjectType, doc.subjectId))) return fail('not_found', 'That file is no longer attached, or it is not shared with you.');
  return ok({ name: doc.data.name, mediaType: doc.data.mediaType, size: doc.data.size, sha256: doc.data.sha256 });
}
