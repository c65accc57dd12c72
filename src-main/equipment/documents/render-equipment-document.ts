import { fail, ok, type Result } from '../../../src-shared/core/result';
import type { RenderedDocument } from '../../../src-shared/equipment/equipment-views';
import type { LabDatabase } from '../../database/open-database';
import { loadDocumentData } from '../../documents/document-data';
import { documentTemplateOf } from '../../documents/document-templates';
import { renderDocument } from '../../documents/render-document';
import { fileServiceOf } from '../../files/file-service';

export type DocumentKind = 'rfq' | 'purchase_order' | 'history_card';

/** Each equipment document, its template (src-main/documents/templates/) and the record kind it prints. */
const documents: Record<DocumentKind, { template: string; recordKind: string; missing: string }> = {
  rfq: { template: 'rfq', recordKind: 'rfq', missing: 'That RFQ no longer exists.' },
  purchase_order: { template: 'purchase_order', recordKind: 'purchase_order', missing: 'That purchase order no longer exists.' },
  history_card: { template: 'equipment_history_card', recordKind: 'equipment', missing: 'That instrument no longer exists.' },
};

/**
 * An equipment document as a PDF through the shared documents mechanism (letterhead from Settings →
 * Organisation, page numbers, who generated it and when), for `personId` at `now`: downloaded from
 * the equipment screens and attached to the emails sent to suppliers. The same templates are offered
 * by the Print / PDF action on these records, where a copy can be kept.
 */
export async function renderEquipmentDocument(db: LabDatabase, kind: DocumentKind, id: string, personId: string, now: Date): Promise<Result<RenderedDocument>> {
  const { template: templateId, recordKind, missing } = documents[kind];
  const template = documentTemplateOf(templateId);
  if (!template) return fail('invalid_state', `The ${templateId} document template is missing from this LabFlow.`);
  const loaded = await loadDocumentData(db, fileServiceOf(db)?.blobs ?? null, { subjectType: 'records', subjectId: id, personId, now });
  if (!loaded.ok || loaded.value.kind !== recordKind) return fail('not_found', missing);
  const { bytes } = await renderDocument(template, loaded.value.data, db);
  return ok({ fileName: template.fileName(loaded.value.data), contentType: 'application/pdf', base64: bytes.toString('base64') });
}
