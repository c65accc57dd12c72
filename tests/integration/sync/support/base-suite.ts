import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { addRxPlugin, type RxCollection, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { defineSyncCollection, syncCollections } from '../../../../src-shared/sync/collections';
import { createServerSession, type ServerSession } from '../../../../src-main/sync/server-session';
import { replicateCollection } from '../../../../src-main/sync/collection-replication';
import { getRxStorageSqlite } from '../../../../src-main/storage/sqlite/sqlite-storage';
import { createTeam, openTestDatabase, startTestServer, type TestServer } from './test-server';

/**
 * Runs RxDB's own replication test suite (rxdb/plugins/test-utils) with LabFlow's desktop
 * replication (src-main/sync) against a real sync server on `database`. The suite's `human`
 * collection is registered on the server like any LabFlow collection, which also shows that a new
 * collection syncs by registration alone. Clients store on our SQLite storage in a temp folder.
 */
export async function runBaseSuiteAgainst(label: string, database: () => Promise<{ url?: string; stop?: () => Promise<void> } | null>, skipReason?: string | null) {
  // The suite's collections ask for `ignoreDuplicate`, which RxDB allows only in dev-mode.
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  // The suite is written for mocha's global describe/it.
  Object.assign(globalThis, { describe, it });
  const testUtils = await import('rxdb/plugins/test-utils');
  const dir = mkdtempSync(join(tmpdir(), 'labflow-base-suite-'));
  // Dev-mode insists on schema validation around the storage.
  const storage = wrappedValidateAjvStorage({ storage: getRxStorageSqlite({ directory: dir }) }) as RxStorage<unknown, unknown>;
  testUtils.setConfig({
    storage: { name: 'labflow-sqlite', getStorage: () => storage, getPerformanceStorage: () => ({ storage, description: 'labflow-sqlite' }), hasPersistence: true, hasMultiInstance: false, hasAttachments: false, hasReplication: true } as never,
  });

  const human = defineSyncCollection('human', testUtils.schemas.human);
  let server: TestServer;
  let session: ServerSession;
  let stop: (() => Promise<void>) | undefined;

  describe.skipIf(Boolean(skipReason))(`RxDB replication base suite on ${label}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    beforeAll(async () => {
      const target = await database();
      stop = target?.stop;
      server = await startTestServer({ db: await openTestDatabase(target?.url), listen: true, collections: [...syncCollections, human] });
      const tokens = await createTeam(server);
      session = createServerSession({ serverUrl: server.url, tokens: tokens.member, onRotated: () => undefined, onEnded: () => undefined });
    });
    afterAll(async () => {
      await server?.close();
      await stop?.();
      rmSync(dir, { recursive: true, force: true });
    });

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the suite's collections are untyped
    const start = (collection: RxCollection<any>, isLive: boolean) =>
      replicateCollection({ collection, spec: human, all: [...syncCollections, human], session, identifier: `base-suite-${collection.database.name}`, isLive, retryTimeMs: 200, silenceTimeoutMs: 5000 });

    testUtils.runReplicationBaseTestSuite({
      startReplication: (collection) => {
        const replication = start(collection, true);
        collection.onClose.push(() => replication.cancel());
        return replication.state;
      },
      async syncOnce(collection) {
        const replication = start(collection, false);
        await replication.state.awaitInitialReplication();
        await replication.cancel();
      },
      getAllServerDocs: async () => (await server.db.query<{ data: Record<string, unknown>; deleted: boolean }>("SELECT data, deleted FROM documents WHERE collection = 'human'")).rows.map((r) => ({ ...r.data, _deleted: r.deleted })),
      cleanUpServer: async () => void (await server.db.query("DELETE FROM documents WHERE collection = 'human'")),
      softDeletes: true,
      isDeleted: (doc) => doc._deleted === true,
      getPrimaryOfServerDoc: (doc) => doc.passportId,
    });
  });
}
