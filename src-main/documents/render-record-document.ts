import { fail, ok, type Result } from '../../src-shared/core/result';
import type { RenderedDocument } from '../../src-shared/equipment/equipment-views';
import type { LabDatabase } from '../database/open-database';
import { fileServiceOf } from '../files/file-service';
import { loadDocumentData } from './document-data';
import { documentTemplateOf } from './document-templates';
import { renderDocument } from './render-document';

/**
 * A record's document as a PDF through the shared mechanism (letterhead from Settings →
 * Organisation, page numbers, who generated it and when), for `personId` at `now`: what modules
 * attach to the emails their commands queue (an RFQ, a purchase order, a quotation). `missing` is
 * the refusal when the record is gone or of another kind.
 */
export async function renderRecordDocument(
  db: LabDatabase,
  document: { templateId: string; recordKind: string; missing: string },
  id: string,
  personId: string,
  now: Date,
): Promise<Result<RenderedDocument>> {
  const template = documentTemplateOf(document.templateId);
  if (!template) return fail('invalid_state', `The ${document.templateId} document template is missing from this LabFlow.`);
  const loaded = await loadDocumentData(db, fileServiceOf(db)?.blobs ?? null, { subjectType: 'records', subjectId: id, personId, now });
  if (!loaded.ok || loaded.value.kind !== document.recordKind) return fail('not_found', document.missing);
  const { bytes } = await renderDocument(template, loaded.value.data, db);
  return ok({ fileName: template.fileName(loaded.value.data), contentType: 'application/pdf', base64: bytes.toString('base64') });
}
