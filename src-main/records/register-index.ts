import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BehaviorSubject, filter, type Observable } from 'rxjs';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { canReadScope, scopeOfRecord, type RecordScope } from '../../src-shared/records/record-scope';
import type { RegisterQuery } from '../../src-shared/records/record-contract';
import { defaultSort, indexRow, reverseSorted, rowMatcher, sortRows, type IndexedRow, type RegisterSort } from '../../src-shared/records/register-view';
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
  /** The one scope shared by every record of a kind everyone reads. */
  openScope: RecordScope;
}

const isReadByAnyone = (kind: AnyRecordKind) => (kind.readScope ?? 'anyone') === 'anyone';

/**
 * How many sort orders and matching lists a kind keeps (the oldest goes first): an ascending order
 * of every column (made ahead, `prepareOrders`) and a few more.
 */
const sortedKept = (kind: AnyRecordKind) => kind.fields.length * 2 + 4;
const MATCHING_KEPT = 16;
/** Quiet time after a change before the column orders are made again. */
const PREPARE_AFTER_MS = 1000;

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

/** Records read per page while the index is filled: each page holds the event loop for a few tens of milliseconds. */
const LOAD_PAGE = 1000;

/**
 * Every record as register rows, per kind, in host memory, kept current from the records
 * collection's change stream: sorting, filtering and scrolling a register of 100,000 records never
 * reads the database again. Rows carry their record's scope, so each reader gets only what they
 * may read. The index is filled once, in one pass over all records in pages (`warm`, started with
 * the host, so the first register opened need not wait for it); changes arriving meanwhile win
 * over the pages read after them.
 */
