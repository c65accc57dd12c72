import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { RxStorageSqlite } from '../../../src-main/storage/sqlite/sqlite-storage';
import { makeTempDir, sqliteStorage } from './storage-fixtures';
import type { TempDir } from './storage-fixtures';

/**
 * RxDB itself on our storage, the way the host will use it in development: dev-mode (which checks
 * schemas, queries and that documents are never mutated) and ajv validation wrapped around the
 * storage. Covers inserts, queries on indexes, updates, live queries ($), deletes, and reopening
 * the database from disk.
 */

type Task = { id: string; title: string; status: string; rank: number; project: { id: string; budget: number } };

const taskSchema: RxJsonSchema<Task> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 26 },
    title: { type: 'string' },
    status: { type: 'string', maxLength: 12 },
    rank: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    project: {
      type: 'object',
      properties: {
        id: { type: 'string', maxLength: 26 },
        budget: { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
      },
      required: ['id', 'budget'],
    },
  },
  required: ['id', 'title', 'status', 'rank', 'project'],
  indexes: [['status', 'rank'], 'project.budget'],
};

type Db = RxDatabase<{ tasks: RxCollection<Task> }>;

let temp: TempDir;
let storage: RxStorageSqlite;
const open: Db[] = [];

async function openDb(): Promise<Db> {
  const db = (await createRxDatabase({
    name: 'labflow',
    storage: wrappedValidateAjvStorage({ storage }),
    multiInstance: false,
  })) as unknown as Db;
  await db.addCollections({ tasks: { schema: taskSchema } });
  open.push(db);
  return db;
}

const task = (id: string, status: string, rank: number, budget = 100): Task => ({
  id,
  title: `Task ${id}`,
  status,
  rank,
  project: { id: 'p1', budget },
});

beforeAll(() => {
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  // The host uses both (src-main/database/open-database.ts).
  addRxPlugin(RxDBLocalDocumentsPlugin);
  addRxPlugin(RxDBMigrationSchemaPlugin);
});

beforeEach(() => {
  temp = makeTempDir();
  storage = sqliteStorage(temp.dir);
});

afterEach(async () => {
  for (const db of open.splice(0)) if (!db.closed) await db.close();
  temp.cleanup();
});

