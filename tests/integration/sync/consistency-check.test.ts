import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCollections } from '../../../src-shared/sync/collections';
import { SYNC_API_PREFIX, type CollectionDigest, type DigestEntries, type DocumentsById, type WireDocument } from '../../../src-shared/sync/protocol';
import { createDigestCheck } from '../../../src-main/sync/digest-check';
import { createGatedFetch } from './support/gated-fetch';
import { openReplicaPc, type ReplicaPc } from './support/replica-pc';
import { baseFields, createTeam, editRow, leaveRecord, openTestDatabase, push, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * The consistency check (issue 21's safety net): whatever made a PC hold a version it has passed
 * in the feed, comparing digests finds it, the server's version is fetched again and stored, and
 * the check then finds nothing. The PC's network drops documents from its pages, the way a
 * dropped stream page leaves a PC: its checkpoint moves on, the documents stay as they were.
 */
let server: TestServer;
let team: Awaited<ReturnType<typeof createTeam>>;
let pc: ReplicaPc;
const gate = createGatedFetch();

const task = (id: string): WireDocument => ({
  ...baseFields(id, 'P-ADMIN'), projectId: 'PRJ-CHECK', title: `Task ${id}`, description: '', status: 'todo', priority: 'medium', watcherIds: [],
  progress: 0, checklist: [], dependsOn: [], kanbanRank: `k${id.slice(-1)}`, _deleted: false,
});
const ids = ['T-1', 'T-2', 'T-3', 'T-4', 'T-5'];
const checkOf = (replica: ReplicaPc) =>
  createDigestCheck({
    collection: replica.collection,
    spec: syncCollections.find((c) => c.name === 'tasks')!,
    all: syncCollections,
    send: (path, init) => replica.replication.send(path, init),
    lastSeenSeq: () => replica.replication.lastSeenSeq(),
    isPending: () => false,
    deliver: (documents) => replica.replication.deliver(documents),
    // Pages of two documents: the PC's documents are read page by page.
    pageSize: 2,
  });
const inject = (method: 'GET' | 'POST', url: string, token: string | null, payload?: unknown) =>
  server.app.inject({ method, url: `${SYNC_API_PREFIX}${url}`, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload: payload as object } : {}) });

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  team = await createTeam(server);
  expect((await push(server, team.admin.accessToken, 'tasks', ids.map((id) => ({ newDocumentState: task(id) })))).refused).toEqual([]);
  pc = await openReplicaPc({ serverUrl: server.url, tokens: team.admin, fetch: gate.fetch, collection: 'tasks' });
  await pc.replication.state.awaitInitialReplication();
  await waitUntil(async () => (await pc.collection.count().exec()) === ids.length && pc.replication.lastSeenSeq() !== null, 'the PC to hold the tasks');
});
afterAll(async () => {
  await pc?.close();
  await server?.close();
});

