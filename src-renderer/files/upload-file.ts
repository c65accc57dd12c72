import { MAX_ATTACHMENT_BYTES, tooLargeMessage } from '../../src-shared/files/attachment-model';
import { fileUrl } from './file-urls';

export type UploadResult = { ok: true; uploadId: string } | { ok: false; message: string };

/**
 * Sends one file to the host's upload route, reporting progress (XMLHttpRequest: fetch cannot tell
 * how much of a body was sent). A file over the limit is refused here before a byte is sent; the
 * host checks again.
 */
export function uploadFile(file: File, key: string, onProgress: (fraction: number) => void): Promise<UploadResult> {
  if (file.size > MAX_ATTACHMENT_BYTES) return Promise.resolve({ ok: false, message: tooLargeMessage(file.name, file.size) });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', fileUrl('/files/uploads', key));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const body = JSON.parse(request.responseText) as { uploadId?: string; error?: { message?: string } };
        resolve(request.status === 201 && body.uploadId ? { ok: true, uploadId: body.uploadId } : { ok: false, message: body.error?.message ?? `The upload was refused (${request.status}).` });
      } catch {
        resolve({ ok: false, message: `The upload was refused (${request.status}).` });
      }
    };
    request.onerror = () => resolve({ ok: false, message: `“${file.name}” could not be sent to LabFlow. Try again.` });
    request.send(file);
  });
}
