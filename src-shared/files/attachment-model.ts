import { z } from 'zod';
import type { BaseDocument } from '../db/base-fields';

/**
 * Attachments: files on a record, project, task, meeting or workflow step. The bytes live once per
 * content in the data folder, named by their SHA-256 (`attachments/ab/cdef…`), so a file attached
 * twice is stored once and a damaged copy is recognised. What a person sees — name, type, size,
 * who attached it and when — is an `activity` document of kind `attachment` on its subject, so it
 * replicates like a comment and is read by exactly those who may read the subject
 * (src-shared/sync/read-scope.ts stamps a record's scope on it).
 */

/** The largest file a person may attach (the spec's 50 MB). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export const ATTACHMENT_KIND = 'attachment';

/** What an attachment may be about: collection names, as links name them. */
export const attachmentSubjectTypes = ['records', 'projects', 'tasks', 'meetings', 'workflow_instances'] as const;
export type AttachmentSubjectType = (typeof attachmentSubjectTypes)[number];
export const isSubjectType = (value: unknown): value is AttachmentSubjectType => attachmentSubjectTypes.includes(value as AttachmentSubjectType);

/** Lower-case hex SHA-256: the file's name in every store. */
export const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/**
 * The two path parts of a blob under a store's root: the first two hex digits as a folder, so no
 * folder holds more than 1/256 of the files. Null for anything that is not a SHA-256, so a crafted
 * name can never reach outside the store.
 */
export function blobPathParts(sha256: string): [folder: string, file: string] | null {
  return isSha256(sha256) ? [sha256.slice(0, 2), sha256.slice(2)] : null;
}

/** Where an attachment came from: a person's file, or a document LabFlow generated (immutable). */
export const attachmentSources = ['upload', 'generated'] as const;

const fileName = z
  .string()
  .trim()
  .min(1, 'The file needs a name.')
  .max(255, 'A file name has at most 255 characters.')
  // Names are shown and offered when saving; control characters and separators have no place there.
  .refine((name) => [...name].every((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && c !== '/' && c !== '\\'), 'A file name cannot contain slashes or control characters.');

/** `type/subtype`, as browsers report it; parameters and odd characters are not kept. */
export const mediaTypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'Unknown file type.');

/** `data` of an attachment document. Everything but the subject's stamped scope is fixed once written. */
export const attachmentDataSchema = z.object({
  name: fileName,
  mediaType: mediaTypeSchema,
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES, 'Files can be at most 50 MB.'),
  sha256: z.string().refine(isSha256, 'Not a SHA-256 hash.'),
  source: z.enum(attachmentSources),
  /** The template a generated document was made with (documents/…). */
  template: z.string().max(60).optional(),
  /** The number a generated document shows: the subject's final number or code when it was kept. */
  number: z.string().max(60).optional(),
  /**
   * A file given at a workflow step: the instance and the step. An instance about a record files
   * it on the record (so it is read under the record's scope); otherwise the instance is the subject.
   */
  workflowInstanceId: z.string().max(40).optional(),
  stepId: z.string().max(80).optional(),
});
export type AttachmentData = z.infer<typeof attachmentDataSchema>;

/** The stored attachment document (activity collection). */
export interface AttachmentDocument extends BaseDocument {
  kind: typeof ATTACHMENT_KIND;
  subjectType: AttachmentSubjectType;
  subjectId: string;
  at: string;
  /** Who attached it. */
  personId: string;
  /** The project of a task's attachment, so a project can list its files. */
  projectId?: string;
  data: AttachmentData & { subjectScope?: Record<string, unknown> };
}

/** What the app can show inside a window. Everything else is offered for saving only. */
export type PreviewKind = 'image' | 'pdf' | 'none';

/**
 * Images a browser shows without running anything (no SVG: it can carry script) and PDFs. Decides
 * both the preview and whether the host serves the bytes inline.
 */
export function previewKindOf(mediaType: string): PreviewKind {
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'].includes(mediaType)) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  return 'none';
}

const typesByExtension: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
  svg: 'image/svg+xml', txt: 'text/plain', csv: 'text/csv', json: 'application/json', xml: 'application/xml', zip: 'application/zip',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** The type a browser reported, or one guessed from the name's extension when it reported none. */
export function mediaTypeFor(name: string, reported: string): string {
  if (reported) return reported;
  const extension = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return typesByExtension[extension] ?? 'application/octet-stream';
}

/** "12.4 MB", "830 KB", "512 bytes". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The refusal for a file over the limit, in the words a person sees. */
export const tooLargeMessage = (name: string, size: number): string =>
  `“${name}” is ${formatFileSize(size)}; files can be at most ${formatFileSize(MAX_ATTACHMENT_BYTES)}.`;

export const isAttachmentDocument = (doc: Record<string, unknown> | null | undefined): boolean => doc?.kind === ATTACHMENT_KIND;
