import type { PersonDocument } from '../../src-shared/people/person';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { canReadRecordDoc, readStored } from './record-store';

/**
 * Titles of the records that `record` fields of these rows point to, for those `actor` may read
 * (others keep their id, as a link the person cannot open would).
 */
export async function recordTitles(db: LabDatabase, kind: AnyRecordKind, rows: readonly { values: Record<string, unknown> }[], actor: RecordActor): Promise<Map<string, string>> {
  const fields = kind.fields.filter((f) => f.type === 'record').map((f) => f.field);
  const ids = [...new Set(rows.flatMap((row) => fields.map((f) => row.values[f]).filter((v): v is string => typeof v === 'string' && v !== '')))];
  if (ids.length === 0) return new Map();
  const docs = await db.records.findByIds(ids).exec();
  const titles = new Map<string, string>();
  for (const doc of docs.values()) {
    const record = readStored(doc.toJSON() as RecordDocument);
    if (canReadRecordDoc(actor, record)) titles.set(record.doc.id, record.doc.number ? `${record.doc.number} ${record.doc.title}` : record.doc.title);
  }
  return titles;
}

/** Names from this PC's directory. */
export const personNames = (people: readonly PersonDocument[]) => {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (id: string) => names.get(id);
};
