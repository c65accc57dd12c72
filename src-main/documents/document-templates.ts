import type { AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import type { DocumentTemplate } from './document-template';
import { creditNoteTemplate } from './templates/credit-note';
import { equipmentHistoryCardTemplate } from './templates/equipment-history-card';
import { invoiceTemplate } from './templates/invoice';
import { offerLetterTemplate } from './templates/offer-letter';
import { purchaseOrderTemplate } from './templates/purchase-order';
import { purchaseRequestTemplate } from './templates/purchase-request';
import { quotationTemplate } from './templates/quotation';
import { recordSummaryTemplate } from './templates/record-summary';
import { rfqTemplate } from './templates/rfq';

/**
 * Every document LabFlow can generate, one line per template (like record-kinds.ts). A module adds
 * a document by writing its template file in templates/ — declaring the record kinds it prints —
 * and adding it here; the Print / PDF action then offers it on those records before the generic
 * templates. Nothing else changes: data, letterhead, signatures, keeping and sync are shared.
 */
export const documentTemplates: readonly DocumentTemplate[] = [purchaseRequestTemplate, rfqTemplate, purchaseOrderTemplate, equipmentHistoryCardTemplate, quotationTemplate, invoiceTemplate, creditNoteTemplate, offerLetterTemplate, recordSummaryTemplate];

export interface PrintedSubject {
  type: AttachmentSubjectType;
  /** The record's kind, for records. */
  kind: string | null;
}

const byId = new Map(documentTemplates.map((t) => [t.id, t]));
if (byId.size !== documentTemplates.length) throw new Error('Two document templates share an id.');
for (const template of documentTemplates) {
  // A misspelt kind would silently never be offered; say so when the host starts instead.
  const unknown = 'recordKinds' in template.prints ? template.prints.recordKinds.filter((k) => !recordKindOf(k)) : [];
  if (unknown.length > 0) throw new Error(`Document template ${template.id} prints undeclared record kinds: ${unknown.join(', ')}.`);
}

export const documentTemplateOf = (id: string): DocumentTemplate | undefined => byId.get(id);

const isWrittenFor = (template: DocumentTemplate, subject: PrintedSubject): boolean =>
  'recordKinds' in template.prints && subject.type === 'records' && subject.kind !== null && template.prints.recordKinds.includes(subject.kind);

export const printsSubject = (template: DocumentTemplate, subject: PrintedSubject): boolean =>
  isWrittenFor(template, subject) || ('subjectTypes' in template.prints && template.prints.subjectTypes.includes(subject.type));

/** The templates that print `subject`: those written for its kind first, then the generic ones, each in list order. */
export function templatesFor(subject: PrintedSubject, templates: readonly DocumentTemplate[] = documentTemplates): DocumentTemplate[] {
  const fitting = templates.filter((t) => printsSubject(t, subject));
  return [...fitting.filter((t) => isWrittenFor(t, subject)), ...fitting.filter((t) => !isWrittenFor(t, subject))];
}
