import { fail, ok, type Result } from '../core/result';
import { canRead } from '../sync/read-scope';
import type { SyncPerson } from '../sync/sync-person';
import { ATTACHMENT_KIND, isSha256, MAX_ATTACHMENT_BYTES, tooLargeMessage } from './attachment-model';

/**
 * The sync server's blob endpoint (sync-server/blobs/), which carries attachment bytes between PCs:
 *
 * - `POST <prefix>/blobs/status` `{sha256: [...]}` → which of these files the server has, and how
 *   much of an interrupted upload it kept (`offset`), for files the person may read.
 * - `PUT <prefix>/blobs/<sha256>` with `Upload-Offset` (where the body starts in the file, at most
 *   what the server has) and `Upload-Length` (the whole file): appends the body, skipping bytes the
 *   server already has. An upload cut off keeps what arrived, so the next attempt resumes at the
 *   offset `status` reports. The finished file is checked
 *   against its hash and its attachment's size: a wrong file is refused and dropped, a larger one
 *   refused before a byte is read.
 * - `GET <prefix>/blobs/<sha256>` (with `Range: bytes=<n>-` to resume): streams the file.
 *
 * Only people who may read an attachment document naming the hash may do any of it: the documents
 * carry their subject's read scope (src-shared/sync/read-scope.ts), so an HR record's files reach
 * only those who read the record. A blob nobody described is refused.
 */

export const BLOB_HEADERS = { offset: 'upload-offset', length: 'upload-length' } as const;

/** Largest number of hashes one status request may ask about. */
export const MAX_STATUS_BATCH = 500;

export interface BlobStatus {
  sha256: string;
  /** `stored`: complete and checked; `partial`: an interrupted upload kept `offset` bytes; `absent`: nothing yet. */
  state: 'stored' | 'partial' | 'absent';
  offset: number;
}

type Doc = Record<string, unknown>;

/** The attachment documents naming a blob that `person` may read (deleted ones included: their files stay for the audit trail). */
export const readableDescriptions = (person: SyncPerson, docs: readonly Doc[]): Doc[] =>
  docs.filter((doc) => doc.kind === ATTACHMENT_KIND && canRead(person, 'activity', doc));

const sizeOf = (doc: Doc): number => {
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  return typeof data.size === 'number' ? data.size : -1;
};

export interface UploadRequest {
  sha256: string;
  /** `Upload-Offset` as sent (undefined: 0). */
  offset: string | undefined;
  /** `Upload-Length` as sent. */
  length: string | undefined;
  /** Bytes of this file the server already holds from earlier attempts. */
  received: number;
  isStored: boolean;
  /** The attachment documents naming the hash that the uploader may read. */
  descriptions: readonly Doc[];
}

export type UploadPlan =
  | { kind: 'already_stored' }
  | { kind: 'append'; offset: number; length: number };

/**
 * Judges an upload before its body is read: a hash, a described file, a length within the limit
 * that matches its description, and an offset where the server's copy ends. Errors carry the HTTP
 * status the endpoint answers with.
 */
export function planUpload(request: UploadRequest): Result<UploadPlan> & { status?: number } {
  const refuse = (status: number, code: Parameters<typeof fail>[0], message: string) => ({ ...fail(code, message), status });
  if (!isSha256(request.sha256)) return refuse(400, 'invalid_input', 'A blob is named by its SHA-256 in lower-case hex.');
  const length = Number(request.length);
  if (request.length === undefined || !Number.isSafeInteger(length) || length < 0) return refuse(400, 'invalid_input', 'Upload-Length must give the whole file’s size in bytes.');
  if (length > MAX_ATTACHMENT_BYTES) return refuse(413, 'file_too_large', tooLargeMessage('This file', length));
  if (request.descriptions.length === 0) return refuse(404, 'not_found', 'No attachment you may read describes this file; send its attachment first.');
  if (!request.descriptions.some((doc) => sizeOf(doc) === length)) return refuse(422, 'file_corrupt', `This file is ${length} bytes but its attachment says ${sizeOf(request.descriptions[0]!)}.`);
  if (request.isStored) return ok({ kind: 'already_stored' });
  const offset = request.offset === undefined ? 0 : Number(request.offset);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > length) return refuse(400, 'invalid_input', 'Upload-Offset must be a byte position within the file.');
  // Starting before the server's end is fine (the overlap is skipped); after it would leave a hole.
  if (offset > request.received) return refuse(409, 'conflict', `The server has ${request.received} bytes of this file; continue from there.`);
  return ok({ kind: 'append', offset, length });
}

/** The first byte a `Range: bytes=<n>-` header asks for (0 without one); null for ranges this endpoint does not serve. */
export function rangeStart(header: string | undefined, size: number): number | null {
  if (header === undefined) return 0;
  const match = /^bytes=(\d+)-$/.exec(header.trim());
  if (!match) return null;
  const start = Number(match[1]);
  return Number.isSafeInteger(start) && start < size ? start : null;
}
