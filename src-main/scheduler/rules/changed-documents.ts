import type { CollectionName } from '../../../src-shared/db/schemas';
import type { LabDatabase } from '../../database/open-database';
import type { ChangedDocuments } from '../reminder-rule';

/** What any collection answers to `findByIds`: documents that still exist (deleted ones are left out). */
type ByIds = { findByIds(ids: string[]): { exec(): Promise<Map<string, { toJSON(): unknown }>> } };

/**
 * The changed documents of one collection as plain copies, and every changed id as an owner: a
 * deleted document is among the owners but not the documents, so its reminders are dropped.
 */
export async function changedDocumentsOf<T>(db: LabDatabase, changed: ChangedDocuments, name: CollectionName): Promise<{ owners: Set<string>; docs: T[] }> {
  const ids = [...(changed.get(name) ?? [])];
  if (ids.length === 0) return { owners: new Set(), docs: [] };
  const found = await (db[name] as unknown as ByIds).findByIds(ids).exec();
  return { owners: new Set(ids), docs: [...found.values()].map((d) => d.toJSON() as T) };
}
