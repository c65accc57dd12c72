import type { CollectionName } from '../../../src-shared/db/schemas';
import type { LabDatabase } from '../../database/open-database';
import type { ChangedDocuments } from '../reminder-rule';

/** Ids read from the storage at a time: a first sync hands the scheduler 100,000 changed ids in one round. */
const READ_SLICE = 2000;

/**
 * The changed documents of one collection as plain copies, and every changed id as an owner: a
 * deleted document is among the owners but not the documents, so its reminders are dropped.
 * Read straight from the storage in slices, without making RxDocuments of them: after a first
 * sync the round covers every document, and 55,000 RxDocuments (with their copies) were the
 * host's memory peak.
 */
export async function changedDocumentsOf<T>(db: LabDatabase, changed: ChangedDocuments, name: CollectionName): Promise<{ owners: Set<string>; docs: T[] }> {
  const ids = [...(changed.get(name) ?? [])];
  if (ids.length === 0) return { owners: new Set(), docs: [] };
  const storage = db[name].storageInstance;
  const docs: T[] = [];
  for (let start = 0; start < ids.length; start += READ_SLICE) {
    for (const stored of await storage.findDocumentsById(ids.slice(start, start + READ_SLICE), false)) docs.push(plainCopy(stored) as T);
  }
  return { owners: new Set(ids), docs };
}

/** The document as RxDocument's toJSON() gives it: without RxDB's own fields. */
function plainCopy(stored: Record<string, unknown>): Record<string, unknown> {
  const { _meta, _rev, _attachments, _deleted, ...fields } = stored;
  return fields;
}
