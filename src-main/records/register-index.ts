import { BehaviorSubject, filter, type Observable } from 'rxjs';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { canReadScope, scopeOfRecord, type RecordScope } from '../../src-shared/records/record-scope';
import type { RegisterQuery } from '../../src-shared/records/record-contract';
import { defaultSort, indexRow, rowMatcher, sortRows, type IndexedRow, type RegisterSort } from '../../src-shared/records/register-view';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { readStored } from './record-store';

interface Entry {
  row: IndexedRow;
  scope: RecordScope;
}

interface KindIndex {
  rows: Map<string, Entry>;
  /** Bumped on every change of the kind's records. */
  version$: BehaviorSubject<number>;
  /**
   * Answers kept until the next change: every row in each sort order asked for, and the last
   * matching lists (per reader, words, filters and sort), so a filter only scans a sorted list and
   * a scroll only slices one.
   */
  sorted: Map<string, Entry[]>;
  matching: Map<string, IndexedRow[]>;
}

/** How many sort orders and matching lists a kind keeps (the oldest goes first). */
const SORTED_KEPT = 4;
const MATCHING_KEPT = 16;

function remember<T>(cache: Map<string, T>, key: string, limit: number, make: () => T): T {
  const found = cache.get(key);
  if (found) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const made = make();
  cache.set(key, made);
  if (cache.size > limit) cache.delete(cache.keys().next().value as string);
  return made;
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
    index.sorted.clear();
    index.matching.clear();
    index.version$.next(index.version$.value + 1);
  });

  async function load(kind: AnyRecordKind): Promise<KindIndex> {
    const index: KindIndex = { rows: new Map(), version$: new BehaviorSubject(0), sorted: new Map(), matching: new Map() };
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
    /**
     * Every row `actor` may read that matches the query's words and filters, in the query's order
     * (the page is cut by the caller). Kept until the kind's records change.
     */
    matching(index: KindIndex, kind: AnyRecordKind, actor: RecordActor, query: Pick<RegisterQuery, 'text' | 'filters' | 'sort'>): IndexedRow[] {
      const sort: RegisterSort = query.sort ?? defaultSort;
      const key = JSON.stringify([actor, query.text, query.filters, sort]);
      return remember(index.matching, key, MATCHING_KEPT, () => {
        const statusOrder = kind.statuses.map((s) => s.id);
        const sorted = remember(index.sorted, `${sort.field} ${sort.direction}`, SORTED_KEPT, () => sortRows([...index.rows.values()], sort, statusOrder, (e) => e.row));
        const isOpen = (kind.readScope ?? 'anyone') === 'anyone' && actor.isActive;
        const isMatch = rowMatcher(query);
        const rows: IndexedRow[] = [];
        for (const { row, scope } of sorted) if ((isOpen || canReadScope(kind, actor, scope)) && isMatch(row)) rows.push(row);
        return rows;
      });
    },
    dispose() {
      changes.unsubscribe();
      for (const index of kinds.values()) index.version$.complete();
    },
  };
}

export type RegisterIndex = ReturnType<typeof createRegisterIndex>;
