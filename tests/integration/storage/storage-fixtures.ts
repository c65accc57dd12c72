import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery, PreparedQuery, RxDocumentData, RxJsonSchema, RxStorage } from 'rxdb';
import { getRxStorageSqlite } from '../../../src-main/storage/sqlite/sqlite-storage';
import type { RxStorageSqlite, SqliteStorageOptions } from '../../../src-main/storage/sqlite/sqlite-storage';
import type { RxStorageInstanceSqlite } from '../../../src-main/storage/sqlite/sqlite-instance';

/** Shared fixtures of the storage tests: temp folders, a schema with indexes, documents, queries. */

export type Project = {
  id: string;
  name: string;
  status: string;
  priority: number;
  isArchived: boolean;
  budget: { amount: number; currency: string };
  owner?: string;
  tags?: string[];
};

/** A schema with single, nested and compound indexes, as an application declares it. */
export const projectJsonSchema: RxJsonSchema<Project> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 100 },
    status: { type: 'string', maxLength: 20 },
    priority: { type: 'integer', minimum: 0, maximum: 100, multipleOf: 1 },
    isArchived: { type: 'boolean' },
    budget: {
      type: 'object',
      properties: {
        amount: { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
        currency: { type: 'string', maxLength: 3 },
      },
      required: ['amount', 'currency'],
    },
    owner: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'name', 'status', 'priority', 'isArchived', 'budget'],
  indexes: ['name', 'budget.amount', ['status', 'priority'], 'isArchived'],
};

/** The same schema after RxDB's normalisation, as storage instances receive it. */
export const projectSchema: RxJsonSchema<RxDocumentData<Project>> = fillWithDefaultSettings<Project>(projectJsonSchema);

/** Documents per bulkWrite in the crash test (writer and checker must agree). */
export const CRASH_BATCH_SIZE = 10;

export type TempDir = { dir: string; cleanup: () => void };

export function makeTempDir(prefix = 'labflow-storage-'): TempDir {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sqliteStorage(dir: string, options: Partial<SqliteStorageOptions> = {}): RxStorageSqlite {
  return getRxStorageSqlite({ directory: dir, ...options });
}

export async function createProjectsInstance(
  storage: RxStorage<unknown, unknown> | RxStorageSqlite,
  databaseName = 'lab',
  collectionName = 'projects',
): Promise<RxStorageInstanceSqlite<Project>> {
  const instance = await (storage as RxStorageSqlite).createStorageInstance<Project>({
    databaseInstanceToken: 'test-token',
    databaseName,
    collectionName,
    schema: projectSchema,
    options: {},
    multiInstance: false,
    devMode: true,
  });
  return instance as RxStorageInstanceSqlite<Project>;
}

let lwtCounter = 1_700_000_000_000;

/** A stored document as RxDB writes it; `lwt` increases per call unless given. */
export function projectDoc(
  id: string,
  fields: Partial<Project> = {},
  meta: { rev?: string; isDeleted?: boolean; lwt?: number } = {},
): RxDocumentData<Project> {
  return {
    id,
    name: `Project ${id}`,
    status: 'active',
    priority: 1,
    isArchived: false,
    budget: { amount: 1000, currency: 'EUR' },
    ...fields,
    _deleted: meta.isDeleted ?? false,
    _rev: meta.rev ?? '1-aaaa',
    _meta: { lwt: meta.lwt ?? ++lwtCounter + 0.01 },
    _attachments: {},
  };
}

export function preparedQuery(mango: MangoQuery<Project>): PreparedQuery<Project> {
  return prepareQuery(projectSchema, normalizeMangoQuery(projectSchema, mango));
}

export function idsOf(docs: { id: string }[]): string[] {
  return docs.map((doc) => doc.id);
}
