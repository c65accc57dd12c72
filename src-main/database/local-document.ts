import { concatMap, filter, startWith, type Observable } from 'rxjs';
import type { LabDatabase } from './open-database';

/**
 * A local document of the database (settings, sign-ins, keys) as it changes: now, and after every
 * write of it. Use instead of RxDB's `db.getLocal$(id)`, which starts two promises and two inner
 * subscriptions for every change event of every collection: with the host's dozen watched
 * settings, a first sync of 100,000 documents spent seconds of CPU there before any of it was
 * about a local document. This looks at one event bulk (one write) at a time instead.
 */
export function localDocument$<Data>(db: LabDatabase, id: string): Observable<Awaited<ReturnType<typeof db.getLocal<Data>>>> {
  return db.eventBulks$.pipe(
    // The database's own local documents: collections' local documents name their collection.
    filter((bulk) => bulk.isLocal && !bulk.collectionName && bulk.events.some((event) => event.documentId === id)),
    startWith(null),
    // In order: a reader never sees an older version after a newer one.
    concatMap(() => db.getLocal<Data>(id)),
  );
}
