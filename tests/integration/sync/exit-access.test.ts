import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitKind } from '../../../src-shared/hr/exit-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { baseFields, createTeam, editRow, openTestDatabase, pull, push, signIn, startTestServer, team, type TestServer } from './support/test-server';

/**
 * The sync server ends a leaving person's access after their last day by itself (PGlite,
 * `app.inject()`): no PC ever ran the deactivation rule, Max's person document still says active,
 * and yet from the day after his last day the server refuses his pulls, his token refresh and his
 * sign-in — on his own PC's word nothing is kept. Only HR records an exit, and a bad one is refused.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
let now = Date.parse('2026-06-30T12:00:00.000Z');

const exitRow = (id: string, by: string, data: Record<string, unknown>, status = 'notified'): WireDocument => ({
  ...baseFields(id, by), kind: exitKind.kind, kindVersion: exitKind.version, title: 'Exit', status, number: '', numberState: '',
  parentId: '', personId: team.member.id, managerIds: [], ownerId: '', departmentId: '', date: '',
  data: { personId: team.member.id, exitType: 'resignation', noticeDate: '2026-06-01', lastDay: '2026-06-30', checklist: [], exitInterviewNotes: '', settlement: null, settlementReference: '', ...data },
  _deleted: false,
});

const pullStatus = async (token: string) => (await server.app.inject({ method: 'GET', url: '/sync/v2/tasks/pull?limit=10', headers: { authorization: `Bearer ${token}` } })).statusCode;
const refreshStatus = async (refreshToken: string) => (await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } })).statusCode;
const signInStatus = async () => (await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.member.email, password: team.member.password } })).statusCode;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), services: { clock: () => new Date(now) } });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

describe('an exit on the sync server', () => {
  it('is recorded by HR only, and refused when its dates do not hold', async () => {
    const byMax = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: exitRow('EXIT-MAX-OWN', team.member.id, { lastDay: '2099-12-31' }) }]);
    expect(byMax.refused).toEqual([expect.objectContaining({ id: 'EXIT-MAX-OWN' })]);
    const backwards = await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: exitRow('EXIT-BAD', team.hr.id, { lastDay: '2026-05-01' }) }]);
    expect(backwards.refused).toEqual([expect.objectContaining({ id: 'EXIT-BAD' })]);
    const recorded = await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: exitRow('EXIT-MAX', team.hr.id, {}) }]);
    expect(recorded.refused).toEqual([]);
  });

  it('leaves Max his access through his last day', async () => {
    // Late on his last day: everyone signs in afresh (access tokens are short-lived) and Max still may.
    now = Date.parse('2026-06-30T23:59:00.000Z');
    tokens = { admin: await signIn(server, team.admin), member: await signIn(server, team.member), hr: await signIn(server, team.hr), manager: await signIn(server, team.manager) };
    expect(await pullStatus(tokens.member.accessToken)).toBe(200);
    expect((await pull(server, tokens.hr.accessToken, 'records', null, 100)).documents.map((d) => d.id)).toContain('EXIT-MAX');
  });

  it('ends it the day after, though no PC deactivated him: pulls, refresh and sign-in are refused', async () => {
    now = Date.parse('2026-07-01T00:01:00.000Z');
    const people = (await pull(server, tokens.admin.accessToken, 'people', null, 100)).documents;
    expect(people.find((p) => p.id === team.member.id)?.isActive).toBe(true);
    expect(await pullStatus(tokens.member.accessToken)).toBe(401);
    expect(await refreshStatus(tokens.member.refreshToken)).toBe(401);
    expect(await signInStatus()).toBe(403);
    // Everyone else carries on.
    expect(await pullStatus(tokens.manager.accessToken)).toBe(200);
    expect(server.logs.some((l) => l.event === 'auth.refused' && l.reason === 'deactivated' && l.personId === team.member.id)).toBe(true);
  });

  it('gives the access back when HR withdraws the exit', async () => {
    const stored = (await pull(server, tokens.hr.accessToken, 'records', null, 100)).documents.find((d) => d.id === 'EXIT-MAX')!;
    expect((await push(server, tokens.hr.accessToken, 'records', [editRow(stored, { status: 'withdrawn', updatedAt: '2026-07-01T00:02:00.000Z' }, team.hr.id)])).refused).toEqual([]);
    expect(await signInStatus()).toBe(200);
  });
});
