import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { now } from 'rxdb';
import { connectionRefCount } from '../../../src-main/storage/sqlite/connection-pool';
import type { RxStorageInstanceSqlite } from '../../../src-main/storage/sqlite/sqlite-instance';
import type { RxStorageSqlite } from '../../../src-main/storage/sqlite/sqlite-storage';
import { createProjectsInstance, makeTempDir, preparedQuery, projectDoc, sqliteStorage } from './storage-fixtures';
import type { Project, TempDir } from './storage-fixtures';

/**
 * Lifecycle half of the conformance suite: close, remove, reopen, the document cache, files
 * that cannot be opened, attachments. Real SQLite files in a temp folder per test.
 */

let temp: TempDir;
let storage: RxStorageSqlite;
let instance: RxStorageInstanceSqlite<Project>;

beforeEach(async () => {
  temp = makeTempDir();
  storage = sqliteStorage(temp.dir);
  instance = await createProjectsInstance(storage);
});

afterEach(async () => {
  await instance.close();
  temp.cleanup();
});

describe('close, remove and reopen', () => {
  it('persists across close and a new storage object', async () => {
    const doc = projectDoc('kept', { owner: 'ana' });
    await instance.bulkWrite([{ document: doc }], 'test');
    await instance.close();
    expect(connectionRefCount(storage.filePathOf('lab'))).toBe(0);
    instance = await createProjectsInstance(sqliteStorage(temp.dir));
    expect(await instance.findDocumentsById(['kept'], false)).toEqual([doc]);
  });

  it('refuses calls after close and closes twice without error', async () => {
    await instance.close();
    await instance.close();
    await expect(instance.findDocumentsById(['x'], true)).rejects.toThrow(/closed/);
    await expect(instance.bulkWrite([{ document: projectDoc('x') }], 'test')).rejects.toThrow(/closed/);
  });

  it('remove() deletes the collection data but not other collections', async () => {
    const other = await createProjectsInstance(storage, 'lab', 'archive');
    await other.bulkWrite([{ document: projectDoc('o1') }], 'test');
    await instance.bulkWrite([{ document: projectDoc('p1') }], 'test');
    await instance.remove();
    instance = await createProjectsInstance(storage);
    expect(await instance.findDocumentsById(['p1'], true)).toEqual([]);
    expect(await other.findDocumentsById(['o1'], true)).toHaveLength(1);
    await other.close();
  });

  it('deletes the file once every collection of the database was removed', async () => {
    const file = storage.filePathOf('lab');
    const other = await createProjectsInstance(storage, 'lab', 'archive');
    await instance.remove();
    expect(existsSync(file)).toBe(true); // "archive" still lives there
    await other.remove();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(file + '-wal')).toBe(false);
    instance = await createProjectsInstance(storage);
  });

  it('keeps one connection per file, shared and ref-counted', async () => {
    const file = storage.filePathOf('lab');
    const second = await createProjectsInstance(storage, 'lab', 'second');
    expect(connectionRefCount(file)).toBe(2);
    await second.close();
    expect(connectionRefCount(file)).toBe(1);
  });

  it('creates a collection table only when the collection is first used', async () => {
    const lazy = await createProjectsInstance(storage, 'lab', 'unused');
    const tables = () => {
      const reader = new Database(storage.filePathOf('lab'), { readonly: true });
      try {
        return reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      } finally {
        reader.close();
      }
    };
    expect(tables()).not.toContain('rx_unused_v0');
    expect(await lazy.findDocumentsById(['x'], true)).toEqual([]);
    expect(tables()).toContain('rx_unused_v0');
    await lazy.close();
  });

  it('exposes where the data lives in internals', () => {
    expect(instance.internals.filePath).toBe(path.join(temp.dir, 'lab.sqlite'));
    expect(instance.internals.table).toBe('"rx_projects_v0"');
  });
});

