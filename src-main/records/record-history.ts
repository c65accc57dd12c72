import { combineLatest, from, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import type { HistoryEntry } from '../../src-shared/records/record-activity-contract';
import type { RecordDocument } from '../../src-shared/records/record-document';
import { recordHistory, type StatusNote } from '../../src-shared/records/record-history';
import type { QueryHandlers } from '../host/handler-types';
import { directoryPeople } from './record-actor';
import { recordActor$ } from './record-queries';
import { canReadRecordDoc, readStored } from './record-store';
import { personNames } from './register-lookups';

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
            return ok(recordHistory(record.kind, facts, reasons, names));
          })(),
        ),
      ),
    ),
};
