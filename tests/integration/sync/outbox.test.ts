import { afterAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../../src-shared/notifications/notification-model';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import type { ServerOutboxDispatcher } from '../../../sync-server/outbox/outbox-dispatcher';
import { startOutboxWorker } from '../../../sync-server/outbox/outbox-worker';
import { createServerLogger } from '../../../sync-server/logger';
import { postgresSuiteTitle, postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';
import { baseFields, createTeam, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * Team-mode outbox: deliveries pushed by PCs are sent by the server once per notification id —
 * retried with back-off, given up when permanent — and the outcome syncs back on the document.
 * With two server processes on one PostgreSQL, SKIP LOCKED hands each delivery to one of them.
 */
const log = createServerLogger('silent');
const quick = { baseMs: 5, maxMs: 5 };

const outboxDoc = (id: string, overrides: Partial<Delivery> = {}): WireDocument => ({
  ...baseFields(id, team.member.id),
  kind: 'outbox',
  recipientId: team.member.id,
  isRead: true,
  at: '2026-01-05T09:00:00.000Z',
  event: 'task_assigned',
  status: 'pending',
  dueAt: '2026-01-05T09:00:00.000Z',
  data: { channel: 'email', to: 'max@lab.org', toName: 'Max', subject: `Subject ${id}`, text: 't', html: '<p>t</p>', idempotencyKey: id, attempts: 0, maxAttempts: 3, log: [], ...overrides },
  _deleted: false,
});

const recording = (behaviour: (id: string, attempt: number) => { isOk: boolean; isPermanent?: boolean } = () => ({ isOk: true }), delayMs = 0) => {
  const calls: string[] = [];
  const dispatcher: ServerOutboxDispatcher = {
    async deliver(delivery) {
      calls.push(delivery.idempotencyKey);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const outcome = behaviour(delivery.idempotencyKey, calls.filter((c) => c === delivery.idempotencyKey).length);
      return { ...outcome, detail: outcome.isOk ? '250 accepted' : 'connection refused' };
    },
  };
  return { dispatcher, calls };
};

describe('outbox on the embedded PostgreSQL', () => {
  let server: TestServer;
  afterAll(async () => server?.close());

  it('delivers each notification once, even when several PCs push it, and syncs the outcome back', async () => {
    server = await startTestServer({ db: await openTestDatabase() });
    const tokens = await createTeam(server);
    // The same delivery arrives from two PCs (both had it before it was sent).
    await push(server, tokens.member.accessToken, 'notifications', [{ newDocumentState: outboxDoc('OB-1') }, { newDocumentState: outboxDoc('OB-2') }]);
    await push(server, tokens.member.accessToken, 'notifications', [{ newDocumentState: outboxDoc('OB-1') }]);
    const { dispatcher, calls } = recording();
    const worker = startOutboxWorker({ db: server.db, dispatcher, log, backoff: quick, intervalMs: 60_000 });
    await worker.stop();
    await worker.runOnce();
    await worker.runOnce();
    expect(calls.sort()).toEqual(['OB-1', 'OB-2']);
    const docs = (await pull(server, tokens.member.accessToken, 'notifications', null, 100)).documents;
    expect(docs.find((d) => d.id === 'OB-1')).toMatchObject({ status: 'delivered', data: { attempts: 1, deliveredAt: expect.any(String), log: [expect.objectContaining({ isOk: true })] } });
  });

  it('retries a failed delivery with back-off and gives up on a permanent failure', async () => {
    const tokens = await signInMember(server);
    await push(server, tokens.accessToken, 'notifications', [{ newDocumentState: outboxDoc('OB-RETRY') }, { newDocumentState: outboxDoc('OB-DEAD') }]);
    const { dispatcher, calls } = recording((id, attempt) => (id === 'OB-DEAD' ? { isOk: false, isPermanent: true } : { isOk: attempt > 1 }));
    const worker = startOutboxWorker({ db: server.db, dispatcher, log, backoff: quick, intervalMs: 60_000 });
    await worker.stop();
    await worker.runOnce();
    await new Promise((r) => setTimeout(r, 20));
    await worker.runOnce();
    await worker.runOnce();
    expect(calls.sort()).toEqual(['OB-DEAD', 'OB-RETRY', 'OB-RETRY']);
    const { rows } = await server.db.query<{ notification_id: string; status: string; attempts: number }>("SELECT notification_id, status, attempts FROM outbox_deliveries WHERE notification_id LIKE 'OB-%' ORDER BY notification_id");
    expect(rows).toEqual(expect.arrayContaining([{ notification_id: 'OB-DEAD', status: 'failed', attempts: 1 }, { notification_id: 'OB-RETRY', status: 'delivered', attempts: 2 }]));
    const docs = (await pull(server, tokens.accessToken, 'notifications', null, 100)).documents;
    expect(docs.find((d) => d.id === 'OB-DEAD')).toMatchObject({ status: 'dead', data: { lastError: 'connection refused' } });
  });
});

async function signInMember(server: TestServer) {
  const response = await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.member.email, password: team.member.password } });
  return response.json<{ accessToken: string }>();
}

const reason = postgresUnavailableReason();
describe.skipIf(Boolean(reason))(postgresSuiteTitle('outbox with two server processes on one PostgreSQL'), () => {
  let cluster: PostgresCluster;
  let first: TestServer;
  let second: TestServer;
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await cluster?.stop();
  });

  it('sends every delivery exactly once', async () => {
    cluster = await startPostgresCluster();
    first = await startTestServer({ db: await openTestDatabase(cluster.url) });
    second = await startTestServer({ db: await openTestDatabase(cluster.url) });
    const tokens = await createTeam(first);
    const ids = Array.from({ length: 30 }, (_, i) => `OB-PG-${String(i).padStart(2, '0')}`);
    // Pushed through both servers, as PCs connected to different processes would.
    await push(first, tokens.member.accessToken, 'notifications', ids.map((id) => ({ newDocumentState: outboxDoc(id) })));
    await push(second, tokens.member.accessToken, 'notifications', ids.slice(0, 10).map((id) => ({ newDocumentState: outboxDoc(id) })));
    const a = recording(undefined, 5);
    const b = recording(undefined, 5);
    const workers = [startOutboxWorker({ db: first.db, dispatcher: a.dispatcher, log, intervalMs: 10, batchSize: 3 }), startOutboxWorker({ db: second.db, dispatcher: b.dispatcher, log, intervalMs: 10, batchSize: 3 })];
    const deadline = Date.now() + 20_000;
    while (a.calls.length + b.calls.length < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Stopped (each waits for its batch in flight), then one more pass each: the queue is drained, so no late repeat can follow the check.
    await Promise.all(workers.map((w) => w.stop()));
    expect(await Promise.all(workers.map((w) => w.runOnce()))).toEqual([0, 0]);
    const all = [...a.calls, ...b.calls].sort();
    expect(all).toEqual(ids);
    expect(a.calls.length).toBeGreaterThan(0);
    expect(b.calls.length).toBeGreaterThan(0);
  });
});
if (reason) console.warn(`Skipping the two-process outbox test: ${reason}`);
