import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCollections } from '../../../src-shared/sync/collections';
import { documentHash } from '../../../src-shared/sync/digest';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { mixOf, seedMixedDocuments } from './support/mixed-documents';
import { openTestDatabase, startTestServer, type TestServer } from './support/test-server';
import { upToDate } from './support/two-desktops';
import { waitUntil } from './support/wait';

/**
 * A new PC joining a team whose server already holds a lab's documents (issue 19 item 9): after
 * its first sync it holds every one of them with exactly the server's content. The pull pages,
 * the storage's bulk writes and the reminder rules' reads of what arrived (all tuned for large
 * first syncs) are on this path.
 */
const COLLECTIONS = ['projects', 'plan_items', 'tasks', 'activity'] as const;
const admin = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };

let server: TestServer;
let pc: Desktop;
// 2,600 documents: more than two pull pages of tasks, so checkpoints between pages are crossed.
const counts = mixOf(2600);

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  await seedMixedDocuments(server.db, counts, { projects: 0, plan_items: 0, tasks: 0, activity: 0 });
  pc = await startDesktop(tempDataDir(), { LABFLOW_SYNC_RETRY_MS: '300' });
}, 120_000);

afterAll(async () => {
  await pc?.close();
  await server?.close();
});

async function serverDocuments(collection: string): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await server.db.query<{ id: string; data: Record<string, unknown> }>('SELECT id, data FROM documents WHERE collection = $1 AND NOT deleted', [collection]);
  return new Map(rows.map((r) => [r.id, r.data]));
}

describe('first sync of a new PC', () => {
  it('ends with every mixed document on the PC, identical to the server’s', async () => {
    expect((await pc.call('auth/create-administrator', admin)).ok).toBe(true);
    const joined = await pc.call('sync/connect', { serverUrl: server.url, ...admin, setupToken: await issueSetupToken(server.db) });
    expect(joined.ok).toBe(true);
    await waitUntil(async () => {
      for (const collection of COLLECTIONS) if ((await pc.count(collection)) < counts[collection]) return false;
      return true;
    }, 'every document on the PC', 120_000);
    await upToDate(pc, 60_000);

    for (const collection of COLLECTIONS) {
      const spec = syncCollections.find((c) => c.name === collection)!;
      const onServer = await serverDocuments(collection);
      const onPc = new Map((await pc.find(collection)).map((d) => [String(d.id), d]));
      expect(onServer.size, collection).toBe(counts[collection]);
      expect([...onPc.keys()].sort(), collection).toEqual([...onServer.keys()].sort());
      const differing = [...onServer].filter(([id, doc]) => documentHash(spec, doc, syncCollections) !== documentHash(spec, onPc.get(id)!, syncCollections));
      expect(differing.map(([id]) => id), collection).toEqual([]);
      // The content itself, not only its hash, for one document of each collection.
      const [id, sample] = [...onServer][0]!;
      expect(onPc.get(id), collection).toMatchObject(sample);
    }
  }, 300_000);
});
