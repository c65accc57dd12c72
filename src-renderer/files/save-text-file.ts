import type { ExportFile } from '../../src-shared/records/register-contract';
import { saveFromHost } from './file-urls';

/** Offers a blob as a file download (works in Electron and in serve mode's browser alike). */
export function saveBlobFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  saveFromHost(url, fileName);
  // Revoked on the next turn: the download may start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Offers text as a file download. */
export function saveTextFile(fileName: string, text: string, mimeType: string): void {
  saveBlobFile(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

/** An export the host wrote (text for CSV, base64 for a workbook) as a blob to save. */
export function exportBlobOf(file: ExportFile): Blob {
  if (file.encoding === 'text') return new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: file.mimeType });
}
