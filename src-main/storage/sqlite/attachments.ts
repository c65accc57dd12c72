import type { BulkWriteRow, CategorizeBulkWriteRowsOutput, RxAttachmentWriteData } from 'rxdb';
import type { Statement } from 'better-sqlite3';
import type { SqliteConnection } from './connection-pool';

/**
 * Attachment bytes of a collection whose schema declares `attachments`, in a side table
 * (`<table>__attachments`) next to the documents. The document JSON keeps only RxDB's metadata
 * (digest, length, type); the bytes are read only when getAttachmentData() asks for them.
 */

/** The bytes of every Blob in a write, read before the synchronous SQLite transaction starts. */
export type AttachmentBlobs = Map<Blob, Buffer>;

export async function readAttachmentBlobs<RxDocType>(rows: BulkWriteRow<RxDocType>[]): Promise<AttachmentBlobs> {
  const blobs: AttachmentBlobs = new Map();
  for (const row of rows) {
    const attachments = (row.document._attachments ?? {}) as Record<string, Partial<RxAttachmentWriteData>>;
    for (const attachment of Object.values(attachments)) {
      const data = attachment.data;
      if (data && !blobs.has(data)) blobs.set(data, Buffer.from(await data.arrayBuffer()));
    }
  }
  return blobs;
}

export class AttachmentStore {
  // Compiled on first use: the table may only be created then (see table-setup.ts).
  private statements: Record<'put' | 'remove' | 'removeAll' | 'select', Statement<unknown[], unknown>> | undefined;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly table: string,
  ) {}

  /** Applies the attachment changes RxDB's categorizeBulkWriteRows() derived; inside the write transaction. */
  apply<RxDocType>(categorized: CategorizeBulkWriteRowsOutput<RxDocType>, blobs: AttachmentBlobs): void {
    const sql = this.sql();
    for (const change of [...categorized.attachmentsAdd, ...categorized.attachmentsUpdate]) {
      const bytes = blobs.get(change.attachmentData.data);
      if (!bytes) throw new Error(`Attachment "${change.attachmentId}" of "${change.documentId}" has no data`);
      sql.put.run(change.documentId, change.attachmentId, change.digest, change.attachmentData.type, bytes);
    }
    for (const change of categorized.attachmentsRemove) sql.remove.run(change.documentId, change.attachmentId);
  }

  removeAllOf(documentId: string): void {
    this.sql().removeAll.run(documentId);
  }

  read(documentId: string, attachmentId: string, digest: string): Blob {
    const row = this.sql().select.get(documentId, attachmentId) as { digest: string; type: string; data: Buffer } | undefined;
    if (!row || row.digest !== digest) {
      throw new Error(`Attachment "${attachmentId}" of document "${documentId}" with digest ${digest} does not exist`);
    }
    // Copy into a plain Uint8Array: Blob's typings reject a Buffer that may sit on a SharedArrayBuffer.
    return new Blob([new Uint8Array(row.data)], { type: row.type });
  }

  private sql() {
    if (!this.statements) {
      const t = this.table;
      const s = (sql: string) => this.connection.statement(sql);
      this.statements = {
        put: s(`INSERT OR REPLACE INTO ${t} (doc_id, attachment_id, digest, type, data) VALUES (?, ?, ?, ?, ?)`),
        remove: s(`DELETE FROM ${t} WHERE doc_id = ? AND attachment_id = ?`),
        removeAll: s(`DELETE FROM ${t} WHERE doc_id = ?`),
        select: s(`SELECT digest, type, data FROM ${t} WHERE doc_id = ? AND attachment_id = ?`),
      };
    }
    return this.statements;
  }
}
