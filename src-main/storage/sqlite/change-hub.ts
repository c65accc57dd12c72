import type { EventBulk, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';

/**
 * Process-wide fan-out of change events, keyed by database file + table.
 *
 * Two storage instances on the same collection in one process (two RxDatabase objects on one
 * file, or a tool beside the app's database) share the SQLite rows, so each must also see the
 * other's writes on its changeStream(); otherwise RxDB's query caches and live queries go stale.
 * A writer publishes once after its transaction commits; every subscribed instance (the writer
 * included) receives the same EventBulk.
 *
 * Other processes writing the same file are not seen here; the storage is single-process
 * (RxDB `multiInstance: false`).
 */

// The hub carries bulks of any document type; each instance subscribes for its own table.
export type AnyEventBulk = EventBulk<RxStorageChangeEvent<unknown>, RxStorageDefaultCheckpoint>;
type Listener = (bulk: AnyEventBulk) => void;

const listenersByKey = new Map<string, Set<Listener>>();

export function changeKey(filePath: string, table: string): string {
  return `${filePath}\u0000${table}`;
}

/** Registers `listener` for writes to `key`; returns the function that unregisters it. */
export function subscribeToChanges(key: string, listener: Listener): () => void {
  let listeners = listenersByKey.get(key);
  if (!listeners) {
    listeners = new Set();
    listenersByKey.set(key, listeners);
  }
  listeners.add(listener);
  return () => {
    const current = listenersByKey.get(key);
    if (!current) return;
    current.delete(listener);
    if (current.size === 0) listenersByKey.delete(key);
  };
}

export function publishChanges(key: string, bulk: AnyEventBulk): void {
  const listeners = listenersByKey.get(key);
  if (!listeners) return;
  // Copy first: a listener may close its instance (and unsubscribe) while we deliver.
  for (const listener of [...listeners]) listener(bulk);
}