describe('document cache', () => {
  it('parses again when the row changed behind the storage (another process, restored backup)', async () => {
    const v1 = projectDoc('p1', { name: 'Original' });
    await instance.bulkWrite([{ document: v1 }], 'test');
    expect((await instance.findDocumentsById(['p1'], false))[0]).toBe(v1); // served from the cache
    const v2 = { ...v1, name: 'Changed outside', _rev: '2-zzzz', _meta: { lwt: v1._meta.lwt + 5 } };
    const outside = new Database(instance.internals.filePath);
    outside
      .prepare('UPDATE rx_projects_v0 SET data = ?, _rev = ?, _meta_lwt = ? WHERE id = ?')
      .run(JSON.stringify(v2), v2._rev, v2._meta.lwt, 'p1');
    outside.close();
    expect(await instance.findDocumentsById(['p1'], false)).toEqual([v2]);
    expect(await instance.findDocumentsById(['p1', 'nope'], false)).toEqual([v2]);
    expect((await instance.query(preparedQuery({ selector: {} }))).documents).toEqual([v2]);
  });

  it('merges cached and re-read documents in query order', async () => {
    const docs = Array.from({ length: 10 }, (_, i) => projectDoc(`d${i}`, { priority: i }));
    await instance.bulkWrite(docs.map((document) => ({ document })), 'test');
    // Another connection changes every third row: those must be re-read, the rest come from the cache.
    const outside = new Database(instance.internals.filePath);
    const update = outside.prepare('UPDATE rx_projects_v0 SET data = ?, _rev = ?, f_priority = ? WHERE id = ?');
    const changed = docs.map((doc, i) => (i % 3 === 0 ? { ...doc, priority: 100 - i, _rev: '2-out' } : doc));
    for (const doc of changed.filter((d) => d._rev === '2-out')) update.run(JSON.stringify(doc), doc._rev, doc.priority, doc.id);
    outside.close();
    const sorted = [...changed].sort((a, b) => b.priority - a.priority);
    const result = await instance.query(preparedQuery({ selector: { _deleted: { $eq: false } } as never, sort: [{ priority: 'desc' }] }));
    expect(result.documents).toEqual(sorted);
    const page = await instance.query(preparedQuery({ selector: {}, sort: [{ priority: 'desc' }], skip: 2, limit: 5 }));
    expect(page.documents).toEqual(sorted.slice(2, 7));
  });

  it('notices a change made to the file while the database was closed', async () => {
    const v1 = projectDoc('p1', { name: 'Before' });
    await instance.bulkWrite([{ document: v1 }], 'test');
    await instance.close(); // last user: the connection closes
    const v2 = { ...v1, name: 'Edited while closed', _rev: '2-yyyy', _meta: { lwt: v1._meta.lwt + 1 } };
    const outside = new Database(storage.filePathOf('lab'));
    outside
      .prepare('UPDATE rx_projects_v0 SET data = ?, _rev = ?, _meta_lwt = ? WHERE id = ?')
      .run(JSON.stringify(v2), v2._rev, v2._meta.lwt, 'p1');
    outside.close();
    instance = await createProjectsInstance(storage);
    expect(await instance.findDocumentsById(['p1'], false)).toEqual([v2]);
  });

  it('notices commits another process left in the WAL while the database was closed', async () => {
    const v1 = projectDoc('p1', { name: 'Before' });
    await instance.bulkWrite([{ document: v1 }], 'test');
    await instance.close();
    // Like a writer that was killed: its commit sits in the -wal file, the main file is untouched.
    const writer = new Database(storage.filePathOf('lab'));
    const v2 = { ...v1, name: 'In the WAL', _rev: '2-wal', _meta: { lwt: v1._meta.lwt + 1 } };
    writer
      .prepare('UPDATE rx_projects_v0 SET data = ?, _rev = ?, _meta_lwt = ? WHERE id = ?')
      .run(JSON.stringify(v2), v2._rev, v2._meta.lwt, 'p1');
    try {
      instance = await createProjectsInstance(storage);
      expect(await instance.findDocumentsById(['p1'], false)).toEqual([v2]);
    } finally {
      writer.close();
    }
  });

  it('forgets removed collections and purged documents', async () => {
    const doc = projectDoc('gone', {}, { isDeleted: true, lwt: now() - 60_000 });
    await instance.bulkWrite([{ document: doc }], 'test');
    await instance.cleanup(0);
    expect(await instance.findDocumentsById(['gone'], true)).toEqual([]);
    await instance.bulkWrite([{ document: projectDoc('kept') }], 'test');
    await instance.remove();
    instance = await createProjectsInstance(storage);
    expect(await instance.findDocumentsById(['kept'], true)).toEqual([]);
  });

  it('can be switched off', async () => {
    const plain = await createProjectsInstance(sqliteStorage(temp.dir, { documentCacheSize: 0 }), 'plain');
    const doc = projectDoc('p1');
    await plain.bulkWrite([{ document: doc }], 'test');
    const [read] = await plain.findDocumentsById(['p1'], false);
    expect(read).toEqual(doc);
    expect(read).not.toBe(doc);
    await plain.close();
  });
});

