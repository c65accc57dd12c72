import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { DocumentNumber } from '../../src-shared/documents/document-numbering';
import type { AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import type { BlobStore, ReceivedFile } from './blob-store';

/**
 * Documents generated for one person and not kept yet (documents/generate): a file of its own in
 * the blob store's incoming folder, shown from `/files/documents/<id>`. Keeping one
 * (documents/keep) stores it under its hash and attaches it to its subject, after which it never
 * changes; drafts not kept are deleted after an hour.
 */
export interface DraftDocument extends ReceivedFile {
  id: string;
  personId: string;
  name: string;
  template: string;
  subjectType: AttachmentSubjectType;
  subjectId: string;
  /** The number printed on it: keeping checks it is still the subject's, and final. */
  printed: DocumentNumber;
  at: number;
}

export interface DraftDocuments {
  add(draft: Omit<DraftDocument, 'id' | 'path' | 'sha256' | 'size'>, bytes: Uint8Array): Promise<Result<DraftDocument>>;
  get(personId: string, id: string, now: Date): DraftDocument | null;
  /** Removes the draft from the list (its file is then the caller's). */
  take(personId: string, id: string, now: Date): DraftDocument | null;
  /** Deletes drafts older than an hour. */
  expire(now: Date): Promise<void>;
  open(draft: DraftDocument): ReturnType<typeof createReadStream>;
}

export const DRAFT_TTL_MS = 60 * 60_000;

export function createDraftDocuments(blobs: BlobStore | null): DraftDocuments {
  const drafts = new Map<string, DraftDocument>();
  const isLive = (draft: DraftDocument | undefined, personId: string, now: Date): draft is DraftDocument =>
    draft !== undefined && draft.personId === personId && now.getTime() - draft.at <= DRAFT_TTL_MS;
  return {
    async add(draft, bytes) {
      if (!blobs) return fail('invalid_state', 'This LabFlow has no data folder to keep documents in.');
      const received = await blobs.receive(Readable.from([bytes]), { name: draft.name });
      if (!received.ok) return received;
      const id = `D${randomBytes(12).toString('base64url')}`;
      const stored: DraftDocument = { ...draft, ...received.value, id };
      drafts.set(id, stored);
      return ok(stored);
    },
    get(personId, id, now) {
      const draft = drafts.get(id);
      return isLive(draft, personId, now) ? draft : null;
    },
    take(personId, id, now) {
      const draft = drafts.get(id);
      if (!isLive(draft, personId, now)) return null;
      drafts.delete(id);
      return draft;
    },
    async expire(now) {
      for (const [id, draft] of drafts) {
        if (now.getTime() - draft.at <= DRAFT_TTL_MS) continue;
        drafts.delete(id);
        await blobs?.discard(draft.path);
      }
    },
    open: (draft) => createReadStream(draft.path),
  };
}
