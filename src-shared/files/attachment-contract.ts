import { z } from 'zod';
import { command, query } from '../bridge/define';
import { attachmentSubjectTypes, mediaTypeSchema, type AttachmentData, type PreviewKind } from './attachment-model';

/**
 * Attachments between UI and host. The bytes never travel in bridge messages (they are limited to
 * 1 MB): the UI sends a file to the host's file route (`POST /files/uploads`, serve mode's HTTP
 * server or the desktop's app:// protocol) with the key from `files/access`, gets an upload id, and
 * `attachments/add` turns that upload into an attachment. Files are shown and saved from
 * `GET /files/attachments/<id>`, which checks the hash first: a damaged file is refused, never
 * served. Who may attach and remove: src-shared/files/attachment-access.ts (`forbidden`); a subject
 * the person may not read is `not_found`.
 */

const id = z.string().min(1).max(40);
const subject = {
  subjectType: z.enum(attachmentSubjectTypes),
  subjectId: id,
  /** For a workflow instance: the step the file is given at. */
  stepId: z.string().min(1).max(80).optional(),
};

/** Where the file is on this PC. */
export type AttachmentAvailability =
  /** Here, and its hash was right when last checked. */
  | 'available'
  /** Not on this PC yet: it is on its way from the sync server, or waits for it. */
  | 'missing'
  /** On this PC but its content no longer matches its hash: damaged. */
  | 'corrupt';

/** A file transfer with the sync server, for progress bars. */
export interface TransferProgress {
  direction: 'upload' | 'download';
  bytesDone: number;
  bytesTotal: number;
  /** The last failure, while it waits to try again. */
  error?: string;
}

export interface AttachmentView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  source: AttachmentData['source'];
  template?: string;
  /** The record number a generated document shows (final: src-shared/documents/document-numbering.ts). */
  number?: string;
  stepId?: string;
  addedBy: { id: string; name: string };
  addedAt: string;
  preview: PreviewKind;
  availability: AttachmentAvailability;
  transfer?: TransferProgress;
  canRemove: boolean;
}

export interface AttachmentList {
  items: AttachmentView[];
  /** Whether this person may add files here now. */
  canAttach: boolean;
  /** Why not, in words, when they may not. */
  cannotAttachReason?: string;
}

/** Every transfer with the sync server now, for Settings → Team sync and the status area. */
export interface TransferSummary {
  active: (TransferProgress & { sha256: string; name: string })[];
  /** Files waiting for their turn (or for the server). */
  waiting: number;
  failed: number;
}

/** What `files/access` returns: the key that opens this person's file routes while they stay signed in. */
export interface FileAccess {
  key: string;
}

export const attachmentContract = {
  /** The key for the file routes; it stops working when the person signs out or the session ends. */
  'files/access': command<FileAccess>()(z.object({})),
  /** Turns an upload (from `POST /files/uploads`) into an attachment of the subject. */
  'attachments/add': command<AttachmentView>()(
    z.object({
      ...subject,
      uploadId: z.string().min(1).max(80),
      name: z.string().trim().min(1, 'The file needs a name.').max(255, 'A file name has at most 255 characters.'),
      mediaType: mediaTypeSchema.or(z.literal('')).default(''),
    }),
  ),
  /** Hides the file; its bytes and its entry stay for the audit trail. */
  'attachments/remove': command<null>()(z.object({ id })),
  'attachments/list': query<AttachmentList>()(z.object(subject)),
  'attachments/transfers': query<TransferSummary>()(z.object({})),
};
