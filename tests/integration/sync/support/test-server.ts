import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { sealEntry, writerIdOf, type ChainLink } from '../../../../src-shared/audit/audit-chain';
import { syncCollections, type SyncCollection } from '../../../../src-shared/sync/collections';
import type { SessionTokens, WireDocument } from '../../../../src-shared/sync/protocol';
import { buildSyncServer } from '../../../../sync-server/app';
import { createAdministrator } from '../../../../sync-server/auth/bootstrap';
import { hashPassword } from '../../../../sync-server/auth/passwords';
import { migrate } from '../../../../sync-server/db/migrate';
import { openPgDatabase } from '../../../../sync-server/db/pg-database';
import { openPgliteDatabase } from '../../../../sync-server/db/pglite-database';
import type { SqlDatabase } from '../../../../sync-server/db/sql-database';
import { createServerLogger } from '../../../../sync-server/logger';
import { createServerServices, type ServerServices, type ServiceOptions } from '../../../../sync-server/services';

/** A line in LabFlow's log format (src-main/logging/log-format.ts). */
export interface LogLine {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  event?: string;
  message: string;
  [key: string]: unknown;
}

export interface TestServer {
  app: FastifyInstance;
  services: ServerServices;
  db: SqlDatabase;
  /** Every structured log line, parsed. */
  logs: LogLine[];
  /** The listening address when started with `listen: true`. */
  url: string;
  close(): Promise<void>;
}

export const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** Opens (and migrates) a database: in-memory PGlite, or the given PostgreSQL. */
export async function openTestDatabase(postgresUrl?: string): Promise<SqlDatabase> {
  const db = postgresUrl ? await openPgDatabase(postgresUrl) : await openPgliteDatabase(undefined);
  await migrate(db);
  return db;
}

/** A real sync server app on a real database, with its logs captured for assertions. */
export async function startTestServer(options: { db: SqlDatabase; listen?: boolean; collections?: SyncCollection[]; services?: ServiceOptions; closeDb?: boolean }): Promise<TestServer> {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const services = await createServerServices(options.db, { jwtSecret: SECRET, heartbeatMs: 200, collections: options.collections ?? syncCollections, ...options.services });
  const app = await buildSyncServer(services, createServerLogger('debug', sink));
  const url = options.listen ? await app.listen({ port: 0, host: '127.0.0.1' }) : '';
  return {
    app,
    services,
    db: options.db,
    logs,
    url,
    async close() {
      await app.close();
      await services.close();
      if (options.closeDb !== false) await options.db.close();
    },
  };
}

export interface TestPerson {
  id: string;
  name: string;
  email: string;
  roles: string[];
  password: string;
  departmentId?: string;
}

const at = '2026-01-05T09:00:00.000Z';
/** The base fields of a document written by `by`, who must be the person who pushes it (the server refuses anyone else's). */
export const baseFields = (id: string, by: string) => ({ id, createdAt: at, updatedAt: at, createdBy: by, updatedBy: by, auditId: '' });

/** A person's document as an administrator (`by`, the team's administrator unless named) pushes it. */
export const personDoc = (p: TestPerson, passwordHash?: string, by = 'P-ADMIN'): WireDocument => ({
  ...baseFields(p.id, by),
  kind: 'person',
  name: p.name,
  email: p.email,
  roles: p.roles,
  isActive: true,
  ...(p.departmentId ? { departmentId: p.departmentId } : {}),
  ...(passwordHash ? { passwordHash } : {}),
  _deleted: false,
});

/**
 * A leave request (a declared record kind: src-shared/hr) as a PC pushes it, a draft by default: the
 * server derives its subject and managers from the data and its own directory.
 */
export const leaveRecord = (id: string, personId: string, fields: Record<string, unknown> = {}, data: Record<string, unknown> = {}): WireDocument => ({
  ...baseFields(id, personId),
  kind: 'leave_request',
  kindVersion: 1,
  title: 'Leave',
  status: 'draft',
  number: '',
  numberState: '',
  parentId: '',
  personId,
  managerIds: [],
  ownerId: '',
  departmentId: '',
  date: '2026-02-02',
  data: { personId, leaveType: 'annual', startDate: '2026-02-02', endDate: '2026-02-04', days: 3, reason: '', hrNote: '', ...data },
  _deleted: false,
  ...fields,
});

export const team = {
  admin: { id: 'P-ADMIN', name: 'Ada Admin', email: 'ada@lab.org', roles: ['admin'], password: 'admin password 1' },
  member: { id: 'P-MEMBER', name: 'Max Member', email: 'max@lab.org', roles: ['member'], password: 'member password 1', departmentId: 'QC' },
  hr: { id: 'P-HR', name: 'Hana HR', email: 'hana@lab.org', roles: ['hr'], password: 'hr password 12' },
  // Head of Max's department: his manager for HR records.
  manager: { id: 'P-MANAGER', name: 'Mia Manager', email: 'mia@lab.org', roles: ['department_head'], password: 'manager password 1', departmentId: 'QC' },
} satisfies Record<string, TestPerson>;

