import { join } from 'node:path';
import { BehaviorSubject } from 'rxjs';
import type { TransferProgress } from '../../src-shared/files/attachment-contract';
import type { LabDatabase } from '../database/open-database';
import { createBlobStore, type BlobStore } from './blob-store';
import { createFileAccess, type FileAccess } from './file-access';
import { createUploadStaging, type UploadStaging } from './upload-staging';
import type { DraftDocuments } from './draft-documents';
import { createDraftDocuments } from './draft-documents';

/**
 * The files side of one host: its blob store (`<data folder>/attachments`), the keys of its file
 * routes, uploads waiting to be attached, generated documents not kept yet, and the transfers with
 * the sync server in progress. Found by the host's database, like team sync: a test process may run
 * several hosts.
 */
export interface FileService {
  /** Null when the host has no data folder (some tests): uploads are refused then. */
  blobs: BlobStore | null;
  access: FileAccess;
  uploads: UploadStaging;
  drafts: DraftDocuments;
  /** Transfers with the sync server by SHA-256 (blob-replication.ts). */
  transfers$: BehaviorSubject<ReadonlyMap<string, TransferProgress & { name: string }>>;
}

const services = new WeakMap<LabDatabase, FileService>();

export function createFileService(db: LabDatabase, dataDir: string | undefined): FileService {
  const blobs = dataDir ? createBlobStore(join(dataDir, 'attachments')) : null;
  const service: FileService = {
    blobs,
    access: createFileAccess(),
    uploads: createUploadStaging(),
    drafts: createDraftDocuments(blobs),
    transfers$: new BehaviorSubject<ReadonlyMap<string, TransferProgress & { name: string }>>(new Map()),
  };
  services.set(db, service);
  return service;
}

export const fileServiceOf = (db: LabDatabase): FileService | undefined => services.get(db);

export function forgetFileService(db: LabDatabase): void {
  services.get(db)?.transfers$.complete();
  services.delete(db);
}
