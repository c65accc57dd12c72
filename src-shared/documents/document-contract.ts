import { z } from 'zod';
import { command, query } from '../bridge/define';
import type { AttachmentView } from '../files/attachment-contract';
import { attachmentSubjectTypes } from '../files/attachment-model';
import type { OrganisationData } from './organisation-profile-kind';

/**
 * Generated documents (PDF) and the organisation's letterhead between UI and host. A document is
 * rendered in the host from one template component per kind (src-main/documents/templates/), with
 * the letterhead, page numbers and the e-signatures of the record's workflows; `documents/generate`
 * makes a draft the person can look at (`/files/documents/<draftId>`), `documents/keep` attaches it
 * to its subject for good (it never changes after that). Generating needs the right to read the
 * subject; keeping, the right to attach files to it. Only administrators change the organisation.
 */

const subject = { subjectType: z.enum(attachmentSubjectTypes), subjectId: z.string().min(1).max(40) };

export interface DocumentTemplateView {
  id: string;
  label: string;
}

export interface GeneratedDocument {
  draftId: string;
  name: string;
  size: number;
  pages: number;
  /** Why it cannot be kept as it is (a provisional number: document-numbering.ts); it can still be saved. */
  cannotKeepReason?: string;
}

export interface OrganisationView {
  /** Null until an administrator sets the organisation up. */
  profile: (OrganisationData & { updatedAt: string }) | null;
  canEdit: boolean;
}

export const organisationInputSchema = z.object({
  name: z.string(),
  address: z.string().default(''),
  taxId: z.string().default(''),
  defaultCurrency: z.string().default('EUR'),
  email: z.string().default(''),
  phone: z.string().default(''),
  bankDetails: z.string().default(''),
  /** An upload (POST /files/uploads) to become the new logo; absent keeps the current one. */
  logoUploadId: z.string().min(1).max(80).optional(),
  /** The logo file's type as the browser reported it. */
  logoMediaType: z.string().max(100).default(''),
  removeLogo: z.boolean().default(false),
});

export const documentContract = {
  /** The templates that can print this subject. */
  'documents/templates': query<DocumentTemplateView[]>()(z.object(subject)),
  'documents/generate': command<GeneratedDocument>()(z.object({ ...subject, template: z.string().min(1).max(60) })),
  'documents/keep': command<AttachmentView>()(z.object({ draftId: z.string().min(1).max(80) })),
  'organisation/get': query<OrganisationView>()(z.object({})),
  'organisation/save': command<OrganisationView>()(organisationInputSchema),
};