export function createRegisterIndex(db: LabDatabase) {
  const kinds = new Map<string, KindIndex>();
  let loaded: Promise<void> | null = null;
  let isLoading = false;
  let isDisposed = false;
  /** Records changed while the index was being filled: their page may hold an older version. */
  const changedWhileLoading = new Set<string>();

  const indexOfKind = (kind: AnyRecordKind): KindIndex => {
    let index = kinds.get(kind.kind);
    if (!index) {
      index = { rows: new Map(), version$: new BehaviorSubject(0), sorted: new Map(), matching: new Map(), openScope: { kind: kind.kind, managerIds: [], data: {} } };
      kinds.set(kind.kind, index);
    }
    return index;
  };

  const upsert = (index: KindIndex, kind: AnyRecordKind, raw: RecordDocument, isDeleted: boolean) => {
    if (isDeleted) index.rows.delete(raw.id);
    else {
      const { doc } = readStored(raw);
      // A kind everyone reads needs no scope per record (readers are checked for being active only).
      index.rows.set(raw.id, { row: indexRow(kind, doc), scope: isReadByAnyone(kind) ? index.openScope : scopeOfRecord(kind, doc) });
    }
  };

  const changed = (index: KindIndex) => {
    index.sorted.clear();
    index.matching.clear();
    index.version$.next(index.version$.value + 1);
    prepareSoon();
  };

  const sortedOf = (index: KindIndex, kind: AnyRecordKind, sort: RegisterSort): Entry[] => {
    const statusOrder = kind.statuses.map((s) => s.id);
    const key = `${sort.field} ${sort.direction}`;
    return remember(index.sorted, key, sortedKept(kind), () => {
      // The other direction of an order kept already is one pass, not a sort.
      const other = index.sorted.get(`${sort.field} ${sort.direction === 'asc' ? 'desc' : 'asc'}`);
      if (other) return reverseSorted(other, sort.field, statusOrder, (e) => e.row);
      return sortRows([...index.rows.values()], sort, statusOrder, (e) => e.row);
    });
  };

  /**
   * Every column's ascending order, made ahead while the host is quiet (after the first fill, and
   * a second after the last change), so a click on a column header only filters a kept order: a
   * sort of 100,000 rows took most of the time a person waits after the click. One column per turn
   * of the event loop, so commands are not held up.
   */
  let prepareTimer: ReturnType<typeof setTimeout> | undefined;
  let isPreparing = false;
  function prepareSoon() {
    if (isLoading || isDisposed) return;
    clearTimeout(prepareTimer);
    prepareTimer = setTimeout(() => void prepareOrders(), PREPARE_AFTER_MS);
    prepareTimer.unref?.();
  }
  async function prepareOrders(): Promise<void> {
    if (isPreparing) return prepareSoon();
    isPreparing = true;
    try {
      for (const [name, index] of kinds) {
        const kind = recordKindOf(name);
        if (!kind || index.rows.size === 0) continue;
        const version = index.version$.value;
        for (const field of kind.fields) {
          await yieldToEventLoop();
          // A change meanwhile starts the orders over after the next quiet second.
          if (isDisposed || index.version$.value !== version) return;
          sortedOf(index, kind, { field: field.field, direction: 'asc' });
        }
      }
    } finally {
      isPreparing = false;
    }
  }

  const changes = db.records.$.subscribe((event: { documentId: string; documentData: RecordDocument; operation: string }) => {
    const kind = recordKindOf(event.documentData.kind);
    if (!kind) return;
    if (isLoading) changedWhileLoading.add(event.documentData.id);
    const index = indexOfKind(kind);
    upsert(index, kind, event.documentData, event.operation === 'DELETE' || (event.documentData as { _deleted?: boolean })._deleted === true);
    changed(index);
  });

  async function loadAll(): Promise<void> {
    isLoading = true;
    let after = '';
    for (;;) {
      // Straight from the storage: RxDB's query cache would keep every page's documents (100 queries'
      // worth), more than twice the memory of the index itself at 100,000 records.
      const query = db.records.find({ selector: after ? { id: { $gt: after } } : {}, sort: [{ id: 'asc' }], limit: LOAD_PAGE });
      const page = (await db.records.storageInstance.query(query.getPreparedQuery())).documents as unknown as RecordDocument[];
      if (isDisposed) return;
      for (const raw of page) {
        const kind = recordKindOf(raw.kind);
        if (kind && !changedWhileLoading.has(raw.id)) upsert(indexOfKind(kind), kind, raw, false);
      }
      if (page.length < LOAD_PAGE) break;
      after = page[page.length - 1]?.id ?? after;
      await yieldToEventLoop();
    }
    isLoading = false;
    changedWhileLoading.clear();
    for (const index of kinds.values()) changed(index);
  }

  // A failed fill (the database closing under it) is tried again by the next register asked for.
  const ready = () =>
    (loaded ??= loadAll().catch((error: unknown) => {
      loaded = null;
      isLoading = false;
      throw error;
    }));

  return {
    /** Starts filling the index in the background (with the host), so the first register opens quickly. */
    warm(): void {
      ready().catch(() => undefined);
    },
    /** The kind's index, once the index is filled. */
    async of(kind: AnyRecordKind): Promise<KindIndex> {
      await ready();
      return indexOfKind(kind);
    },
    /** Emits whenever the kind's records change (after the first load). */
    changes$(index: KindIndex): Observable<number> {
      return index.version$.pipe(filter((v) => v >= 0));
    },
    /** The rows `actor` may read. */
    readable(index: KindIndex, kind: AnyRecordKind, actor: RecordActor): IndexedRow[] {
      const isOpen = isReadByAnyone(kind) && actor.isActive;
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
        const sorted = sortedOf(index, kind, sort);
        const isOpen = isReadByAnyone(kind) && actor.isActive;
        const isMatch = rowMatcher(query);
        const rows: IndexedRow[] = [];
        for (const { row, scope } of sorted) if ((isOpen || canReadScope(kind, actor, scope)) && isMatch(row)) rows.push(row);
        return rows;
      });
    },
    dispose() {
      isDisposed = true;
      clearTimeout(prepareTimer);
      changes.unsubscribe();
      for (const index of kinds.values()) index.version$.complete();
    },
  };
}

export type RegisterIndex = ReturnType<typeof createRegisterIndex>;
