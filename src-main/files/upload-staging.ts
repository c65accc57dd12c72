import { randomBytes } from 'node:crypto';
import type { ReceivedFile } from './blob-store';

/**
 * Files a person sent to the host's upload route that no attachment names yet. `attachments/add`
 * takes one by its id — only the person who sent it, only once — and stores it under its hash;
 * uploads nobody attaches within an hour are dropped, so abandoned files do not pile up.
 */
export interface StagedUpload extends ReceivedFile {
  personId: string;
  at: number;
}

export interface UploadStaging {
  add(personId: string, file: ReceivedFile, now: Date): string;
  /** Removes and returns the person's upload; null when unknown, expired or someone else's. */
  take(personId: string, uploadId: string, now: Date): StagedUpload | null;
  /** Uploads older than the limit, removed from the list (their files are for the caller to delete). */
  expire(now: Date): StagedUpload[];
}

export const UPLOAD_TTL_MS = 60 * 60_000;

export function createUploadStaging(): UploadStaging {
  const uploads = new Map<string, StagedUpload>();
  return {
    add(personId, file, now) {
      const id = `U${randomBytes(12).toString('base64url')}`;
      uploads.set(id, { ...file, personId, at: now.getTime() });
      return id;
    },
    take(personId, uploadId, now) {
      const upload = uploads.get(uploadId);
      if (!upload || upload.personId !== personId || now.getTime() - upload.at > UPLOAD_TTL_MS) return null;
      uploads.delete(uploadId);
      return upload;
    },
    expire(now) {
      const gone = [...uploads].filter(([, u]) => now.getTime() - u.at > UPLOAD_TTL_MS);
      for (const [id] of gone) uploads.delete(id);
      return gone.map(([, u]) => u);
    },
  };
}