/** Creates the administrator directly, then the rest of the team by an admin push, as a desktop would. */
export async function createTeam(server: TestServer): Promise<Record<keyof typeof team, SessionTokens>> {
  await createAdministrator(server.db, { id: team.admin.id, name: team.admin.name, email: team.admin.email, passwordHash: await hashPassword(team.admin.password) }, new Date());
  const admin = await signIn(server, team.admin);
  const others = [team.member, team.hr, team.manager];
  const hashes = await Promise.all(others.map((p) => hashPassword(p.password)));
  const pushed = await push(server, admin.accessToken, 'people', others.map((p, i) => ({ newDocumentState: personDoc(p, hashes[i]) })));
  if (pushed.refused.length) throw new Error(JSON.stringify(pushed.refused));
  return { admin, member: await signIn(server, team.member), hr: await signIn(server, team.hr), manager: await signIn(server, team.manager) };
}

export async function signIn(server: TestServer, person: { email: string; password: string }): Promise<SessionTokens> {
  const response = await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: person.email, password: person.password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return response.json<SessionTokens>();
}

export async function push(server: TestServer, token: string, collection: string, rows: { newDocumentState: WireDocument; assumedMasterState?: WireDocument | null; auditIds?: string[]; isProbe?: boolean }[]) {
  const response = await server.app.inject({ method: 'POST', url: `/sync/v2/${collection}/push`, headers: { authorization: `Bearer ${token}` }, payload: { rows } });
  if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
  return response.json<{ conflicts: WireDocument[]; refused: { id: string; code: string; message: string }[]; waiting?: string[] }>();
}

export async function pull(server: TestServer, token: string, collection: string, checkpoint?: { seq: number; id: string; scope: string } | null, limit = 100) {
  const query = new URLSearchParams({ limit: String(limit), ...(checkpoint ? { seq: String(checkpoint.seq), id: checkpoint.id, scope: checkpoint.scope } : {}) });
  const response = await server.app.inject({ method: 'GET', url: `/sync/v2/${collection}/pull?${query}`, headers: { authorization: `Bearer ${token}` } });
  if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
  return response.json<{ documents: WireDocument[]; checkpoint: { seq: number; id: string; scope: string } | null }>();
}

export interface AuditedChange {
  /** The record row, naming its audit entry (`auditIds`) as a PC's push does. */
  row: { newDocumentState: WireDocument; assumedMasterState?: WireDocument | null; auditIds: string[] };
  /** The audit entry, sealed into the writer's chain after `previous`. */
  entry: WireDocument;
  /** Where the writer's chain stands after this entry. */
  link: ChainLink;
}

/**
 * A change as a PC's audited writer makes it: the audit entry (in `actor`'s chain on PC `pc`) and
 * the record naming it, so the server takes both (src-shared/sync/audit-rules.ts).
 */
export function auditedChange(
  collection: string,
  doc: WireDocument,
  actor: { id: string; name: string },
  options: { entryId: string; previous?: ChainLink | null; pc?: string; assumed?: WireDocument | null; command?: string },
): AuditedChange {
  const record = { ...doc, auditId: options.entryId };
  const { _deleted, ...after } = record;
  const at = String(doc.updatedAt);
  const entry = sealEntry(
    {
      id: options.entryId, createdAt: at, updatedAt: at, createdBy: actor.id, updatedBy: actor.id, auditId: options.entryId,
      at, actorId: actor.id, actorName: actor.name, command: options.command ?? `${collection}/change`, collectionName: collection, recordId: String(doc.id),
      operation: options.assumed ? 'update' : 'insert', changes: [], after: _deleted ? { ...after, _deleted: true } : after,
    },
    writerIdOf(options.pc ?? 'PC-TEST', actor.id),
    options.previous ?? null,
  );
  return {
    row: { newDocumentState: record, ...(options.assumed !== undefined ? { assumedMasterState: options.assumed } : {}), auditIds: [options.entryId] },
    entry: { ...entry, _deleted: false },
    link: { seq: entry.seq, hash: entry.hash },
  };
}

let edits = 0;
/**
 * A row editing `assumed` as `by` on a PC: the audited writer stamps the author and names the audit
 * entry of the edit, which the row claims (an edit without its entry is refused). The entry itself
 * is not pushed: tests that need it use `auditedChange`.
 */
export function editRow(assumed: WireDocument, changes: Record<string, unknown>, by: string) {
  const entryId = `AE-${String(++edits).padStart(6, '0')}`;
  return { assumedMasterState: assumed, newDocumentState: { ...assumed, ...changes, updatedBy: by, auditId: entryId } as WireDocument, auditIds: [entryId] };
}
