import { afterAll, describe, expect, it } from 'vitest';
import { baseFields, createTeam, openTestDatabase, push, startTestServer, team, type TestServer } from './support/test-server';
import { postgresSuiteTitle, postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';

/**
 * Two sync server processes behind one PostgreSQL (as behind a load balancer): a change pushed to
 * one reaches a live stream opened on the other through LISTEN/NOTIFY, and a stream resumed from a
 * checkpoint replays what it missed.
 */
const reason = postgresUnavailableReason();
if (reason) console.warn(`Skipping the multi-instance test: ${reason}`);

async function readEvents(url: string, token: string, until: (events: { documents: { id: string }[] }[]) => boolean, timeoutMs = 10_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { documents: { id: string }[]; checkpoint: { seq: number; id: string; scope: string } }[] = [];
  let heartbeats = 0;
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(': ping')) heartbeats++;
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)));
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { events, heartbeats };
}

describe.skipIf(Boolean(reason))(postgresSuiteTitle('two server processes on one PostgreSQL'), () => {
  let cluster: PostgresCluster;
  let a: TestServer;
  let b: TestServer;
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cluster?.stop();
  });

  it('fans live changes out through LISTEN/NOTIFY and resumes streams from a checkpoint', async () => {
    cluster = await startPostgresCluster();
    a = await startTestServer({ db: await openTestDatabase(cluster.url), listen: true });
    b = await startTestServer({ db: await openTestDatabase(cluster.url), listen: true });
    const tokens = await createTeam(a);
    const project = (id: string) => ({ newDocumentState: { ...baseFields(id, team.admin.id), code: id, name: id, status: 'planned', isArchived: false, _deleted: false } });

    const live = readEvents(`${b.url}/sync/v2/projects/stream`, tokens.member.accessToken, (events) => events.some((e) => e.documents.some((d) => d.id === 'MI-2')));
    await new Promise((r) => setTimeout(r, 300));
    await push(a, tokens.admin.accessToken, 'projects', [project('MI-1')]);
    await push(a, tokens.admin.accessToken, 'projects', [project('MI-2')]);
    const { events, heartbeats } = await live;
    expect(events.flatMap((e) => e.documents.map((d) => d.id))).toEqual(['MI-1', 'MI-2']);
    expect(heartbeats).toBeGreaterThan(0);

    // A stream reopened on A from the checkpoint after MI-1 gets MI-2 and what came since.
    const afterFirst = events[0]!.checkpoint;
    await push(b, tokens.admin.accessToken, 'projects', [project('MI-3')]);
    const resumed = await readEvents(`${a.url}/sync/v2/projects/stream?${new URLSearchParams({ seq: String(afterFirst.seq), id: afterFirst.id, scope: afterFirst.scope })}`, tokens.member.accessToken, (all) => all.flatMap((e) => e.documents).length >= 2);
    expect(resumed.events.flatMap((e) => e.documents.map((d) => d.id))).toEqual(['MI-2', 'MI-3']);
  });
});
