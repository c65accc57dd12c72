import { saveFromHost } from '../files/file-urls';

/** Offers a file the host sent as base64 (a PDF) as a download; the reader opens it with their PDF viewer. */
export function saveBase64File(fileName: string, base64: string, mimeType: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  saveFromHost(url, fileName);
  // Revoked on the next turn: the download may start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
