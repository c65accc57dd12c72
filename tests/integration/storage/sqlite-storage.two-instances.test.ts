import { firstValueFrom } from 'rxjs';
import { filter, take, toArray } from 'rxjs/operators';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { RxStorageInstanceSqlite } from '../../../src-main/storage/sqlite/sqlite-instance';
import {
  createProjectsInstance,
  idsOf,
  makeTempDir,
  preparedQuery,
  projectDoc,
  projectJsonSchema,
  sqliteStorage,
} from './storage-fixtures';
import type { Project, TempDir } from './storage-fixtures';

/**
 * Two storage instances on the same database + collection in one process share the rows and
 * must see each other's writes and change events (RxDB's caches and live queries depend on it).
 */

let temp: TempDir;
let a: RxStorageInstanceSqlite<Project>;
let b: RxStorageInstanceSqlite<Project>;

beforeEach(async () => {
  temp = makeTempDir();
  // Two separate storage objects, as two independent parts of the host would create them.
  a = await createProjectsInstance(sqliteStorage(temp.dir));
  b = await createProjectsInstance(sqliteStorage(temp.dir));
});

afterEach(async () => {
  await a.close();
  await b.close();
  temp.cleanup();
});

describe('two instances on one file and collection', () => {
  it('see each other’s writes', async () => {
    await a.bulkWrite([{ document: projectDoc('from-a', { status: 'planned' }) }], 'a');
    await b.bulkWrite([{ document: projectDoc('from-b', { status: 'planned' }) }], 'b');
    expect(idsOf(await b.findDocumentsById(['from-a'], false))).toEqual(['from-a']);
    expect(idsOf(await a.findDocumentsById(['from-b'], false))).toEqual(['from-b']);
    const query = preparedQuery({ selector: { _deleted: { $eq: false }, status: { $eq: 'planned' } } as never, sort: [{ id: 'asc' }] });
    expect(idsOf((await a.query(query)).documents)).toEqual(['from-a', 'from-b']);
    expect((await b.count(query)).count).toBe(2);
  });

  it('emit each other’s change events, once per write, on both streams', async () => {
    const onA = firstValueFrom(a.changeStream().pipe(take(2), toArray()));
    const onB = firstValueFrom(b.changeStream().pipe(take(2), toArray()));
    await a.bulkWrite([{ document: projectDoc('x1') }], 'written-by-a');
    await b.bulkWrite([{ document: projectDoc('x2') }], 'written-by-b');
    for (const bulks of [await onA, await onB]) {
      expect(bulks.map((bulk) => [bulk.context, bulk.events.map((e) => e.documentId)])).toEqual([
        ['written-by-a', ['x1']],
        ['written-by-b', ['x2']],
      ]);
    }
  });

  it('detect conflicts between the two', async () => {
    const v1 = projectDoc('shared');
    await a.bulkWrite([{ document: v1 }], 'a');
    const fromA = { ...v1, name: 'A', _rev: '2-a', _meta: { lwt: v1._meta.lwt + 1 } };
    const fromB = { ...v1, name: 'B', _rev: '2-b', _meta: { lwt: v1._meta.lwt + 2 } };
    const [ra, rb] = await Promise.all([
      a.bulkWrite([{ previous: v1, document: fromA }], 'a'),
      b.bulkWrite([{ previous: v1, document: fromB }], 'b'),
    ]);
    expect(ra.error).toEqual([]);
    expect(rb.error).toHaveLength(1);
    expect(rb.error[0]).toMatchObject({ status: 409, documentInDb: fromA });
  });

  it('keeps the other instance working after one closes', async () => {
    const seen = firstValueFrom(b.changeStream().pipe(filter((bulk) => bulk.context === 'after-close')));
    await a.close();
    const c = await createProjectsInstance(sqliteStorage(temp.dir));
    await c.bulkWrite([{ document: projectDoc('late') }], 'after-close');
    expect((await seen).events[0]!.documentId).toBe('late');
    await c.close();
  });
});

describe('two RxDatabases on one file in one process', () => {
  type Db = RxDatabase<{ projects: RxCollection<Project> }>;

  it('push one database’s writes into the other’s live queries', async () => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    const open = async () => {
      const db = (await createRxDatabase({
        name: 'shared',
        storage: wrappedValidateAjvStorage({ storage: sqliteStorage(temp.dir) }),
        multiInstance: false,
        // Two RxDatabase objects on one name in one process: allowed by RxDB in dev-mode only.
        ignoreDuplicate: true,
      })) as unknown as Db;
      await db.addCollections({ projects: { schema: projectJsonSchema } });
      return db;
    };
    const first = await open();
    const second = await open();
    const results: string[][] = [];
    const subscription = second.projects.find({ sort: [{ name: 'asc' }] }).$.subscribe((docs) => results.push(idsOf(docs)));
    const settled = async (expected: string[]) => {
      for (let i = 0; i < 100 && JSON.stringify(results.at(-1)) !== JSON.stringify(expected); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(results.at(-1)).toEqual(expected);
    };
    // The first result must be in before the write, so the update can only come from the event.
    await settled([]);
    const { _deleted, _rev, _meta, _attachments, ...plain } = projectDoc('via-first', { name: 'Shared' });
    void [_deleted, _rev, _meta, _attachments];
    await first.projects.insert(plain);
    await settled(['via-first']);
    subscription.unsubscribe();
    await first.close();
    await second.close();
  });
});
