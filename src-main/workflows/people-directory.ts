import type { Subscription } from 'rxjs';
import { directoryFrom, type DirectoryPerson } from '../../src-shared/workflows/directory';
import type { LabDatabase } from '../database/open-database';

export { directoryResolver, peopleOf, type DirectoryPerson } from '../../src-shared/workflows/directory';

export interface PeopleDirectory {
  /** Everyone, read once and again after the `people` collection changes. */
  load(): Promise<ReadonlyMap<string, DirectoryPerson>>;
  dispose(): void;
}

/**
 * The people directory as the workflow runtime needs it (src-shared/workflows/directory.ts), read
 * from this PC's database. Cached, because the engine's resolver is synchronous and runs on every
 * step entry; any change to `people` drops the cache.
 */
export function createPeopleDirectory(db: LabDatabase): PeopleDirectory {
  let cached: Promise<Map<string, DirectoryPerson>> | undefined;
  const subscription: Subscription = db.people.$.subscribe(() => {
    cached = undefined;
  });
  const read = async () => {
    const docs = await db.people.find({ selector: { kind: { $in: ['person', 'department'] } } }).exec();
    return directoryFrom(docs.map((d) => d.toJSON() as Record<string, unknown>));
  };
  return {
    load() {
      const current = (cached ??= read());
      current.catch(() => {
        if (cached === current) cached = undefined;
      });
      return current;
    },
    dispose: () => subscription.unsubscribe(),
  };
}
