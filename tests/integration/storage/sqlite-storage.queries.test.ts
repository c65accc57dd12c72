import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken } from 'rxdb';
import type { MangoQuery, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorageInstanceSqlite } from '../../../src-main/storage/sqlite/sqlite-instance';
import { createProjectsInstance, idsOf, makeTempDir, preparedQuery, projectDoc, sqliteStorage } from './storage-fixtures';
import type { Project, TempDir } from './storage-fixtures';

/**
 * query() and count() against RxDB's memory storage as the oracle: same documents, same prepared
 * queries, and the results must be identical, order included. A few cases also pin the expected
 * ids so the oracle itself cannot drift unnoticed.
 */

const docs = [
  projectDoc('p01', { name: 'Alpha', status: 'active', priority: 5, budget: { amount: 1200, currency: 'EUR' }, owner: 'kim' }),
  projectDoc('p02', { name: 'alpha two', status: 'planned', priority: 2, budget: { amount: 0, currency: 'EUR' } }),
  projectDoc('p03', { name: 'Beta', status: 'done', priority: 9, isArchived: true, budget: { amount: 90_000, currency: 'USD' }, owner: 'ana' }),
  projectDoc('p04', { name: 'Ärger', status: 'active', priority: 5, budget: { amount: 5000, currency: 'EUR' }, tags: ['bio', 'lab'] }),
  projectDoc('p05', { name: 'Zeta', status: 'active', priority: 0, budget: { amount: 4999, currency: 'CHF' }, owner: 'kim' }),
  projectDoc('p06', { name: 'Gamma ray', status: 'planned', priority: 7, budget: { amount: 5001, currency: 'EUR' }, tags: ['chem'] }),
  projectDoc('p07', { name: 'Delta', status: 'done', priority: 3, isArchived: true, budget: { amount: 250, currency: 'USD' } }),
  projectDoc('p08', { name: 'Epsilon', status: 'active', priority: 10, budget: { amount: 777_777, currency: 'EUR' }, owner: 'lee' }),
  projectDoc('p09', { name: 'Alphabet', status: 'blocked', priority: 5, budget: { amount: 1200, currency: 'EUR' } }),
  projectDoc('p10', { name: 'omega', status: 'active', priority: 1, budget: { amount: 30, currency: 'GBP' }, tags: ['bio'] }),
  projectDoc('p11', { name: 'Deleted one', status: 'active', priority: 4 }, { isDeleted: true }),
  projectDoc('p12', { name: 'Alpha deleted', status: 'done', priority: 8 }, { isDeleted: true }),
];

const live = { _deleted: { $eq: false } };
type Selector = MangoQuery<Project>['selector'];
const selectors: [string, Selector][] = [
  ['$eq', { ...live, status: { $eq: 'active' } }],
  ['$gt', { ...live, priority: { $gt: 5 } }],
  ['$gte', { ...live, priority: { $gte: 5 } }],
  ['$lt', { ...live, priority: { $lt: 3 } }],
  ['$lte', { ...live, priority: { $lte: 3 } }],
  ['$gt and $lt', { ...live, priority: { $gt: 1, $lt: 7 } }],
  ['$ne', { ...live, status: { $ne: 'active' } }],
  ['$in', { ...live, status: { $in: ['done', 'blocked'] } }],
  ['$in empty', { ...live, status: { $in: [] } }],
  ['$nin', { ...live, status: { $nin: ['active', 'planned'] } }],
  ['$regex prefix', { ...live, name: { $regex: '^Alpha' } }],
  ['$regex inside', { ...live, name: { $regex: 'ta' } }],
  ['$regex case-insensitive', { ...live, name: { $regex: '^alpha', $options: 'i' } }],
  ['$regex alternation', { ...live, name: { $regex: '^Ze|ga' } }],
  ['$or', { ...live, $or: [{ status: { $eq: 'done' } }, { priority: { $gte: 9 } }] }],
  ['$or with unindexed branch', { ...live, $or: [{ owner: { $eq: 'kim' } }, { priority: { $eq: 7 } }] }],
  ['$and', { ...live, $and: [{ priority: { $gte: 2 } }, { priority: { $lte: 6 } }, { status: { $ne: 'blocked' } }] }],
  ['$exists true', { ...live, owner: { $exists: true } }],
  ['$exists false', { ...live, owner: { $exists: false } }],
  ['nested indexed field', { ...live, 'budget.amount': { $gte: 5000 } }],
  ['nested unindexed field', { ...live, 'budget.currency': { $eq: 'USD' } }],
  ['unindexed field', { ...live, owner: { $eq: 'kim' } }],
  ['boolean', { ...live, isArchived: { $eq: true } }],
  ['array field', { ...live, tags: { $in: ['bio'] } }],
  ['string range with umlaut', { ...live, name: { $gt: 'B' } }],
  ['compound', { ...live, status: { $in: ['active', 'planned'] }, priority: { $gt: 1, $lte: 7 } }],
  ['without _deleted (deleted included)', { status: { $eq: 'done' } }],
  ['empty', {}],
];
const sorts: [string, MangoQuery<Project>['sort']][] = [
  ['default', undefined],
  ['priority desc, name asc', [{ priority: 'desc' }, { name: 'asc' }]],
  ['nested asc', [{ 'budget.amount': 'asc' }]],
  ['status, priority', [{ status: 'asc' }, { priority: 'asc' }]],
  ['unindexed field', [{ owner: 'desc' }, { name: 'asc' }]],
];
const pages: [string, { skip?: number; limit?: number }][] = [
  ['all', {}],
  ['limit 3', { limit: 3 }],
  ['skip 2 limit 3', { skip: 2, limit: 3 }],
  ['skip 4', { skip: 4 }],
];

