import { BehaviorSubject, filter, type Observable } from 'rxjs';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { canReadScope, scopeOfRecord, type RecordScope } from '../../src-shared/records/record-scope';
import { indexRow, type IndexedRow } from '../../src-shared/records/register-view';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { readStored } from './record-store';

interface KindIndex {
  rows: Map<string, { row: IndexedRow; scope: RecordScope }>;
  /** Bumped on every change of the kind's records. */
  version$: BehaviorSubject<number>;
}

/**
 * Every record of a kind as register rows, in host memory once a register of the kind was opened,
 * kept current from the records collection's change stream: sorting, filtering and scrolling a
 * register of 100,000 records never reads the database again. Rows carry their record's scope, so
 * each reader gets only what they may read.
 */
export function createRegisterIndex(db: LabDatabase) {
  const kinds = new Map<string, KindIndex>();
  const loading = new Map<string, Promise<KindIndex>>();

  const upsert = (index: KindIndex, kind: AnyRecordKind, raw: RecordDocument, isDeleted: boolean) => {
    if (isDeleted) index.rows.delete(raw.id);
    else {
      const { doc } = readStored(raw);
      index.rows.set(raw.id, { row: indexRow(kind, doc), scope: scopeOfRecord(kind, doc) });
    }
  };

  const changes = db.records.$.subscribe((event: { documentId: string; documentData: RecordDocument; operation: string }) => {
    const index = kinds.get(event.documentData.kind);
    const kind = recordKindOf(event.documentData.kind);
    if (!index || !kind) return;
    upsert(index, kind, event.documentData, event.operation === 'DELETE' || (event.documentData as { _deleted?: boolean })._deleted === true);
    index.version$.next(index.version$.value + 1);
  });

  async function load(kind: AnyRecordKind): Promise<KindIndex> {
    const index: KindIndex = { rows: new Map(), version$: new BehaviorSubject(0) };
    const docs = await db.records.find({ selector: { kind: kind.kind } }).exec();
    for (const d of docs) upsert(index, kind, d.toJSON() as RecordDocument, false);
    kinds.set(kind.kind, index);
    return index;
  }

  return {
    /** The kind's index, loaded on first use. */
    async of(kind: AnyRecordKind): Promise<KindIndex> {
      const ready = kinds.get(kind.kind);
      if (ready) return ready;
      let pending = loading.get(kind.kind);
      if (!pending) {
        pending = load(kind);
        loading.set(kind.kind, pending);
      }
      return pending;
    },
    /** Emits whenever the kind's records change (after the first load). */
    changes$(index: KindIndex): Observable<number> {
      return index.version$.pipe(filter((v) => v >= 0));
    },
    /** The rows `actor` may read. */
    readable(index: KindIndex, kind: AnyRecordKind, actor: RecordActor): IndexedRow[] {
      const isOpen = (kind.readScope ?? 'anyone') === 'anyone' && actor.isActive;
      const rows: IndexedRow[] = [];
      for (const { row, scope } of index.rows.values()) if (isOpen || canReadScope(kind, actor, scope)) rows.push(row);
      return rows;
    },
    dispose() {
      changes.unsubscribe();
      for (const index of kinds.values()) index.version$.complete();
    },
  };
}

export type RegisterIndex = ReturnType<typeof createRegisterIndex>;
