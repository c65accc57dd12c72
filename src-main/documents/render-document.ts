import { renderToBuffer } from '@react-pdf/renderer';
import type { DocumentData, DocumentTemplate } from './document-template';
import { registerDocumentFonts } from './pdf-fonts';

/** Renders a template to PDF bytes in the host (plain Node: serve mode, the desktop's main process, tests). */
export async function renderDocument(template: DocumentTemplate, data: DocumentData): Promise<{ bytes: Buffer; pages: number }> {
  registerDocumentFonts();
  const bytes = await renderToBuffer(template.render(data));
  return { bytes, pages: pageCount(bytes) };
}

/** Pages of a PDF LabFlow wrote (pdfkit writes each page object as `/Type /Page`). */
export function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
