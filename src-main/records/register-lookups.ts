import type { PersonDocument } from '../../src-shared/people/person';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { canReadRecordDoc, readStored } from './record-store';

const idsIn = (rows: readonly { values: Record<string, unknown> }[], fields: readonly string[]) =>
  [...new Set(rows.flatMap((row) => fields.map((f) => row.values[f]).filter((v): v is string => typeof v === 'string' && v !== '')))];

/**
 * Titles of the records that `record` fields of these rows point to, for those `actor` may read
 * (others keep their id, as a link the person cannot open would); a field pointing to a project
 * (`recordKind: 'project'`) shows its code and name.
 */
export async function recordTitles(db: LabDatabase, kind: AnyRecordKind, rows: readonly { values: Record<string, unknown> }[], actor: RecordActor): Promise<Map<string, string>> {
  const references = kind.fields.filter((f) => f.type === 'record');
  const ids = idsIn(rows, references.filter((f) => f.recordKind !== 'project').map((f) => f.field));
  const projectIds = idsIn(rows, references.filter((f) => f.recordKind === 'project').map((f) => f.field));
  const titles = new Map<string, string>();
  if (projectIds.length > 0) {
    for (const project of (await db.projects.findByIds(projectIds).exec()).values()) titles.set(String(project.get('id')), `${String(project.get('code'))} ${String(project.get('name'))}`);
  }
  if (ids.length === 0) return titles;
  const docs = await db.records.findByIds(ids).exec();
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
