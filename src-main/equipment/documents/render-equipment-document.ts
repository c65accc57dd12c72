import type { Result } from '../../../src-shared/core/result';
import type { RenderedDocument } from '../../../src-shared/equipment/equipment-views';
import type { LabDatabase } from '../../database/open-database';
import { renderRecordDocument } from '../../documents/render-record-document';

export type DocumentKind = 'rfq' | 'purchase_order' | 'history_card';

/** Each equipment document, its template (src-main/documents/templates/) and the record kind it prints. */
const documents: Record<DocumentKind, { templateId: string; recordKind: string; missing: string }> = {
  rfq: { templateId: 'rfq', recordKind: 'rfq', missing: 'That RFQ no longer exists.' },
  purchase_order: { templateId: 'purchase_order', recordKind: 'purchase_order', missing: 'That purchase order no longer exists.' },
  history_card: { templateId: 'equipment_history_card', recordKind: 'equipment', missing: 'That instrument no longer exists.' },
};

/**
 * An equipment document as a PDF (render-record-document.ts): downloaded from the equipment screens
 * and attached to the emails sent to suppliers. The same templates are offered by the Print / PDF
 * action on these records, where a copy can be kept.
 */
export const renderEquipmentDocument = (db: LabDatabase, kind: DocumentKind, id: string, personId: string, now: Date): Promise<Result<RenderedDocument>> =>
  renderRecordDocument(db, documents[kind], id, personId, now);
