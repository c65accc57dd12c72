import { saveFromHost } from './file-urls';

/** Offers text as a file download (works in Electron and in serve mode's browser alike). */
export function saveTextFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  saveFromHost(url, fileName);
  // Revoked on the next turn: the download may start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