describe('RxDB on the SQLite storage', () => {
  it('inserts, queries by index, updates and deletes', async () => {
    const db = await openDb();
    await db.tasks.bulkInsert([task('t1', 'open', 3), task('t2', 'open', 1, 5000), task('t3', 'done', 2)]);
    const open1 = await db.tasks.find({ selector: { status: 'open' }, sort: [{ rank: 'asc' }] }).exec();
    expect(open1.map((d) => d.id)).toEqual(['t2', 't1']);
    expect(await db.tasks.count({ selector: { 'project.budget': { $gte: 1000 } } }).exec()).toBe(1);

    const t1 = await db.tasks.findOne('t1').exec();
    await t1!.incrementalPatch({ status: 'done', rank: 0 });
    const done = await db.tasks.find({ selector: { status: 'done' }, sort: [{ rank: 'asc' }] }).exec();
    expect(done.map((d) => [d.id, d.rank])).toEqual([
      ['t1', 0],
      ['t3', 2],
    ]);

    await (await db.tasks.findOne('t3').exec())!.remove();
    expect(await db.tasks.count().exec()).toBe(2);
    // A stale update is refused with RxDB's CONFLICT error, never silently applied.
    await expect(t1!.patch({ title: 'stale' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects invalid documents through the ajv wrapper', async () => {
    const db = await openDb();
    await expect(db.tasks.insert({ ...task('bad', 'open', 1), rank: -5 })).rejects.toMatchObject({ code: 'VD2' });
  });

  it('pushes live query results ($) on insert, update and delete', async () => {
    const db = await openDb();
    const emissions: string[][] = [];
    const subscription = db.tasks
      .find({ selector: { status: 'open' }, sort: [{ rank: 'asc' }] })
      .$.subscribe((docs) => emissions.push(docs.map((d) => d.id)));
    const settled = async (expected: string[]) => {
      for (let i = 0; i < 100 && JSON.stringify(emissions.at(-1)) !== JSON.stringify(expected); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(emissions.at(-1)).toEqual(expected);
    };
    await settled([]);
    await db.tasks.insert(task('a', 'open', 5));
    await settled(['a']);
    await db.tasks.insert(task('b', 'open', 1));
    await settled(['b', 'a']);
    await (await db.tasks.findOne('a').exec())!.incrementalPatch({ rank: 0 });
    await settled(['a', 'b']);
    await (await db.tasks.findOne('b').exec())!.incrementalPatch({ status: 'done' });
    await settled(['a']);
    await (await db.tasks.findOne('a').exec())!.remove();
    await settled([]);
    subscription.unsubscribe();
  });

  it('reopens the database from disk with all data and working indexes', async () => {
    const first = await openDb();
    const many = Array.from({ length: 250 }, (_, i) => task(`t${String(i).padStart(3, '0')}`, i % 2 ? 'open' : 'done', i));
    await first.tasks.bulkInsert(many);
    await (await first.tasks.findOne('t001').exec())!.incrementalPatch({ title: 'changed' });
    await (await first.tasks.findOne('t002').exec())!.remove();
    await first.close();

    const second = await openDb();
    expect(await second.tasks.count().exec()).toBe(249);
    expect((await second.tasks.findOne('t001').exec())!.title).toBe('changed');
    expect(await second.tasks.findOne('t002').exec()).toBeNull();
    const top = await second.tasks.find({ selector: { status: 'open' }, sort: [{ rank: 'desc' }], limit: 3 }).exec();
    expect(top.map((d) => d.id)).toEqual(['t249', 't247', 't245']);
    // Writes after reopening keep working, including one to a removed id.
    await second.tasks.insert(task('t002', 'open', 1));
    expect(await second.tasks.count({ selector: { status: 'open' } }).exec()).toBe(126);
  });

  it('migrates a collection to a new schema version and keeps local documents', async () => {
    const v0 = (await createRxDatabase({
      name: 'migrating',
      storage: wrappedValidateAjvStorage({ storage }),
      multiInstance: false,
      localDocuments: true,
    })) as unknown as Db;
    await v0.addCollections({ tasks: { schema: taskSchema } });
    await v0.tasks.bulkInsert([task('a', 'open', 1), task('b', 'done', 2)]);
    await v0.upsertLocal('meta', { version: 0 });
    await v0.close();

    const v1Schema = {
      ...taskSchema,
      version: 1,
      properties: { ...taskSchema.properties, priority: { type: 'string', maxLength: 10 } },
      indexes: [...(taskSchema.indexes ?? []), 'priority'],
    } as RxJsonSchema<Task & { priority: string }>;
    const v1 = await createRxDatabase({
      name: 'migrating',
      storage: wrappedValidateAjvStorage({ storage }),
      multiInstance: false,
      localDocuments: true,
    });
    open.push(v1 as unknown as Db);
    const { tasks } = await v1.addCollections({
      tasks: {
        schema: v1Schema,
        migrationStrategies: { 1: (doc: Task) => ({ ...doc, priority: doc.status === 'open' ? 'high' : 'low' }) },
      },
    });
    const high = await tasks.find({ selector: { priority: 'high' } }).exec();
    expect(high.map((d) => d.id)).toEqual(['a']);
    expect(await tasks.count().exec()).toBe(2);
    expect((await v1.getLocal('meta'))?.get('version')).toBe(0);
    // RxDB removes the old version's storage once migrated: its table is gone from the file.
    const reader = new Database(storage.filePathOf('migrating'), { readonly: true });
    const tables = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    reader.close();
    expect(tables).toContain('rx_tasks_v1');
    expect(tables).not.toContain('rx_tasks_v0');
  });

  it('removes the database through RxDB', async () => {
    const db = await openDb();
    await db.tasks.insert(task('x', 'open', 1));
    await db.remove();
    const again = await openDb();
    expect(await again.tasks.count().exec()).toBe(0);
  });
});
