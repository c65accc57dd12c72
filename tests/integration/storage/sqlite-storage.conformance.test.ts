import { firstValueFrom } from 'rxjs';
import { filter, take, toArray } from 'rxjs/operators';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRevision, now } from 'rxdb';
import type { RxStorageWriteErrorConflict } from 'rxdb';
import type { RxStorageInstanceSqlite } from '../../../src-main/storage/sqlite/sqlite-instance';
import type { RxStorageSqlite } from '../../../src-main/storage/sqlite/sqlite-storage';
import { createProjectsInstance, idsOf, makeTempDir, preparedQuery, projectDoc, sqliteStorage } from './storage-fixtures';
import type { Project, TempDir } from './storage-fixtures';

/**
 * Our own conformance suite for the RxStorage contract RxDB relies on, against real SQLite files.
 * (rxdb ships no reusable storage test suite in its published plugins; its storage tests live
 * only in its repository.)
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

describe('bulkWrite and findDocumentsById', () => {
  it('stores documents and returns them exactly as written, without internal columns', async () => {
    const doc = projectDoc('p1', { owner: 'kim', tags: ['bio'] });
    expect(await instance.bulkWrite([{ document: doc }], 'test')).toEqual({ error: [] });
    const [found] = await instance.findDocumentsById(['p1'], false);
    expect(found).toEqual(doc);
    expect(Object.keys(found!).sort()).toEqual(Object.keys(doc).sort());
    expect(await instance.findDocumentsById(['missing'], true)).toEqual([]);
    expect(await instance.findDocumentsById([], true)).toEqual([]);
  });

  it('finds many ids at once and skips unknown ones', async () => {
    await instance.bulkWrite(['a', 'b', 'c'].map((id) => ({ document: projectDoc(id) })), 'test');
    const found = await instance.findDocumentsById(['c', 'x', 'a'], false);
    expect(idsOf(found).sort()).toEqual(['a', 'c']);
  });

  it('returns deleted documents only when asked to', async () => {
    const v1 = projectDoc('p1');
    await instance.bulkWrite([{ document: v1 }], 'test');
    const deleted = { ...v1, _deleted: true, _rev: createRevision('tok', v1), _meta: { lwt: now() } };
    expect((await instance.bulkWrite([{ previous: v1, document: deleted }], 'test')).error).toEqual([]);
    expect(await instance.findDocumentsById(['p1'], false)).toEqual([]);
    expect(await instance.findDocumentsById(['p1'], true)).toEqual([deleted]);
    expect(await instance.findDocumentsById(['p1', 'zz'], false)).toEqual([]);
    const live = await instance.query(preparedQuery({ selector: { _deleted: { $eq: false } } as never }));
    expect(live.documents).toEqual([]);
    const count = await instance.count(preparedQuery({ selector: { _deleted: { $eq: false } } as never }));
    expect(count.count).toBe(0);
  });

  it('updates when the previous revision matches', async () => {
    const v1 = projectDoc('p1');
    await instance.bulkWrite([{ document: v1 }], 'test');
    const v2 = { ...v1, name: 'Renamed', _rev: createRevision('tok', v1), _meta: { lwt: now() } };
    expect((await instance.bulkWrite([{ previous: v1, document: v2 }], 'test')).error).toEqual([]);
    expect(await instance.findDocumentsById(['p1'], false)).toEqual([v2]);
  });
});

describe('conflicts', () => {
  it('answers a stale previous revision with 409 carrying the stored document', async () => {
    const v1 = projectDoc('p1');
    await instance.bulkWrite([{ document: v1 }], 'test');
    const v2 = { ...v1, name: 'Second', _rev: '2-bbbb', _meta: { lwt: now() } };
    await instance.bulkWrite([{ previous: v1, document: v2 }], 'test');
    // Another writer still holds v1 and tries to update from it.
    const stale = { ...v1, name: 'Stale', _rev: '2-cccc', _meta: { lwt: now() } };
    const result = await instance.bulkWrite([{ previous: v1, document: stale }], 'ctx');
    expect(result.error).toHaveLength(1);
    const error = result.error[0] as RxStorageWriteErrorConflict<Project>;
    expect(error).toMatchObject({ status: 409, isError: true, documentId: 'p1', context: 'ctx' });
    expect(error.documentInDb).toEqual(v2);
    expect(Object.keys(error.documentInDb).sort()).toEqual(Object.keys(v2).sort());
    expect(await instance.findDocumentsById(['p1'], false)).toEqual([v2]);
  });

  it('answers an insert of an existing id with 409', async () => {
    const v1 = projectDoc('p1');
    await instance.bulkWrite([{ document: v1 }], 'test');
    const result = await instance.bulkWrite([{ document: projectDoc('p1', { name: 'Other' }) }], 'test');
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatchObject({ status: 409, documentInDb: v1 });
  });

  it('lets exactly one of two concurrent inserts of one id win', async () => {
    const a = projectDoc('same', { name: 'A' }, { rev: '1-aaaa' });
    const b = projectDoc('same', { name: 'B' }, { rev: '1-bbbb' });
    const [ra, rb] = await Promise.all([
      instance.bulkWrite([{ document: a }], 'a'),
      instance.bulkWrite([{ document: b }], 'b'),
    ]);
    const winners = [ra, rb].filter((r) => r.error.length === 0);
    expect(winners).toHaveLength(1);
    const loser = (ra.error.length > 0 ? ra : rb).error[0] as RxStorageWriteErrorConflict<Project>;
    const [stored] = await instance.findDocumentsById(['same'], true);
    expect(loser.status).toBe(409);
    expect(loser.documentInDb).toEqual(stored);
  });

  it('treats the same id twice in one batch like two writes in a row', async () => {
    const a = projectDoc('dup', { name: 'A' });
    const result = await instance.bulkWrite(
      [{ document: a }, { document: projectDoc('dup', { name: 'B' }) }, { document: projectDoc('other') }],
      'test',
    );
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatchObject({ status: 409, documentInDb: a });
    expect(idsOf(await instance.findDocumentsById(['dup', 'other'], false)).sort()).toEqual(['dup', 'other']);
  });

  it('writes the rows without conflict even when others in the batch conflict', async () => {
    await instance.bulkWrite([{ document: projectDoc('x') }], 'test');
    const result = await instance.bulkWrite([{ document: projectDoc('x') }, { document: projectDoc('y') }], 'test');
    expect(result.error.map((e) => e.documentId)).toEqual(['x']);
    expect(await instance.findDocumentsById(['y'], false)).toHaveLength(1);
  });
});

describe('getChangedDocumentsSince', () => {
  it('pages through every document once, in (lwt, id) order, including updates and deletes', async () => {
    const docs = Array.from({ length: 23 }, (_, i) =>
      // Several documents share an lwt, so paging must continue by id within one lwt.
      projectDoc(`d${String(i).padStart(2, '0')}`, {}, { lwt: 1_000 + Math.floor(i / 4) }),
    );
    await instance.bulkWrite(docs.map((document) => ({ document })), 'test');
    const moved = { ...docs[0]!, _deleted: true, _rev: '2-x', _meta: { lwt: 5_000 } };
    await instance.bulkWrite([{ previous: docs[0]!, document: moved }], 'test');

    const seen: string[] = [];
    let checkpoint: { id: string; lwt: number } | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await instance.getChangedDocumentsSince(5, checkpoint);
      seen.push(...idsOf(result.documents));
      if (result.documents.length === 0) {
        expect(result.checkpoint).toEqual(checkpoint);
        break;
      }
      const last = result.documents[result.documents.length - 1]!;
      expect(result.checkpoint).toEqual({ id: last.id, lwt: last._meta.lwt });
      checkpoint = result.checkpoint;
    }
    expect(seen).toEqual([...idsOf(docs.slice(1)), 'd00']);
  });

  it('returns an empty first checkpoint on an empty collection', async () => {
    expect(await instance.getChangedDocumentsSince(10)).toEqual({ documents: [], checkpoint: { id: '', lwt: 0 } });
  });
});

describe('changeStream', () => {
  it('emits one EventBulk per write with operations, context and checkpoint', async () => {
    const bulks = firstValueFrom(instance.changeStream().pipe(take(2), toArray()));
    const v1 = projectDoc('p1');
    await instance.bulkWrite([{ document: v1 }, { document: projectDoc('p2') }], 'insert-ctx');
    const v2 = { ...v1, _deleted: true, _rev: '2-x', _meta: { lwt: v1._meta.lwt + 1 } };
    // A conflicting row in the same bulk produces no event.
    await instance.bulkWrite([{ previous: v1, document: v2 }, { document: projectDoc('p2') }], 'delete-ctx');
    const [first, second] = await bulks;
    expect(first!.context).toBe('insert-ctx');
    expect(first!.events.map((e) => [e.operation, e.documentId])).toEqual([
      ['INSERT', 'p1'],
      ['INSERT', 'p2'],
    ]);
    expect(second!.context).toBe('delete-ctx');
    expect(second!.events).toHaveLength(1);
    expect(second!.events[0]).toMatchObject({ operation: 'DELETE', documentId: 'p1', documentData: v2, previousDocumentData: v1 });
    expect(second!.checkpoint).toEqual({ id: 'p1', lwt: v2._meta.lwt });
  });

  it('emits UPDATE with the previous document', async () => {
    const v1 = projectDoc('p1');
    await instance.bulkWrite([{ document: v1 }], 'test');
    const next = firstValueFrom(instance.changeStream().pipe(filter((b) => b.context === 'update')));
    const v2 = { ...v1, priority: 9, _rev: '2-y', _meta: { lwt: now() } };
    await instance.bulkWrite([{ previous: v1, document: v2 }], 'update');
    expect((await next).events[0]).toMatchObject({ operation: 'UPDATE', documentData: v2, previousDocumentData: v1 });
  });
});

describe('cleanup', () => {
  it('purges deleted documents older than minimumDeletedTime and keeps the rest', async () => {
    const old = projectDoc('old', {}, { isDeleted: true, lwt: now() - 60_000 });
    const recent = projectDoc('recent', {}, { isDeleted: true, lwt: now() });
    const alive = projectDoc('alive', {}, { lwt: now() - 60_000 });
    await instance.bulkWrite([{ document: old }, { document: recent }, { document: alive }], 'test');
    expect(await instance.cleanup(30_000)).toBe(true);
    expect(idsOf(await instance.findDocumentsById(['old', 'recent', 'alive'], true)).sort()).toEqual(['alive', 'recent']);
    expect(await instance.cleanup(0)).toBe(true);
    expect(idsOf(await instance.findDocumentsById(['old', 'recent', 'alive'], true))).toEqual(['alive']);
  });
});
