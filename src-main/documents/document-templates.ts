import type { DocumentTemplate } from './document-template';
import { purchaseRequestTemplate } from './templates/purchase-request';
import { recordSummaryTemplate } from './templates/record-summary';

/**
 * Every document LabFlow can generate, one line per template (like record-kinds.ts). A module adds
 * a document by writing its template file in templates/ and adding it here; the Print / PDF action
 * offers each template whose `appliesTo` accepts the subject, the most specific first.
 */
export const documentTemplates: readonly DocumentTemplate[] = [purchaseRequestTemplate, recordSummaryTemplate];

const byId = new Map(documentTemplates.map((t) => [t.id, t]));
if (byId.size !== documentTemplates.length) throw new Error('Two document templates share an id.');

export const documentTemplateOf = (id: string): DocumentTemplate | undefined => byId.get(id);
