import { defaultConflictHandler, type RxConflictHandler } from 'rxdb';

/**
 * Documents whose local change waits to be sent (team sync's parked rows, src-main/sync/parked-rows.ts):
 * its author has no server sign-in on this PC, or the server cannot judge it yet. RxDB's replication
 * knows nothing of waiting: a row its push handler neither sends nor answers counts as pushed, and a
 * thrown error retries the whole batch, holding up every other change of the collection. So a held
 * row is answered as pushed, and this index — consulted by each collection's conflict handler —
 * keeps RxDB from treating it as pushed afterwards:
 *
 * - the downstream never overwrites it with a newer server version (it still has a local change), and
 * - the upstream does not send it again until it is released (its author signed in, or the server
 *   may now judge it) or someone with a sign-in changes it.
 *
 * Everything else compares as RxDB's default handler does.
 */
export interface HeldDocuments {
  /** Whether the document is held, and whether it was released to be sent again; null when it is not held. */
  stateOf(collection: string, id: string): 'held' | 'released' | null;
  hold(collection: string, id: string): void;
  release(collection: string, id: string): void;
  forget(collection: string, id: string): void;
  clear(): void;
  /** Set by team sync: whether this version of a held document may go now (its author has a sign-in here). */
  canSendNow: (collection: string, doc: Record<string, unknown>) => boolean;
}

export function createHeldDocuments(): HeldDocuments {
  const held = new Map<string, 'held' | 'released'>();
  const key = (collection: string, id: string) => `${collection}/${id}`;
  return {
    stateOf: (collection, id) => held.get(key(collection, id)) ?? null,
    hold: (collection, id) => void held.set(key(collection, id), 'held'),
    release(collection, id) {
      if (held.has(key(collection, id))) held.set(key(collection, id), 'released');
    },
    forget: (collection, id) => void held.delete(key(collection, id)),
    clear: () => held.clear(),
    canSendNow: () => false,
  };
}

type Doc = Record<string, unknown>;

/**
 * A collection's conflict handler that honours held documents (see above). RxDB names the moment
 * of each comparison in its `context` argument: the upstream's "is this already pushed?" and the
 * downstream's "has this a local change?" are the two that must see a held document as unsent.
 */
export function heldAwareConflictHandler(collection: string, held: HeldDocuments): RxConflictHandler<Doc> {
  return {
    isEqual(a, b, context) {
      const state = held.stateOf(collection, String((b as Doc | undefined)?.id ?? (a as Doc | undefined)?.id ?? ''));
      if (state) {
        // Downstream: the held version is a local change the server has not taken; never overwrite it.
        if (context === 'downstream-check-if-equal-0') return false;
        // Upstream: "already pushed" (skip) while it waits; sent once released or sendable now.
        if (context === 'upstream-check-if-equal') return state === 'held' && !held.canSendNow(collection, b as Doc);
      }
      return defaultConflictHandler.isEqual(a, b, context);
    },
    resolve: (input, context) => defaultConflictHandler.resolve(input, context),
  };
}
