import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom, take, toArray } from 'rxjs';
import { localDocument$ } from '../../../src-main/database/local-document';
import { openDatabase, type LabDatabase } from '../../../src-main/database/open-database';
import { createLabStorage } from '../../../src-main/host/lab-storage';
import { tempDataDir } from '../support/sqlite-host';

/**
 * localDocument$ replaces RxDB's getLocal$ (which works for every change event of every
 * collection): it must still give the document now and after each of its writes, in order, and
 * stay silent for other writes.
 */
let db: LabDatabase;

beforeAll(async () => {
  const { storage, location } = createLabStorage(tempDataDir());
  const opened = await openDatabase(storage, location);
  if (!opened.ok) throw new Error(opened.error.message);
  db = opened.value;
});

afterAll(async () => {
  await db?.close();
});

const dataOf = (doc: { toJSON(): { data: unknown } } | null) => (doc ? doc.toJSON().data : null);

describe('localDocument$', () => {
  it('gives the document now (null before it exists) and after each of its writes, in order', async () => {
    const seen: unknown[] = [];
    let sawThree: () => void = () => undefined;
    const three = new Promise<void>((resolve) => (sawThree = resolve));
    const subscription = localDocument$<{ n: number }>(db, 'watched').subscribe((doc) => {
      seen.push(dataOf(doc));
      if ((dataOf(doc) as { n?: number } | null)?.n === 3) sawThree();
    });
    await db.upsertLocal('watched', { n: 1 });
    await db.upsertLocal('other', { n: 99 });
    await db.tasks.insert({ id: 'T1', projectId: 'P1', title: 'A task', status: 'todo', kanbanRank: 'a', createdAt: 'x', updatedAt: 'x', createdBy: 'p', updatedBy: 'p', auditId: '' });
    await db.upsertLocal('watched', { n: 2 });
    await db.upsertLocal('watched', { n: 3 });
    await three;
    subscription.unsubscribe();
    // Neither the other local document nor the task brought an emission of its own.
    expect(seen).toEqual([null, { n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('starts with the stored version for a late subscriber', async () => {
    const first = await firstValueFrom(localDocument$<{ n: number }>(db, 'watched').pipe(take(1), toArray()));
    expect(first.map(dataOf)).toEqual([{ n: 3 }]);
  });
});
