import { Readable } from 'node:stream';
import type { Host } from '../../../src-main/host/create-host';
import { fileRoutesOf } from '../../../src-main/files/files-feature';
import type { FileResponse } from '../../../src-main/files/file-routes';
import type { AttachmentView } from '../../../src-shared/files/attachment-contract';
import { value, type Client } from '../tasks/project-fixture';

/** Drives a host's file routes the way the UI does (serve mode's HTTP server hands them the same requests). */
export async function fileKey(client: Client): Promise<string> {
  return value(await client.call<{ key: string }>('files/access', {})).key;
}

export async function bodyText(response: FileResponse): Promise<string> {
  if (response.body === null || typeof response.body === 'string') return response.body ?? '';
  const chunks: Buffer[] = [];
  for await (const chunk of response.body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('latin1');
}

export async function sendFile(host: Host, key: string, bytes: Uint8Array | AsyncIterable<Uint8Array>, headers: Record<string, string> = {}) {
  const routes = fileRoutesOf(host.db)!;
  const body = bytes instanceof Uint8Array ? Readable.from([bytes]) : bytes;
  return routes({ method: 'POST', url: `/files/uploads?key=${key}`, headers, body });
}

export async function getFile(host: Host, key: string, path: string) {
  return fileRoutesOf(host.db)!({ method: 'GET', url: `${path}${path.includes('?') ? '&' : '?'}key=${key}`, headers: {}, body: null });
}

/** Uploads `bytes` and attaches them to the subject as `name`. */
export async function attach(host: Host, client: Client, subject: { subjectType: string; subjectId: string; stepId?: string }, name: string, bytes: Uint8Array, mediaType = '') {
  const key = await fileKey(client);
  const sent = await sendFile(host, key, bytes);
  if (sent.status !== 201) throw new Error(`upload refused: ${sent.status} ${await bodyText(sent)}`);
  const { uploadId } = JSON.parse(await bodyText(sent)) as { uploadId: string };
  return client.call<AttachmentView>('attachments/add', { ...subject, uploadId, name, mediaType });
}

/** A small but real PDF (one page, "Calibration certificate"), written by hand. */
export function tinyPdf(text = 'Calibration certificate'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
