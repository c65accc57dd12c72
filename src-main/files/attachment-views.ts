import type { AttachmentAvailability, AttachmentView, TransferProgress } from '../../src-shared/files/attachment-contract';
import { removeDecision } from '../../src-shared/files/attachment-access';
import { previewKindOf, type AttachmentDocument } from '../../src-shared/files/attachment-model';
import type { SyncPerson } from '../../src-shared/sync/sync-person';

export interface ViewContext {
  /** Names by person id. */
  people: ReadonlyMap<string, string>;
  person: SyncPerson;
  availability: AttachmentAvailability;
  transfer?: TransferProgress;
}

/** An attachment as the panel shows it to `person`. */
export function attachmentViewOf(doc: AttachmentDocument, context: ViewContext): AttachmentView {
  const { data } = doc;
  return {
    id: doc.id,
    name: data.name,
    mediaType: data.mediaType,
    size: data.size,
    sha256: data.sha256,
    source: data.source,
    ...(data.template ? { template: data.template } : {}),
    ...(data.number ? { number: data.number } : {}),
    ...(data.stepId ? { stepId: data.stepId } : {}),
    addedBy: { id: doc.personId, name: context.people.get(doc.personId) ?? 'Someone no longer in the directory' },
    addedAt: doc.at,
    preview: previewKindOf(data.mediaType),
    availability: context.availability,
    ...(context.transfer ? { transfer: context.transfer } : {}),
    canRemove: removeDecision(context.person, doc).isAllowed,
  };
}
