import { expect } from 'vitest';
import { isSameContent } from '../../../../src-shared/sync/conflicts';
import type { SessionTokens, WireDocument } from '../../../../src-shared/sync/protocol';
import type { SyncStatusView } from '../../../../src-shared/sync/sync-status';
import { issueSetupToken } from '../../../../sync-server/auth/bootstrap';
import { tempDataDir } from '../../support/sqlite-host';
import { startDesktop, type Desktop } from './desktop-driver';
import { startTcpProxy } from './tcp-proxy';
import { openTestDatabase, pull, push, signIn, startTestServer, type TestServer } from './test-server';
import { waitUntil } from './wait';

/**
 * The lab the attack suites (attacks*.test.ts) break into: a real sync server and two real desktop
 * hosts in their own processes. PC A is the administrator's (Ada), joined with the set-up token; PC
 * B is Max's own PC, which he set up standalone (so he is its local administrator) and joined with
 * his member account. Ada added Max (member), Hana (HR) and Otto (a second administrator).
 * An attacker with an ordinary account pushes straight to the server with his own sign-in — a
 * modified PC, a stolen refresh token or a script — and each attack must be refused, logged,
 * listed as refused in his answer, and change nothing on the server or either PC.
 */
export const people = {
  ada: { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' },
  max: { name: 'Max Member', email: 'max@lab.org', password: 'max password 123' },
  hana: { name: 'Hana HR', email: 'hana@lab.org', password: 'hana password 12' },
  otto: { name: 'Otto Other', email: 'otto@lab.org', password: 'otto password 12' },
};
export type Who = keyof typeof people;

export interface AttackLab {
  server: TestServer;
  a: Desktop;
  b: Desktop;
  ids: Record<Who, string> & { project: string; task: string };
  /** A fresh sign-in of the person, as their own (or a modified) PC would make. */
  tokenOf(who: Who): Promise<string>;
  /** The server's live document as `as` (the administrator unless named) may read it, or undefined. */
  onServer(collection: string, id: string, as?: Who): Promise<WireDocument | undefined>;
  /** Both PCs have received everything up to now (a fresh project made on A reached B). */
  bothInSync(): Promise<void>;
  close(): Promise<void>;
}

const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

export async function syncStatus(desktop: Desktop): Promise<SyncStatusView> {
  return must(await desktop.query<SyncStatusView>('sync/status'));
}
const upToDate = (desktop: Desktop) => waitUntil(async () => (await syncStatus(desktop)).phase === 'up_to_date', 'up to date', 40_000);

export async function startAttackLab(): Promise<AttackLab> {
  const server = await startTestServer({ db: await openTestDatabase(), listen: true });
  const port = Number(new URL(server.url).port);
  const [proxyA, proxyB] = await Promise.all([startTcpProxy(port), startTcpProxy(port)]);
  const env = { LABFLOW_SYNC_RETRY_MS: '300' };
  const [a, b] = await Promise.all([startDesktop(tempDataDir(), env), startDesktop(tempDataDir(), env)]);
  const ids = { ada: '', max: '', hana: '', otto: '', project: '', task: '' };
  ids.ada = must(await a.call<{ person: { id: string } }>('auth/create-administrator', people.ada)).person.id;
  must(await a.call('sync/connect', { serverUrl: proxyA.url, ...people.ada, setupToken: (await issueSetupToken(server.db))! }));
  ids.max = must(await a.call<{ id: string }>('people/create', { ...people.max, roles: ['member'] })).id;
  ids.hana = must(await a.call<{ id: string }>('people/create', { ...people.hana, roles: ['hr'] })).id;
  ids.otto = must(await a.call<{ id: string }>('people/create', { ...people.otto, roles: ['admin'] })).id;
  ids.project = must(await a.call<{ id: string }>('projects/create', { code: 'LAB-1', name: 'Balance calibration', teamIds: [ids.max] })).id;
  ids.task = must(await a.call<{ id: string }>('tasks/create', { projectId: ids.project, title: 'Weigh the reference masses', assigneeId: ids.max })).id;
  await upToDate(a);
  // Max's own PC: he is its local administrator, and a member of the team.
  must(await b.call('auth/create-administrator', people.max));
  must(await b.call('sync/connect', { serverUrl: proxyB.url, email: people.max.email, password: people.max.password }));
  await upToDate(b);
  await waitUntil(async () => (await b.find('tasks', { id: ids.task })).length > 0, 'the team’s task on B');

  let canaries = 0;
  const tokens = new Map<Who, SessionTokens>();
  const lab: AttackLab = {
    server,
    a,
    b,
    ids,
    async tokenOf(who) {
      const tokens_ = tokens.get(who) ?? (await signIn(server, people[who]));
      tokens.set(who, tokens_);
      return tokens_.accessToken;
    },
    async onServer(collection, id, as = 'ada') {
      const documents = (await pull(server, await lab.tokenOf(as), collection, null, 1000)).documents;
      const found = documents.find((d) => d.id === id);
      return found && !found._deleted ? found : undefined;
    },
    async bothInSync() {
      const code = `CANARY-${++canaries}`;
      must(await a.call('projects/create', { code, name: 'Canary' }));
      await upToDate(a);
      await waitUntil(async () => (await b.find('projects', { code })).length > 0, `${code} on B`);
      await upToDate(b);
    },
    async close() {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([proxyA.close(), proxyB.close()]);
      await server.close();
    },
  };
  return lab;
}

/** Where a scoped document (an HR record) is read: as whom on the server, and which PCs may hold it. */
export interface AttackScope {
  readAs: Who;
  heldOn: readonly ('A' | 'B')[];
}

/**
 * One attack's outcome: the pushed write is refused (its id in the answer the attacker's PC gets),
 * logged as `authz.refused`, the server's document is as it was, and neither PC has the forged version.
 */
export async function expectRefusedEverywhere(lab: AttackLab, attack: { token: string; collection: string; rows: Parameters<typeof push>[3]; id: string; scope?: AttackScope }): Promise<void> {
  const before = await lab.onServer(attack.collection, attack.id, attack.scope?.readAs);
  const answer = await push(lab.server, attack.token, attack.collection, attack.rows);
  expect(answer.refused.map((r) => r.id), 'refused in the attacker’s answer').toContain(attack.id);
  expect(lab.server.logs, 'logged').toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'write', id: attack.id, collection: attack.collection }));
  expect(await lab.onServer(attack.collection, attack.id, attack.scope?.readAs), 'unchanged on the server').toEqual(before);
  await lab.bothInSync();
  for (const [name, desktop] of [['A', lab.a], ['B', lab.b]] as const) {
    const local = (await desktop.find(attack.collection, { id: attack.id }))[0];
    if (!before || (attack.scope && !attack.scope.heldOn.includes(name))) expect(local, `absent on PC ${name}`).toBeUndefined();
    else expect(isSameContent(comparable(local ?? {}), comparable(before)), `as the server had it on PC ${name}`).toBe(true);
  }
}

/** A document without what only one side keeps: RxDB's fields, the PC-only password hash, `_deleted` when false. */
function comparable(doc: Record<string, unknown>): Record<string, unknown> {
  const { _meta, _rev, _attachments, passwordHash, _deleted, ...rest } = doc;
  void _meta; void _rev; void _attachments; void passwordHash;
  return _deleted === true ? { ...rest, _deleted } : rest;
}
