import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { auditedChange, baseFields, editRow, createTeam, leaveRecord, openTestDatabase, pull, push, signIn, startTestServer, team, type TestServer } from './support/test-server';

/**
 * The sync server's replication endpoints against a real (embedded) PostgreSQL through
 * `app.inject()`: push and pull by checkpoint, schema validation, permission rules, read scoping,
 * withdrawal of access, field-level merging with the losing version kept, and credentials.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

// Max owns these projects: only a project's owner and administrators change it.
const project = (id: string, fields: Record<string, unknown> = {}): WireDocument => ({
  ...baseFields(id, team.member.id),
  code: id,
  name: `Project ${id}`,
  status: 'planned',
  isArchived: false,
  _deleted: false,
  ...fields,
});


describe('health', () => {
  it('answers /health and /ready with the migrated database', async () => {
    expect((await server.app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await server.app.inject('/ready')).json()).toMatchObject({ status: 'ready', database: 'pglite', migrations: 9 });
  });
});

describe('push and pull', () => {
  it('pulls pages by checkpoint in sequence order and resumes where it stopped', async () => {
    const docs = ['PA-1', 'PA-2', 'PA-3', 'PA-4', 'PA-5'].map((id) => project(id));
    expect(await push(server, tokens.member.accessToken, 'projects', docs.map((d) => ({ newDocumentState: d })))).toEqual({ conflicts: [], refused: [], waiting: [] });
    const first = await pull(server, tokens.member.accessToken, 'projects', null, 2);
    expect(first.documents.map((d) => d.id)).toEqual(['PA-1', 'PA-2']);
    const second = await pull(server, tokens.member.accessToken, 'projects', first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual(['PA-3', 'PA-4']);
    const third = await pull(server, tokens.member.accessToken, 'projects', second.checkpoint, 2);
    expect(third.documents.map((d) => d.id)).toEqual(['PA-5']);
    const empty = await pull(server, tokens.member.accessToken, 'projects', third.checkpoint, 2);
    expect(empty.documents).toEqual([]);
    expect(second.checkpoint!.seq).toBeGreaterThan(first.checkpoint!.seq);
  });

  it('accepts an update made on the state the server has, and a soft delete', async () => {
    const original = project('PB-1');
    await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: original }]);
    const renamed = editRow(original, { name: 'Renamed', updatedAt: '2026-01-06T00:00:00.000Z' }, team.member.id);
    expect((await push(server, tokens.member.accessToken, 'projects', [renamed])).conflicts).toEqual([]);
    const deleted = editRow(renamed.newDocumentState, { _deleted: true }, team.member.id);
    expect((await push(server, tokens.member.accessToken, 'projects', [deleted])).conflicts).toEqual([]);
    const all = await pull(server, tokens.admin.accessToken, 'projects', null, 1000);
    expect(all.documents.find((d) => d.id === 'PB-1')).toMatchObject({ name: 'Renamed', _deleted: true });
  });

  it('refuses a document that does not fit the shared schema, tells why, and sends a tombstone so the PC stops retrying', async () => {
    const bad = { ...project('PC-1'), status: 42 } as unknown as WireDocument;
    const result = await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: bad }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: 'PC-1', code: 'invalid_input', message: expect.stringContaining('/status') })]);
    expect(result.conflicts).toEqual([expect.objectContaining({ id: 'PC-1', _deleted: true })]);
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'write', id: 'PC-1', personId: team.member.id }));
  });

  it('answers an unknown collection with 404 and a missing token with 401', async () => {
    const unknown = await server.app.inject({ url: '/sync/v2/nothing_here/pull', headers: { authorization: `Bearer ${tokens.member.accessToken}` } });
    expect(unknown.statusCode).toBe(404);
    expect((await server.app.inject('/sync/v2/projects/pull')).statusCode).toBe(401);
  });

  it('refuses a client of another protocol version', async () => {
    const response = await server.app.inject({ url: '/sync/v2/projects/pull', headers: { authorization: `Bearer ${tokens.member.accessToken}`, 'x-labflow-sync-version': '99' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('sync_protocol_mismatch');
  });
});

describe('permissions', () => {
  const refusedCode = async (token: string, collection: string, rows: Parameters<typeof push>[3]) => (await push(server, token, collection, rows)).refused.map((r) => r.code);

  it('lets only administrators change workflow definitions and people', async () => {
    const definition = (by: string) => ({ ...baseFields('WD-1', by), code: 'capa', version: 1, status: 'draft', definition: {}, _deleted: false });
    expect(await refusedCode(tokens.member.accessToken, 'workflow_definitions', [{ newDocumentState: definition(team.member.id) }])).toEqual(['forbidden']);
    expect(await refusedCode(tokens.admin.accessToken, 'workflow_definitions', [{ newDocumentState: definition(team.admin.id) }])).toEqual([]);
    const promoted = { ...baseFields(team.member.id, team.member.id), kind: 'person', name: 'Max', email: team.member.email, roles: ['admin'], isActive: true, _deleted: false };
    expect(await refusedCode(tokens.member.accessToken, 'people', [{ newDocumentState: promoted }])).toEqual(['forbidden']);
  });

  it('keeps audit entries append-only', async () => {
    const change = auditedChange('projects', project('PX-AU'), { id: team.member.id, name: team.member.name }, { entryId: 'AU-1' });
    expect(await refusedCode(tokens.member.accessToken, 'projects', [change.row])).toEqual([]);
    const entry = change.entry;
    expect(await refusedCode(tokens.member.accessToken, 'audit', [{ newDocumentState: entry }])).toEqual([]);
    expect(await refusedCode(tokens.member.accessToken, 'audit', [{ assumedMasterState: entry, newDocumentState: { ...entry, actorName: 'Someone else' } }])).toEqual(['forbidden']);
    expect(await refusedCode(tokens.admin.accessToken, 'audit', [{ assumedMasterState: entry, newDocumentState: { ...entry, _deleted: true } }])).toEqual(['forbidden']);
  });

  it('lets people record and change only their own time entries', async () => {
    const entry = { ...baseFields('TE-1', team.member.id), kind: 'time_entry', subjectType: 'tasks', subjectId: 'T1', at: '2026-01-05T09:00:00.000Z', data: { minutes: 30 }, _deleted: false };
    expect(await refusedCode(tokens.member.accessToken, 'activity', [{ newDocumentState: entry }])).toEqual([]);
    expect(await refusedCode(tokens.manager.accessToken, 'activity', [{ assumedMasterState: entry, newDocumentState: { ...entry, data: { minutes: 300 } } }])).toEqual(['forbidden']);
    const forSomeoneElse = { ...entry, id: 'TE-2', createdBy: team.hr.id, updatedBy: team.hr.id };
    expect(await refusedCode(tokens.member.accessToken, 'activity', [{ newDocumentState: forSomeoneElse }])).toEqual(['forbidden']);
  });
});

describe('read scoping', () => {
  it('sends HR records only to HR, the person concerned and their manager; others never see them', async () => {
    expect((await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: leaveRecord('HR-1', team.member.id) }])).refused).toEqual([]);
    const idsFor = async (token: string) => (await pull(server, token, 'records', null, 1000)).documents.filter((d) => !d._deleted).map((d) => d.id);
    expect(await idsFor(tokens.member.accessToken)).toContain('HR-1');
    expect(await idsFor(tokens.manager.accessToken)).toContain('HR-1');
    expect(await idsFor(tokens.hr.accessToken)).toContain('HR-1');
    expect(await idsFor(tokens.admin.accessToken)).not.toContain('HR-1');
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'read', personId: team.admin.id, collection: 'records' }));
  });

  it('refuses a write to a record the person may not read', async () => {
    const result = await push(server, tokens.admin.accessToken, 'records', [{ newDocumentState: { ...leaveRecord('HR-1', team.member.id), title: 'taken over' } }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: 'HR-1', code: 'forbidden' })]);
    expect(result.conflicts[0]).toMatchObject({ id: 'HR-1', _deleted: true, title: '' });
  });

  it('removes records from a person whose role is withdrawn, at their next pull', async () => {
    const hana = await pull(server, tokens.hr.accessToken, 'records', null, 1000);
    expect(hana.documents.map((d) => d.id)).toContain('HR-1');
    // An administrator takes the HR role away.
    const people = await pull(server, tokens.admin.accessToken, 'people', null, 1000);
    const current = people.documents.find((d) => d.id === team.hr.id)!;
    expect((await push(server, tokens.admin.accessToken, 'people', [editRow(current, { roles: ['member'] }, team.admin.id)])).refused).toEqual([]);
    const next = await pull(server, tokens.hr.accessToken, 'records', hana.checkpoint, 1000);
    const tombstone = next.documents.find((d) => d.id === 'HR-1');
    expect(tombstone).toMatchObject({ id: 'HR-1', kind: 'leave_request', _deleted: true, title: '' });
    expect(tombstone).not.toHaveProperty('data');
    expect(next.checkpoint!.scope).not.toBe(hana.checkpoint!.scope);
  });

  it('never sends password hashes, and an administrator’s push of one becomes the account’s credentials', async () => {
    const people = await pull(server, tokens.member.accessToken, 'people', null, 1000);
    expect(people.documents.length).toBeGreaterThanOrEqual(4);
    for (const doc of people.documents) expect(doc).not.toHaveProperty('passwordHash');
    const { rows } = await server.db.query<{ data: Record<string, unknown> }>("SELECT data FROM documents WHERE collection = 'people'");
    for (const row of rows) expect(row.data).not.toHaveProperty('passwordHash');
    // Max was created by an admin push carrying a hash: he can sign in.
    await expect(signIn(server, team.member)).resolves.toMatchObject({ person: { id: team.member.id } });
  });
});

describe('conflicts', () => {
  it('merges changes to different fields, and keeps the server value plus a conflict record when both changed one field', async () => {
    const base = project('PD-1', { description: 'base' });
    await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: base }]);
    await push(server, tokens.admin.accessToken, 'projects', [editRow(base, { name: 'Server name', updatedAt: '2026-01-06T10:00:00.000Z' }, team.admin.id)]);

    // A PC edited the description from the old base: merged, and sent back to the PC.
    const merged = await push(server, tokens.member.accessToken, 'projects', [editRow(base, { description: 'offline edit', updatedAt: '2026-01-06T09:00:00.000Z' }, team.member.id)]);
    expect(merged.conflicts).toEqual([expect.objectContaining({ id: 'PD-1', name: 'Server name', description: 'offline edit' })]);

    // Another PC renamed it from the old base too: the server's name stays, the loss is recorded.
    const kept = await push(server, tokens.member.accessToken, 'projects', [editRow(base, { name: 'PC name', updatedAt: '2026-01-06T11:00:00.000Z' }, team.member.id)]);
    expect(kept.conflicts).toEqual([expect.objectContaining({ name: 'Server name', description: 'offline edit' })]);
    const activity = await pull(server, tokens.member.accessToken, 'activity', null, 1000);
    const record = activity.documents.find((d) => d.kind === 'conflict' && d.subjectId === 'PD-1');
    expect(record).toMatchObject({ subjectType: 'projects', data: { byId: team.member.id, fields: [{ field: 'name', kept: 'Server name', lost: 'PC name' }], lostVersion: expect.objectContaining({ name: 'PC name' }) } });
  });

  it('never merges append-only documents: of two versions of one audit entry pushed at once, the first stays and the other is refused', async () => {
    // Workflow events are append-only too; engine-rules.test.ts races two PCs for one step. On real
    // PostgreSQL with parallel connections: postgres-concurrency.test.ts.
    const actor = { id: team.member.id, name: team.member.name };
    const change = auditedChange('projects', project('PX-RACE'), actor, { entryId: 'AU-RACE', pc: 'PC-RACE', command: 'projects/create' });
    expect((await push(server, tokens.member.accessToken, 'projects', [change.row])).refused).toEqual([]);
    // The same entry sealed with other content (a PC that rewrote it): same id, same place in the chain.
    const rival = auditedChange('projects', project('PX-RACE'), actor, { entryId: 'AU-RACE', pc: 'PC-RACE', command: 'projects/import' }).entry;
    const results = await Promise.all([change.entry, rival].map(async (pushed) => ({ pushed, result: await push(server, tokens.member.accessToken, 'audit', [{ newDocumentState: pushed }]) })));
    const winners = results.filter((r) => r.result.refused.length === 0);
    const losers = results.filter((r) => r.result.refused.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const won = winners[0]!.pushed;
    expect(losers[0]!.result.refused).toEqual([expect.objectContaining({ id: 'AU-RACE', code: 'forbidden' })]);
    // The loser is told the version that stays, which is the one stored; an entry is never merged or kept as a conflict.
    expect(losers[0]!.result.conflicts).toEqual([expect.objectContaining({ id: 'AU-RACE', command: won.command, hash: won.hash })]);
    const audit = await pull(server, tokens.admin.accessToken, 'audit', null, 1000);
    expect(audit.documents.filter((d) => d.id === 'AU-RACE').map((d) => d.command)).toEqual([won.command]);
    const activity = await pull(server, tokens.admin.accessToken, 'activity', null, 1000);
    expect(activity.documents.filter((d) => d.kind === 'conflict' && d.subjectId === 'AU-RACE')).toEqual([]);
  });
});