describe('the consistency check', () => {
  it('finds nothing when the PC holds what the server holds', async () => {
    expect(await checkOf(pc).run()).toEqual({ result: 'same', refetched: [], onlyHere: [] });
  });

  it('fetches again versions the PC passed in the feed without storing them (a change, a removal); names what only the PC has', async () => {
    // The PC's network drops T-3 and T-4 from what it delivers: its checkpoint passes their new versions.
    gate.dropped = new Set(['T-3', 'T-4']);
    const answer = await push(server, team.admin.accessToken, 'tasks', [
      editRow(task('T-3'), { title: 'Renamed on another PC' }, 'P-ADMIN'),
      editRow(task('T-4'), { _deleted: true }, 'P-ADMIN'),
    ]);
    expect(answer).toEqual({ conflicts: [], refused: [], waiting: [] });
    const newest = Number((await server.db.query<{ seq: string }>("SELECT max(seq) AS seq FROM documents WHERE collection = 'tasks'")).rows[0]!.seq);
    await waitUntil(async () => (pc.replication.lastSeenSeq() ?? 0) >= newest, 'the PC’s checkpoint past both versions');
    gate.dropped = new Set();
    await pc.replication.state.awaitInSync();
    expect((await pc.read('T-3'))?.title).toBe('Task T-3');
    // A document the server never had, stored on the PC as if it had come from the server.
    const asFromServer = await pc.replication.state.internalReplicationState!.downstreamBulkWriteFlag;
    await pc.collection.storageInstance.bulkWrite([{ document: { ...task('T-ONLY'), _meta: { lwt: Date.now() }, _rev: '1-onlyhere', _attachments: {} } }], asFromServer);

    const outcome = await checkOf(pc).run();
    expect(outcome.result).toBe('differed');
    expect(outcome.refetched.map((r) => r.id)).toEqual(['T-3', 'T-4']);
    expect(outcome.onlyHere).toEqual(['T-ONLY']);
    await waitUntil(async () => (await pc.read('T-3'))?.title === 'Renamed on another PC' && (await pc.read('T-4')) === null, 'the server’s versions on the PC');
    await pc.replication.state.awaitInSync();
    expect(await checkOf(pc).run()).toEqual({ result: 'differed', refetched: [], onlyHere: ['T-ONLY'] });
  });

  it('scopes digests, entries and documents to what the reader may read', async () => {
    // Max's leave request: read by Max, his manager and HR, not by the administrator.
    expect((await push(server, team.member.accessToken, 'records', [{ newDocumentState: leaveRecord('R-LEAVE', 'P-MEMBER') }])).refused).toEqual([]);
    const digestFor = async (token: string) => (await inject('GET', '/records/digest', token)).json<CollectionDigest>();
    const [forHr, forAdmin] = [await digestFor(team.hr.accessToken), await digestFor(team.admin.accessToken)];
    expect(forHr.buckets.reduce((n, b) => n + b.count, 0)).toBe(1);
    expect(forAdmin.buckets.reduce((n, b) => n + b.count, 0)).toBe(0);
    const all = Array.from({ length: 64 }, (_, i) => i).join(',');
    expect((await inject('GET', `/records/digest/entries?buckets=${all}`, team.admin.accessToken)).json<DigestEntries>().entries).toEqual([]);
    const [asAdmin] = (await inject('POST', '/records/documents', team.admin.accessToken, { ids: ['R-LEAVE'] })).json<DocumentsById>().documents;
    expect(asAdmin!.document).toMatchObject({ id: 'R-LEAVE', _deleted: true });
    expect(asAdmin!.document).not.toHaveProperty('data.personId');
  });

  it('refuses bad input and strangers', async () => {
    const token = team.member.accessToken;
    expect((await inject('GET', '/tasks/digest', null)).statusCode).toBe(401);
    expect((await inject('GET', '/nope/digest', token)).statusCode).toBe(404);
    for (const buckets of ['', 'a', '1,,2', '-1', '1;2', '999'.repeat(3)]) expect((await inject('GET', `/tasks/digest/entries?buckets=${encodeURIComponent(buckets)}`, token)).statusCode).toBe(400);
    expect((await inject('GET', '/tasks/digest/entries', token)).statusCode).toBe(400);
    expect((await inject('POST', '/tasks/documents', token, { ids: Array.from({ length: 501 }, (_, i) => `T-${i}`) })).statusCode).toBe(400);
    expect((await inject('POST', '/tasks/documents', token, { ids: [''] })).statusCode).toBe(400);
    expect((await inject('POST', '/tasks/documents', token, { ids: ['T-1'], extra: true })).statusCode).toBe(400);
    expect((await inject('POST', '/tasks/documents', token, { ids: [{ $ne: null }] })).statusCode).toBe(400);
    // Buckets past the last are not an error, just empty.
    expect((await inject('GET', '/tasks/digest/entries?buckets=99', token)).json<DigestEntries>().entries).toEqual([]);
  });
});
