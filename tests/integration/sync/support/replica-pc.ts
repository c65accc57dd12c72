import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { migrations } from '../../../../src-shared/db/migrations';
import { schemas, type CollectionName } from '../../../../src-shared/db/schemas';
import type { SessionTokens } from '../../../../src-shared/sync/protocol';
import { syncCollections } from '../../../../src-shared/sync/collections';
import { replicateCollection, type CollectionReplication, type CollectionReplicationOptions } from '../../../../src-main/sync/collection-replication';
import type { Fetch } from '../../../../src-main/sync/server-api';
import { createServerSession, type ServerSession } from '../../../../src-main/sync/server-session';
import { createParkedRows } from '../../../../src-main/sync/parked-rows';
import { createHeldDocuments } from '../../../../src-main/database/held-documents';
import type { LabDatabase } from '../../../../src-main/database/open-database';
import { getRxStorageSqlite } from '../../../../src-main/storage/sqlite/sqlite-storage';

/**
 * One PC reduced to what the replication protocol sees: an RxDB database on LabFlow's SQLite
 * storage with one collection, replicated with the sync server through `src-main/sync`'s
 * `replicateCollection` over a `fetch` the test controls. No host, no commands: the test writes
 * documents as a feature would and watches what the replication does with them.
 */
export interface ReplicaPc {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of any collection
  collection: RxCollection<any>;
  replication: CollectionReplication;
  isStreamUp(): boolean;
  /** The document as stored on this PC, without RxDB's own fields. */
  read(id: string): Promise<Record<string, unknown> | null>;
  /** Changes a document the way the audited writer does (a new version with new fields). */
  edit(id: string, fields: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

export async function openReplicaPc(options: {
  serverUrl: string;
  tokens: SessionTokens;
  fetch: Fetch;
  collection: CollectionName;
  /**
   * People signed in on this PC besides its account: each row goes with its author's sign-in
   * (push-sender.ts), naming the audit entry its document names. Without it, every row goes with
   * the PC's account.
   */
  sessionFor?: (personId: string) => ServerSession | null;
  extra?: Partial<CollectionReplicationOptions>;
}): Promise<ReplicaPc> {
  const dir = mkdtempSync(join(tmpdir(), 'labflow-replica-'));
  const db: RxDatabase = await createRxDatabase({ name: 'replica', storage: getRxStorageSqlite({ directory: dir }), multiInstance: false, localDocuments: true });
  await db.addCollections({ [options.collection]: { schema: schemas[options.collection], migrationStrategies: migrations[options.collection] ?? {} } });
  const collection = db[options.collection]!;
  const spec = syncCollections.find((c) => c.name === options.collection)!;
  const session = createServerSession({ serverUrl: options.serverUrl, tokens: options.tokens, fetch: options.fetch, onRotated: () => undefined, onEnded: () => undefined });
  let isUp = false;
  const { sessionFor } = options;
  const authors = sessionFor
    ? {
        sessionFor: (personId: string) => (personId === options.tokens.person.id ? session : sessionFor(personId)),
        // Waiting rows need only the database's local documents, which this one has like LabFlow's.
        parked: createParkedRows(db as unknown as LabDatabase, createHeldDocuments()),
        auditIdsOf: async (_collection: string, records: readonly Record<string, unknown>[]) => new Map(records.filter((r) => r.auditId).map((r) => [String(r.id), [String(r.auditId)]])),
        clock: () => new Date(),
      }
    : undefined;
  const replication = replicateCollection({
    collection,
    spec,
    all: syncCollections,
    session,
    identifier: `replica-${options.collection}`,
    isLive: true,
    retryTimeMs: 100,
    silenceTimeoutMs: 5000,
    maxBackoffMs: 200,
    onStreamState: (up) => (isUp = up),
    ...(authors ? { authors } : {}),
    ...options.extra,
  });
  const plain = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
  return {
    collection,
    replication,
    isStreamUp: () => isUp,
    async read(id) {
      const doc = await collection.findOne(id).exec();
      return doc ? plain(doc.toJSON() as Record<string, unknown>) : null;
    },
    async edit(id, fields) {
      const doc = await collection.findOne(id).exec();
      if (!doc) throw new Error(`${id} is not on this PC`);
      await doc.incrementalPatch(fields);
    },
    async close() {
      await replication.cancel();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
