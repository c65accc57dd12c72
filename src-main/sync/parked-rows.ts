import { BehaviorSubject } from 'rxjs';
import type { WireDocument } from '../../src-shared/sync/protocol';
import type { HeldDocuments } from '../database/held-documents';
import type { LabDatabase } from '../database/open-database';

/**
 * Local changes that wait to be sent (issue 18): each person's changes go to the server only with
 * that person's own sign-in, so a change by someone without one on this PC waits until they sign in
 * while the server is reachable; a change the server cannot judge yet (a workflow event after one
 * that waits, a timer not due by the server's clock) waits to be sent again; an audit entry waits for
 * its record. RxDB takes every row its push handler answered as pushed, so waiting rows are kept
 * here — with the state the server had when this PC last knew, which RxDB forgets — and held in the
 * database (held-documents.ts) so the replication neither overwrites nor resends them until released.
 * Kept in a local document (never replicated), written before the push is answered, so a crash in
 * between leaves the row waiting rather than lost.
 */

export type ParkReason =
  /** Its author has no server sign-in on this PC. */
  | 'author'
  /** The server cannot judge it yet. */
  | 'server'
  /** An audit entry whose record change has not been answered yet. */
  | 'record';

export interface ParkedRow {
  collection: string;
  id: string;
  /** The person whose sign-in sends it. */
  authorId: string;
  reason: ParkReason;
  /** The server's version when this PC last knew it (the row's assumed master state), null for a new document. */
  assumed: WireDocument | null;
  /** For `record`: the record the entry waits for, as `collection/id`. */
  waitsFor?: string;
  at: string;
}

interface StoredParkedRows {
  serverUrl: string;
  rows: ParkedRow[];
}

const PARKED_KEY = 'team-sync-parked';
const keyOf = (collection: string, id: string) => `${collection}/${id}`;

export function createParkedRows(db: LabDatabase, held: HeldDocuments) {
  const rows = new Map<string, ParkedRow>();
  const rows$ = new BehaviorSubject<readonly ParkedRow[]>([]);
  let serverUrl: string | null = null;
  let writing: Promise<void> = Promise.resolve();

  /** Stores the rows; writes one after another, so an older snapshot never lands last. */
  const persist = (): Promise<void> => {
    rows$.next([...rows.values()]);
    const snapshot: StoredParkedRows | null = serverUrl && rows.size > 0 ? { serverUrl, rows: [...rows.values()] } : null;
    const done = writing.then(async () => {
      if (snapshot) await db.upsertLocal<StoredParkedRows>(PARKED_KEY, snapshot);
      else await (await db.getLocal(PARKED_KEY))?.remove();
    });
    writing = done.catch(() => undefined);
    return done;
  };

  return {
    rows$,

    /** Takes up the rows waiting for `url`; rows for another server are dropped (their documents are sent afresh to the new one). */
    async open(url: string): Promise<void> {
      if (serverUrl === url) return;
      for (const row of rows.values()) held.forget(row.collection, row.id);
      rows.clear();
      serverUrl = url;
      const stored = (await db.getLocal<StoredParkedRows>(PARKED_KEY))?.toJSON().data as StoredParkedRows | undefined;
      if (stored?.serverUrl === url) {
        for (const row of stored.rows) {
          rows.set(keyOf(row.collection, row.id), row);
          held.hold(row.collection, row.id);
        }
      }
      await persist();
    },

    get: (collection: string, id: string): ParkedRow | null => rows.get(keyOf(collection, id)) ?? null,

    /** Parks rows (held until released) and stores them before returning. */
    async park(parked: readonly ParkedRow[]): Promise<void> {
      if (parked.length === 0) return;
      for (const row of parked) {
        rows.set(keyOf(row.collection, row.id), row);
        held.hold(row.collection, row.id);
      }
      await persist();
    },

    /** The server answered these rows (took, merged or refused them): they wait no more. */
    async settle(collection: string, ids: readonly string[]): Promise<void> {
      let changed = false;
      for (const id of ids) {
        if (!rows.delete(keyOf(collection, id))) continue;
        held.forget(collection, id);
        changed = true;
      }
      if (changed) await persist();
    },

    /**
     * Lets the rows `isDue` picks go to the server again (their author signed in, the server may now
     * judge them, their record was answered). Returns them, so their documents can be written again
     * and the replication sees a change to send.
     */
    release(isDue: (row: ParkedRow) => boolean): ParkedRow[] {
      const due = [...rows.values()].filter(isDue);
      for (const row of due) held.release(row.collection, row.id);
      return due;
    },

    dispose(): void {
      rows$.complete();
    },
  };
}

export type ParkedRows = ReturnType<typeof createParkedRows>;
