import { renderToBuffer } from '@react-pdf/renderer';
import type { LabDatabase } from '../database/open-database';
import type { DocumentData, DocumentTemplate } from './document-template';
import { registerDocumentFonts } from './pdf-fonts';

/** Renders a template to PDF bytes in the host (plain Node: serve mode, the desktop's main process, tests), after loading what it needs beyond `data` from `db`. */
export async function renderDocument(template: DocumentTemplate, data: DocumentData, db?: LabDatabase): Promise<{ bytes: Buffer; pages: number }> {
  registerDocumentFonts();
  if (template.load && !db) throw new Error(`The ${template.id} template reads the database: pass it.`);
  const extra = template.load && db ? await template.load(db, data) : undefined;
  const bytes = await renderToBuffer(template.render(data, extra));
  return { bytes, pages: pageCount(bytes) };
}

/** Pages of a PDF LabFlow wrote (pdfkit writes each page object as `/Type /Page`). */
export function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
