import type { SqlDatabase } from '../db/sql-database';
import { CHANGES_CHANNEL } from './document-store';

export interface ChangeFeed {
  /** Calls `onChange` whenever any server process commits a change to `collection`. */
  subscribe(collection: string, onChange: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Live changes for this process's streams, fanned in from PostgreSQL LISTEN/NOTIFY: each push
 * transaction NOTIFYs the collections it changed, so a stream on one server process hears writes
 * accepted by another.
 */
export async function createChangeFeed(db: SqlDatabase): Promise<ChangeFeed> {
  const listeners = new Map<string, Set<() => void>>();
  const unlisten = await db.listen(CHANGES_CHANNEL, (collection) => {
    for (const listener of [...(listeners.get(collection) ?? [])]) listener();
  });
  return {
    subscribe(collection, onChange) {
      let set = listeners.get(collection);
      if (!set) listeners.set(collection, (set = new Set()));
      set.add(onChange);
      return () => void set.delete(onChange);
    },
    async close() {
      listeners.clear();
      await unlisten();
    },
  };
}
