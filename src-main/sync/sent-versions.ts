import { isSameValue } from '../../src-shared/sync/conflicts';

type Doc = Record<string, unknown>;
type Row = { newDocumentState: Doc; assumedMasterState?: Doc | null };

/**
 * What this PC last pushed of a document the server answered with a version of its own (it stamped
 * a number, merged, or kept its version), so a later push of the same document goes with the right
 * base. RxDB records the server's answer as the document's assumed master state only when it can also
 * write that answer into the local database; when the person changed the document again while the
 * push was on its way (an offline PC retries the same push until the network is back), that write
 * is refused as a conflict and RxDB keeps its older assumed state: `null` for a document created
 * offline. The next push then looked like a second, independent creation (or an edit of an older
 * version), and the server kept its own version over the person's edit.
 *
 * The right base of that next push is the version this PC sent: the new state is that version plus
 * the person's later edits, so the server merges exactly those edits into whatever it holds (its
 * stamps and anyone else's changes stay). It is used only while RxDB still assumes what it assumed
 * for the push we remember; once RxDB has moved on (it stored the answer, or a later server version
 * reached it), RxDB knows better and the memory is dropped. In memory only: after a restart in that
 * window the old behaviour (the server keeps its version and records the edit as lost) returns.
 */
export interface SentVersions {
  /** `row` with the base this PC's own last push gives it, when RxDB's assumed state is stale. */
  withBase<R extends Row>(id: string, row: R): R;
  /** Remembers pushed rows the server answered with its own version (ids in `answeredWithServerVersion`). */
  remember(rows: readonly { id: string; sent: Row }[], answeredWithServerVersion: ReadonlySet<string>): void;
}

export function createSentVersions(): SentVersions {
  const byId = new Map<string, { sent: Doc; rxdbAssumed: Doc | null }>();
  return {
    withBase(id, row) {
      const known = byId.get(id);
      if (!known) return row;
      if (!isSameValue(known.rxdbAssumed, row.assumedMasterState ?? null)) {
        byId.delete(id);
        return row;
      }
      return { ...row, assumedMasterState: known.sent };
    },
    remember(rows, answered) {
      for (const { id, sent } of rows) {
        if (answered.has(id)) byId.set(id, { sent: sent.newDocumentState, rxdbAssumed: sent.assumedMasterState ?? null });
        else byId.delete(id);
      }
    },
  };
}
