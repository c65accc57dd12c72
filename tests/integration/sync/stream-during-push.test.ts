import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { createServerSession } from '../../../src-main/sync/server-session';
import { createGatedFetch } from './support/gated-fetch';
import { openReplicaPc, type ReplicaPc } from './support/replica-pc';
import { baseFields, createTeam, openTestDatabase, push, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * Issue 21 (1): a PC that says "Up to date" while holding an outdated version, for good.
 *
 * PC B pushes its offline edit of a task; the server accepts it. Before B has recorded that
 * answer, PC A's edit of another field of the same task is merged onto it, and the live stream
 * brings the merged version to B. RxDB drops a server document while the PC holds a write of it
 * the server has not confirmed (it expects the push's answer to bring the server's version), and
 * moves its checkpoint past it; but the push's answer is "accepted", so nothing ever brings the
 * merged version again. The push is held at the network after the server committed it, and the
 * stream's delivery is awaited, so the interleaving is forced, not hoped for.
 *
 * B's push runs in RxDB's re-sync pass (after a reconnect or "Sync now"), where RxDB does not hold
 * back live events as it does for the pushes of live edits; a push split into several requests
 * (one per author) widens the same window from one round trip to all of them.
 */
let server: TestServer;
let team: Awaited<ReturnType<typeof createTeam>>;
const at = (minute: number) => `2026-01-05T09:${String(minute).padStart(2, '0')}:00.000Z`;
const task = (id: string, rank: string): WireDocument => ({
  ...baseFields(id, 'P-ADMIN'), projectId: 'PRJ-RACE', title: `Task ${id}`, description: '', status: 'todo', priority: 'medium', watcherIds: [],
  progress: 0, checklist: [], dependsOn: [], kanbanRank: rank, _deleted: false,
});

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  team = await createTeam(server);
  // Max is on the project's team, so he may change its tasks with his own sign-in.
  const project = { ...baseFields('PRJ-RACE', 'P-ADMIN'), code: 'RACE', name: 'Race', description: '', status: 'planned', isArchived: false, teamIds: ['P-MEMBER'], tags: [], _deleted: false };
  expect((await push(server, team.admin.accessToken, 'projects', [{ newDocumentState: project }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

const serverSeq = async (id: string) => Number((await server.db.query<{ seq: string }>("SELECT seq FROM documents WHERE collection = 'tasks' AND id = $1", [id])).rows[0]!.seq);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB's internal replication state is untyped here
const downCheckpointSeq = (pc: ReplicaPc): number => Number((pc.replication.state.internalReplicationState?.lastCheckpointDoc.down as any)?.checkpointData?.seq ?? 0);

describe('a server version that arrives while the PC’s push of that document is unanswered', () => {
  it.each([
    ['one request', 'P-ADMIN', 1],
    ['two requests, one per author (a second person signed in on the PC)', 'P-MEMBER', 2],
  ])('reaches the PC once the push is answered, instead of being dropped for good: %s', async (_name, editor, requests) => {
    const [t, other] = [task(`T-${requests}`, `m${requests}`), task(`U-${requests}`, `n${requests}`)];
    expect((await push(server, team.admin.accessToken, 'tasks', [{ newDocumentState: t }, { newDocumentState: other }])).refused).toEqual([]);
    const gate = createGatedFetch();
    // The PC's account is the admin; Max, signed in on the PC too, pushes his own changes as himself.
    const max = createServerSession({ serverUrl: server.url, tokens: team.member, fetch: gate.fetch, onRotated: () => undefined, onEnded: () => undefined });
    const b = await openReplicaPc({ serverUrl: server.url, tokens: team.admin, fetch: gate.fetch, collection: 'tasks', sessionFor: (id) => (id === 'P-MEMBER' ? max : null) });
    try {
      await b.replication.state.awaitInitialReplication();
      await waitUntil(async () => b.isStreamUp() && (await b.read(t.id as string)) !== null, 'B has the tasks and its live stream');

      // A push of another edit is held, so B's next edits wait for the re-sync pass ("Sync now").
      gate.isHolding = true;
      await b.edit(other.id as string, { title: 'Other, first edit on B', updatedAt: at(1), auditId: 'AUDIT-B0' });
      await waitUntil(async () => gate.held.length === 1, 'the first push at the server');
      await b.edit(t.id as string, { title: 'Renamed on B', updatedAt: at(2), updatedBy: editor, auditId: 'AUDIT-B' });
      await b.edit(other.id as string, { title: 'Other, second edit on B', updatedAt: at(2), auditId: 'AUDIT-B2' });
      b.replication.state.reSync();
      gate.held[0]!.release();
      // The re-sync pass pushes the rename; the server commits it, its answer waits.
      await waitUntil(async () => gate.held.length === 2, 'B’s rename at the server');
      expect(gate.held[1]!.body).toContain('Renamed on B');
      expect(gate.held[1]!.body.includes('Other, second edit on B')).toBe(requests === 1);

      // A changes the description; the server merges it onto B's rename and streams the result to B.
      const answer = await push(server, team.admin.accessToken, 'tasks', [{ newDocumentState: { ...t, description: 'Described on A', updatedAt: at(3), auditId: 'AUDIT-A' }, assumedMasterState: t, auditIds: ['AUDIT-A'] }]);
      expect(answer.conflicts[0]).toMatchObject({ title: 'Renamed on B', description: 'Described on A' });
      const mergedSeq = await serverSeq(t.id as string);
      await waitUntil(async () => gate.streamText.includes('Described on A'), 'the merged version on B’s live stream');
      // B has taken the streamed version in (and dropped it, before the fix) or holds it back until its push is answered.
      await waitUntil(async () => downCheckpointSeq(b) >= mergedSeq || b.replication.heldDocuments() > 0, 'B to take in or hold the streamed version');

      gate.held[1]!.release();
      // With two authors the push's second request (the other task, with the PC's account) follows.
      if (requests === 2) await waitUntil(async () => gate.held.length === 3, 'the push’s second request');
      gate.isHolding = false;
      gate.held[2]?.release();
      await waitUntil(async () => (await b.read(t.id as string))?.description === 'Described on A', 'B to hold the merged version', 10_000);
      expect(await b.read(t.id as string)).toMatchObject({ title: 'Renamed on B', description: 'Described on A' });
      await b.replication.state.awaitInSync();
      expect(b.replication.heldDocuments()).toBe(0);
      expect((await b.read(other.id as string))?.title).toBe('Other, second edit on B');
    } finally {
      gate.isHolding = false;
      for (const held of gate.held) held.release();
      await b.close();
    }
  });
});
