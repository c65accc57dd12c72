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
