import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MangoQuery } from 'rxdb';
import { planSqlQuery } from '../../../src-main/storage/sqlite/query-planner';
import type { RxStorageInstanceSqlite } from '../../../src-main/storage/sqlite/sqlite-instance';
import { createTableLayout } from '../../../src-main/storage/sqlite/table-layout';
import { createProjectsInstance, makeTempDir, preparedQuery, projectDoc, projectSchema, sqliteStorage } from './storage-fixtures';
import type { Project, TempDir } from './storage-fixtures';

/**
 * Proves with SQLite's EXPLAIN QUERY PLAN that query() uses the schema's indexes instead of
 * scanning the table: "SCAN <table>" without an index is a full scan, "USE TEMP B-TREE FOR
 * ORDER BY" means sorting all matches in memory.
 */

let temp: TempDir;
let instance: RxStorageInstanceSqlite<Project>;

beforeAll(async () => {
  temp = makeTempDir();
  instance = await createProjectsInstance(sqliteStorage(temp.dir));
  const rows = Array.from({ length: 300 }, (_, i) => ({
    document: projectDoc(`p${i}`, { status: ['active', 'planned', 'done'][i % 3]!, priority: i % 50, budget: { amount: i * 10, currency: 'EUR' } }),
  }));
  await instance.bulkWrite(rows, 'seed');
});

afterAll(async () => {
  await instance.close();
  temp.cleanup();
});

const live = { _deleted: { $eq: false } };
const plan = (mango: MangoQuery<Project>) => instance.explainQuery(preparedQuery(mango)).join('\n');
const isFullScan = (details: string) => /SCAN "?rx_projects_v0"?(?! USING)/.test(details);

describe('EXPLAIN QUERY PLAN', () => {
  it('searches an index for an indexed selector', () => {
    const details = plan({ selector: { ...live, status: { $eq: 'active' } } });
    expect(details).toMatch(/SEARCH .*rx_projects_v0.* USING INDEX .*status/);
    expect(isFullScan(details)).toBe(false);
  });

  it('uses an index range for a nested indexed field', () => {
    const details = plan({ selector: { ...live, 'budget.amount': { $gt: 2000 } } });
    expect(details).toMatch(/USING INDEX .*budget_amount.*\(_deleted=\? AND f_budget_amount>\?\)/);
    expect(isFullScan(details)).toBe(false);
  });

  it('reads an indexed sort in index order without sorting', () => {
    const details = plan({ selector: live, sort: [{ name: 'asc' }], limit: 10 });
    expect(details).toMatch(/USING INDEX .*name/);
    expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(isFullScan(details)).toBe(false);
  });

  it('serves a compound selector + sort from the compound index', () => {
    const details = plan({ selector: { ...live, status: { $eq: 'done' } }, sort: [{ priority: 'asc' }] });
    expect(details).toMatch(/USING INDEX .*status__f_priority/);
    expect(details).not.toMatch(/TEMP B-TREE/);
    // Descending: the index is read backwards; only RxDB's id tie-breaker (always ascending)
    // is sorted within equal priorities, never the whole result.
    const descending = plan({ selector: { ...live, status: { $eq: 'done' } }, sort: [{ priority: 'desc' }] });
    expect(descending).toMatch(/USING INDEX .*status__f_priority/);
    expect(descending).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('answers an $or with one index search per branch', () => {
    const details = plan({ selector: { ...live, $or: [{ status: { $eq: 'done' } }, { 'budget.amount': { $lt: 50 } }] } });
    expect(details).toMatch(/MULTI-INDEX OR/);
    expect(details).toMatch(/USING INDEX .*f_status.*\n.*\n.*USING INDEX .*f_budget_amount/s);
    expect(isFullScan(details)).toBe(false);
  });

  it('finds documents by id through the primary key', () => {
    const details = plan({ selector: { id: { $in: ['p1', 'p2'] } } });
    expect(details).toMatch(/USING (INDEX sqlite_autoindex|PRIMARY KEY)/);
  });

  it('falls back to a scan only when nothing is indexed (documented behaviour)', () => {
    expect(isFullScan(plan({ selector: { owner: { $eq: 'kim' } }, sort: [{ owner: 'asc' }] }))).toBe(true);
  });
});

describe('SQL translation', () => {
  const layout = createTableLayout('projects', projectSchema);
  const translate = (mango: MangoQuery<Project>) => planSqlQuery(layout, preparedQuery(mango).query as never);

  it('expresses indexed comparisons exactly, so no JS matching is needed', () => {
    for (const selector of [
      { ...live, status: { $eq: 'a' } },
      { ...live, priority: { $gt: 1, $lte: 5 } },
      { ...live, status: { $in: ['a', 'b'] }, isArchived: { $eq: false } },
      { ...live, status: { $nin: ['a'] } },
      { ...live, $or: [{ status: { $eq: 'a' } }, { 'budget.amount': { $lt: 5 } }] },
    ]) {
      expect(translate({ selector }).isSelectorExact, JSON.stringify(selector)).toBe(true);
    }
  });

  it('keeps a long $in / $nin list exact (one JSON parameter), so no document is matched against it in JS', () => {
    const ids = Array.from({ length: 600 }, (_, i) => `p${i * 2}`);
    for (const selector of [{ ...live, id: { $in: ids } }, { ...live, priority: { $nin: Array.from({ length: 600 }, (_, i) => i + 10) } }]) {
      const result = translate({ selector });
      expect(result.isSelectorExact).toBe(true);
      expect(result.where).toContain('json_each(?)');
    }
  });

  it('answers a long $in / $nin list with the same documents as the JS matcher', async () => {
    // 600 ids, half of them stored (p0, p2 … p298 exist; p300 … p1198 do not), and a status besides.
    const ids = Array.from({ length: 600 }, (_, i) => `p${i * 2}`);
    const found = await instance.query(preparedQuery({ selector: { ...live, id: { $in: ids }, status: { $eq: 'active' } } }));
    const expected = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 === 0).map((i) => `p${i}`);
    expect(found.documents.map((d) => d.id).sort()).toEqual(expected.sort());
    // Priorities 0–49: excluding 10 … 609 leaves 0–9, i.e. documents whose i % 50 < 10.
    const kept = await instance.query(preparedQuery({ selector: { ...live, priority: { $nin: Array.from({ length: 600 }, (_, i) => i + 10) } } }));
    expect(kept.documents.map((d) => d.id).sort()).toEqual(Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 50 < 10).map((i) => `p${i}`).sort());
  });

  it('marks what SQL cannot express as inexact but still narrows by the indexed part', () => {
    const result = translate({ selector: { ...live, status: { $eq: 'a' }, owner: { $eq: 'kim' } } });
    expect(result.isSelectorExact).toBe(false);
    expect(result.where).toContain('"f_status" = ?');
    expect(translate({ selector: { ...live, name: { $regex: '^Ab' } } }).where).toContain('"f_name" >= ?');
  });

  it('orders by index columns, or leaves sorting to JS for unindexed fields', () => {
    expect(translate({ selector: live, sort: [{ priority: 'desc' }] }).orderBy).toBe('"f_priority" DESC, "id" ASC');
    expect(translate({ selector: live, sort: [{ owner: 'asc' }] }).orderBy).toBeUndefined();
  });
});