describe('files that cannot be opened', () => {
  it('names the file when it is not a database, and leaves it untouched', async () => {
    const file = path.join(temp.dir, 'broken.sqlite');
    const garbage = 'this is not a database, just text that happens to be long enough '.repeat(100);
    writeFileSync(file, garbage);
    await expect(createProjectsInstance(storage, 'broken')).rejects.toThrow(file);
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });

  it('names the file when another process holds an exclusive lock', async () => {
    const file = path.join(temp.dir, 'locked.sqlite');
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('CREATE TABLE held (x); INSERT INTO held VALUES (1);'); // takes and keeps the lock
    try {
      const impatient = sqliteStorage(temp.dir, { busyTimeoutMs: 50 });
      await expect(createProjectsInstance(impatient, 'locked')).rejects.toThrow(file);
    } finally {
      holder.close();
    }
  });

  it('refuses an existing table whose columns do not fit the schema (schema changed, same version)', async () => {
    const file = path.join(temp.dir, 'drifted.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE rx_projects_v0 (id TEXT PRIMARY KEY, _deleted INTEGER, _meta_lwt REAL, _rev TEXT, data TEXT)');
    other.close();
    const attempt = createProjectsInstance(storage, 'drifted');
    await expect(attempt).rejects.toThrow(file);
    await expect(attempt).rejects.toThrow(/version bump/);
  });

  it('rejects database names that would leave the folder', async () => {
    await expect(createProjectsInstance(storage, '../escape')).rejects.toThrow(/Invalid database name/);
  });
});

describe('attachments', () => {
  it('stores attachment bytes and returns them by digest', async () => {
    const schema = { ...instance.schema, attachments: {} };
    const withAttachments = await storage.createStorageInstance<Project>({
      databaseInstanceToken: 't',
      databaseName: 'lab',
      collectionName: 'files',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    const doc = {
      ...projectDoc('f1'),
      _attachments: { 'a.txt': { type: 'text/plain', digest: 'md5-1', length: 5, data: new Blob(['hello']) } },
    };
    expect((await withAttachments.bulkWrite([{ document: doc as never }], 'test')).error).toEqual([]);
    const [stored] = await withAttachments.findDocumentsById(['f1'], false);
    expect(stored!._attachments).toEqual({ 'a.txt': { type: 'text/plain', digest: 'md5-1', length: 5 } });
    const blob = await withAttachments.getAttachmentData('f1', 'a.txt', 'md5-1');
    expect(await blob.text()).toBe('hello');
    await expect(withAttachments.getAttachmentData('f1', 'a.txt', 'md5-other')).rejects.toThrow();
    await withAttachments.close();
  });
});
