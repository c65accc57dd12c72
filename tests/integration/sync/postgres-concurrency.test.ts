import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { createRefreshTokens } from '../../../sync-server/auth/refresh-tokens';
import { baseFields, createTeam, editRow, openTestDatabase, pull, push, signIn, startTestServer, team, type TestServer } from './support/test-server';
import { postgresSuiteTitle, postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';

/**
 * The sync server on a real PostgreSQL with many connections at once — what PGlite's single
 * connection never exercises: two server processes (each with its own connection pool) take
 * pushes to one collection and to one document at the same moment, and one refresh token is
 * presented many times at once. These are the paths guarded by the per-collection advisory lock
 * and by `SELECT … FOR UPDATE`; without them sequence numbers repeat (a pull by checkpoint then
 * skips documents), two racing writes both win, or one sign-in forks into two live tokens.
 */
const reason = postgresUnavailableReason();
const PARALLEL = 12;

describe.skipIf(Boolean(reason))(postgresSuiteTitle('the sync server on PostgreSQL under concurrent connections'), () => {
  let cluster: PostgresCluster;
  let a: TestServer;
  let b: TestServer;
  let tokens: Record<keyof typeof team, SessionTokens>;
  const servers = () => [a, b];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    a = await startTestServer({ db: await openTestDatabase(cluster.url) });
    b = await startTestServer({ db: await openTestDatabase(cluster.url) });
    tokens = await createTeam(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cluster?.stop();
  });

  const project = (id: string, fields: Record<string, unknown> = {}): WireDocument => ({
    ...baseFields(id, team.member.id), code: id, name: `Project ${id}`, status: 'planned', isArchived: false, _deleted: false, ...fields,
  });

  it('gives every document pushed at once through two processes its own sequence number, so a pull by checkpoint misses none', async () => {
    const ids = Array.from({ length: PARALLEL * 2 }, (_, i) => `PC-${String(i).padStart(2, '0')}`);
    const results = await Promise.all(ids.map((id, i) => push(servers()[i % 2]!, tokens.member.accessToken, 'projects', [{ newDocumentState: project(id) }])));
    expect(results.every((r) => r.conflicts.length === 0 && r.refused.length === 0)).toBe(true);

    // Paged in threes from the start, as a PC would: each document exactly once.
    const seen: string[] = [];
    let checkpoint: Awaited<ReturnType<typeof pull>>['checkpoint'] = null;
    for (let page = 0; page < 100; page++) {
      const next = await pull(servers()[page % 2]!, tokens.member.accessToken, 'projects', checkpoint, 3);
      seen.push(...next.documents.map((d) => String(d.id)));
      if (next.documents.length === 0) break;
      checkpoint = next.checkpoint;
    }
    expect(seen.filter((id) => id.startsWith('PC-')).sort()).toEqual(ids);
    const { rows } = await a.db.query<{ seq: string | number }>("SELECT seq FROM documents WHERE collection = 'projects'");
    expect(new Set(rows.map((r) => String(r.seq))).size).toBe(rows.length);
  });

  it('lets exactly one of many pushes racing to change one field win; every other is answered with the winner and recorded', async () => {
    const base = project('PR-RACE');
    await push(a, tokens.member.accessToken, 'projects', [{ newDocumentState: base }]);
    const names = Array.from({ length: PARALLEL }, (_, i) => `Name from PC ${i}`);
    const results = await Promise.all(
      names.map((name, i) => push(servers()[i % 2]!, tokens.member.accessToken, 'projects', [editRow(base, { name }, team.member.id)])),
    );
    const winners = names.filter((_, i) => results[i]!.conflicts.length === 0);
    expect(winners).toHaveLength(1);
    for (const result of results) if (result.conflicts.length > 0) expect(result.conflicts).toEqual([expect.objectContaining({ id: 'PR-RACE', name: winners[0] })]);

    const stored = (await pull(b, tokens.member.accessToken, 'projects', null, 1000)).documents.find((d) => d.id === 'PR-RACE');
    expect(stored?.name).toBe(winners[0]);
    const activity = await pull(a, tokens.member.accessToken, 'activity', null, 1000);
    const lost = activity.documents.filter((d) => d.kind === 'conflict' && d.subjectId === 'PR-RACE').map((d) => (d.data as { lostVersion: { name: string } }).lostVersion.name);
    expect(lost.sort()).toEqual(names.filter((n) => n !== winners[0]).sort());
  });

  it('merges pushes racing to change different fields of one document: none is lost', async () => {
    const base = project('PR-MERGE', { description: 'base', tags: [] });
    await push(a, tokens.member.accessToken, 'projects', [{ newDocumentState: base }]);
    const edits: Record<string, unknown>[] = [{ name: 'Renamed' }, { description: 'Described' }, { tags: ['GMP'] }, { startDate: '2026-03-02' }];
    const results = await Promise.all(edits.map((edit, i) => push(servers()[i % 2]!, tokens.member.accessToken, 'projects', [editRow(base, edit, team.member.id)])));
    expect(results.flatMap((r) => r.refused)).toEqual([]);
    const stored = (await pull(b, tokens.member.accessToken, 'projects', null, 1000)).documents.find((d) => d.id === 'PR-MERGE');
    expect(stored).toMatchObject({ name: 'Renamed', description: 'Described', tags: ['GMP'], startDate: '2026-03-02' });
  });

  it('keeps one live refresh token when the same one is presented many times at once, through two processes', async () => {
    const session = await signIn(a, team.hr);
    const stores = [createRefreshTokens(a.db, 30, 60_000), createRefreshTokens(b.db, 30, 60_000)];
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => stores[i % 2]!.rotate(session.refreshToken, now)));
    // The first is a rotation, the rest retries of an answer that might have been lost: all answered…
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && !o.isRetry)).toHaveLength(1);
    // …but the family has exactly one token left that can be used, and it is one of the answers.
    // Tokens are stored as their SHA-256 (refresh-tokens.ts).
    const tokenHash = createHash('sha256').update(session.refreshToken).digest('base64url');
    const { rows } = await a.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND used_at IS NULL AND revoked_at IS NULL`,
      [tokenHash],
    );
    expect(Number(rows[0]?.n)).toBe(1);
    const issued = outcomes.flatMap((o) => (o.ok ? [o.token] : []));
    const usable = [];
    for (const token of issued) if ((await stores[0]!.rotate(token, new Date(now.getTime() + 1000))).ok) usable.push(token);
    expect(usable).toHaveLength(1);
  });

  it('answers a burst of sign-ins and refreshes over HTTP on both processes without an error', async () => {
    const sessions = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => signIn(servers()[i % 2]!, team.manager)));
    const refreshed = await Promise.all(
      sessions.map((s, i) => servers()[(i + 1) % 2]!.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: s.refreshToken } })),
    );
    expect(refreshed.map((r) => r.statusCode)).toEqual(sessions.map(() => 200));
  });
});
if (reason) console.warn(`Skipping the PostgreSQL concurrency tests: ${reason}`);
