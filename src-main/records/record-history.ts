import { combineLatest, from, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import type { HistoryEntry } from '../../src-shared/records/record-activity-contract';
import type { RecordDocument } from '../../src-shared/records/record-document';
import { recordHistory, type StatusNote } from '../../src-shared/records/record-history';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { QueryHandlers } from '../host/handler-types';
import { directoryPeople } from './record-actor';
import { recordActor$ } from './record-queries';
import { canReadRecordDoc, readStored } from './record-store';
import { personNames, recordTitles } from './register-lookups';

/**
 * Record fields (a customer, an order, a project) by number and title instead of their ids, for
 * the ones this person may read (others keep the id, as a link they could not open would).
 */
async function withRecordTitles(db: LabDatabase, actor: RecordActor, kind: AnyRecordKind | undefined, history: HistoryEntry[]): Promise<HistoryEntry[]> {
  if (!kind) return history;
  if (!history.some((e) => e.changes.some((c) => c.type === 'record'))) return history;
  const titles = new Map<string, string>();
  for (const field of kind.fields.filter((f) => f.type === 'record')) {
    const values = history.flatMap((e) => e.changes.filter((c) => c.field === `data.${field.field}`).flatMap((c) => [c.old, c.new]));
    for (const [id, title] of await recordTitles(db, { ...kind, fields: [field] }, values.map((v) => ({ values: { [field.field]: v } })), actor)) titles.set(id, title);
  }
  const titled = (v: unknown) => (typeof v === 'string' ? (titles.get(v) ?? v) : v);
  return history.map((e) => ({ ...e, changes: e.changes.map((c) => (c.type === 'record' ? { ...c, type: 'text' as const, old: titled(c.old), new: titled(c.new) } : c)) }));
}

const notShared = () => fail('not_found', 'That record no longer exists, or it is not shared with you.');

interface StatusNoteDocument {
  id: string;
  at: string;
  personId: string;
  data: { from: string; to: string; reason: string };
}

/**
 * `records/history`: the record's audit trail as its page shows it (record-history.ts), for anyone
 * who may read the record — unlike the full audit trail in Settings, which is for administrators.
 * Live: a change, a transition or a removal appears as it is written.
 */
export const recordHistoryQueryHandlers: QueryHandlers<'records/history'> = {
  'records/history': (input, context) =>
    combineLatest([
      context.db.audit.find({ selector: { recordId: input.id }, sort: [{ at: 'desc' }], limit: input.limit }).$,
      context.db.activity.find({ selector: { kind: 'status_change', subjectId: input.id } }).$,
      context.db.records.findOne(input.id).$,
      recordActor$(context.db, context.actor.id),
    ]).pipe(
      switchMap(([entries, notes, recordDoc, actor]) =>
        from(
          (async (): Promise<Result<HistoryEntry[]>> => {
            if (!recordDoc) return notShared();
            const record = readStored(recordDoc.toJSON() as RecordDocument);
            if (!canReadRecordDoc(actor, record)) return notShared();
            const names = personNames(await directoryPeople(context.db));
            const facts = entries.map((d) => d.toJSON() as AuditEntry).filter((e) => e.collectionName === 'records');
            const reasons = notes.map((d) => {
              const note = d.toJSON() as unknown as StatusNoteDocument;
              return { id: note.id, at: note.at, personId: note.personId, ...note.data } satisfies StatusNote;
            });
            return ok(await withRecordTitles(context.db, actor, record.kind, recordHistory(record.kind, facts, reasons, names)));
          })(),
        ),
      ),
    ),
};