let temp: TempDir;
let ours: RxStorageInstanceSqlite<Project>;
let uncached: RxStorageInstanceSqlite<Project>;
let oracle: RxStorageInstance<Project, unknown, unknown>;

beforeAll(async () => {
  temp = makeTempDir();
  ours = await createProjectsInstance(sqliteStorage(temp.dir));
  // Without the document cache every result is parsed from the stored JSON text.
  uncached = await createProjectsInstance(sqliteStorage(temp.dir, { documentCacheSize: 0 }), 'uncached');
  oracle = await createProjectsInstance(getRxStorageMemory() as never, 'oracle' + randomToken(8));
  const rows = docs.map((document) => ({ document }));
  expect((await ours.bulkWrite(rows, 'seed')).error).toEqual([]);
  expect((await uncached.bulkWrite(rows, 'seed')).error).toEqual([]);
  expect((await oracle.bulkWrite(rows, 'seed')).error).toEqual([]);
});

afterAll(async () => {
  await ours.close();
  await uncached.close();
  await oracle.remove();
  temp.cleanup();
});

describe.each([
  ['cached', () => ours],
  ['parsed', () => uncached],
])('query() and count() match RxDB semantics (%s)', (_name, instance) => {
  for (const [selectorName, selector] of selectors) {
    for (const [sortName, sort] of sorts) {
      for (const [pageName, page] of pages) {
        it(`${selectorName} | sort ${sortName} | ${pageName}`, async () => {
          const query = preparedQuery({ selector, ...(sort ? { sort } : {}), ...page });
          const expected = await oracle.query(query);
          const actual = await instance().query(query);
          expect(idsOf(actual.documents)).toEqual(idsOf(expected.documents));
          expect(actual.documents).toEqual(expected.documents);
          const count = await instance().count(preparedQuery({ selector, ...page }));
          expect(count).toEqual({ count: expected.documents.length, mode: 'fast' });
        });
      }
    }
  }
});

describe('pinned results', () => {
  const run = async (mango: MangoQuery<Project>) => idsOf((await ours.query(preparedQuery(mango))).documents);

  it('filters on a nested indexed field', async () => {
    expect(await run({ selector: { ...live, 'budget.amount': { $gte: 5000 } }, sort: [{ id: 'asc' }] })).toEqual([
      'p03',
      'p04',
      'p06',
      'p08',
    ]);
  });

  it('sorts by several fields in both directions', async () => {
    expect(await run({ selector: live, sort: [{ priority: 'desc' }, { name: 'asc' }], limit: 4 })).toEqual([
      'p08',
      'p03',
      'p06',
      'p01',
    ]);
  });

  it('applies $or across indexed and unindexed fields', async () => {
    expect(
      await run({ selector: { ...live, $or: [{ owner: { $eq: 'kim' } }, { priority: { $eq: 7 } }] }, sort: [{ id: 'asc' }] }),
    ).toEqual(['p01', 'p05', 'p06']);
  });

  it('counts with skip and limit like query() does', async () => {
    const count = await ours.count(preparedQuery({ selector: live, skip: 8, limit: 5 }));
    expect(count.count).toBe(2);
  });
});
