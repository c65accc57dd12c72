import type { ReactElement } from 'react';
import type { SignatureLine } from '../../src-shared/documents/signature-lines';
import type { OrganisationData } from '../../src-shared/documents/organisation-profile-kind';
import type { AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import type { RecordDocument } from '../../src-shared/records/record-document';

/**
 * A document template: one file in templates/ exporting one of these, listed in
 * document-templates.ts. It declares which subjects it prints (`prints`) and renders them with the shared frame
 * (letterhead, page numbers, signature block: components/). Everything it prints comes in
 * `DocumentData`, loaded once by document-data.ts, so a template is only layout.
 */
export interface DocumentField {
  label: string;
  value: string;
}

export interface DocumentData {
  organisation: OrganisationData | null;
  /** The logo's bytes (checked against their hash), when one is set and on this PC. */
  logo: Buffer | null;
  subject: {
    type: AttachmentSubjectType;
    id: string;
    /** The record, for record subjects (data upgraded to its kind's version). */
    record: RecordDocument | null;
    /** The subject as stored (a meeting, task or project for templates of those; the raw record for records). */
    doc: Readonly<Record<string, unknown>>;
    /** For a record: the records under it (parentId) that the person may read, oldest first, data upgraded. */
    children: RecordDocument[];
    kindLabel: string;
    title: string;
    number: string;
    /** False for a team PC's provisional number (src-shared/documents/document-numbering.ts): printed as a draft, not kept. */
    numberIsFinal: boolean;
    statusLabel: string;
    /** The kind's fields with their values as text, in the kind's order. */
    fields: DocumentField[];
  };
  signatures: SignatureLine[];
  /** Names of the people the record mentions, by id. */
  people: ReadonlyMap<string, string>;
  generatedAt: string;
  generatedBy: string;
  /** The zone times are printed in (the host's). */
  timeZone: string;
}

export interface DocumentTemplate {
  id: string;
  label: string;
  /**
   * What it prints: records of the kinds it is written for (a quotation, an invoice — offered first
   * on such a record), or any subject of these types (a generic template such as the summary).
   */
  prints: { recordKinds: readonly string[] } | { subjectTypes: readonly AttachmentSubjectType[] };
  /** The PDF's file name, e.g. "PR-2026-0004 Purchase request.pdf". */
  fileName(data: DocumentData): string;
  render(data: DocumentData): ReactElement;
}
