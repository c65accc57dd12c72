import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../../src-shared/sync/protocol';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, createAccessTokens } from '../../../sync-server/auth/access-tokens';
import { MAX_SYNC_BODY_BYTES } from '../../../src-shared/sync/protocol';
import { baseFields, createTeam, leaveRecord, openTestDatabase, pull, push, SECRET, startTestServer, team, type LogLine, type TestServer } from './support/test-server';

/**
 * Hostile input against the sync server, through `app.inject()` on a real database: every row is
 * refused with the right status and leaves a structured log line saying why.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), services: { signInAttemptsPerWindow: 12 } });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

const key = new TextEncoder().encode(SECRET);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({ token_use: 'access', sub: team.member.id, aud: ACCESS_TOKEN_AUDIENCE, iss: ACCESS_TOKEN_ISSUER, iat: now(), nbf: now(), exp: now() + 600, ...overrides });
const hs256 = (payload: Record<string, unknown>, alg = 'HS256') => new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);

const newLogs = (since: number): LogLine[] => server.logs.slice(since);
const pullAs = (authorization: string) => server.app.inject({ url: '/sync/v2/projects/pull', headers: { authorization } });

describe('access tokens', () => {
  const cases: [string, () => Promise<string>, string][] = [
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, 'algorithm not allowed|malformed'],
    ['RS256 (an attacker’s key pair)', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    }, 'algorithm not allowed'],
    ['HS512 with the right secret (algorithm not pinned)', () => hs256(claims(), 'HS512'), 'algorithm not allowed'],
    ['HS256 signed with another secret', () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(48))), 'bad signature'],
    ['expired', () => hs256(claims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })), 'expired'],
    ['not yet valid', () => hs256(claims({ nbf: now() + 3600, exp: now() + 7200 })), 'nbf'],
    ['wrong audience', () => hs256(claims({ aud: 'some-other-service' })), 'aud'],
    ['wrong issuer', () => hs256(claims({ iss: 'someone-else' })), 'iss'],
    ['no expiry', async () => {
      const { exp: _exp, ...rest } = claims();
      return hs256(rest);
    }, 'exp'],
    ['not an access token', () => hs256(claims({ token_use: 'refresh' })), 'not an access token'],
    ['a refresh token used as an access token', async () => tokens.member.refreshToken, 'malformed'],
    ['tampered payload', async () => {
      const [header, , signature] = tokens.member.accessToken.split('.');
      return `${header}.${b64(claims({ sub: team.admin.id }))}.${signature}`;
    }, 'bad signature'],
  ];

  it.each(cases)('refuses %s with 401 and logs why', async (_label, make, reason) => {
    const since = server.logs.length;
    const response = await pullAs(`Bearer ${await make()}`);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'auth.refused', reason: expect.stringMatching(new RegExp(reason)) }));
  });

  it('refuses a missing or malformed Authorization header', async () => {
    for (const header of ['', 'Basic abc', 'Bearer ', 'Bearer a b']) {
      const since = server.logs.length;
      expect((await pullAs(header)).statusCode).toBe(401);
      expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'auth.refused' }));
    }
  });

  it('accepts a well-formed token of the same issuer (the table is not refusing everything)', async () => {
    const issued = await createAccessTokens(SECRET, 600).issue(team.member.id, 'family-1', new Date());
    expect((await pullAs(`Bearer ${issued.token}`)).statusCode).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('rotate on use; presenting a used one again revokes the whole family', async () => {
    const refresh = (refreshToken: string) => server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
    const first = (await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.hr.email, password: team.hr.password } })).json<SessionTokens>();
    const rotated = await refresh(first.refreshToken);
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json<SessionTokens>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The holder goes on refreshing; the copied first token then comes back.
    const third = (await refresh(second.refreshToken)).json<SessionTokens>();

    const since = server.logs.length;
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'auth.refresh_token_reused' }));
    // The legitimate holder's newer token is revoked with its family.
    expect((await refresh(third.refreshToken)).statusCode).toBe(401);
  });

  it('stop working after sign-out', async () => {
    const session = (await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.manager.email, password: team.manager.password } })).json<SessionTokens>();
    expect((await server.app.inject({ method: 'POST', url: '/auth/sign-out', payload: { refreshToken: session.refreshToken } })).statusCode).toBe(204);
    expect((await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: session.refreshToken } })).statusCode).toBe(401);
  });
});

describe('authorisation', () => {
  it('refuses a push by a role that may not write the document, and logs it', async () => {
    const since = server.logs.length;
    const definition = { ...baseFields('WD-SEC', team.member.id), code: 'x', version: 1, status: 'published', definition: {}, _deleted: false };
    const result = await push(server, tokens.member.accessToken, 'workflow_definitions', [{ newDocumentState: definition }]);
    expect(result.refused).toEqual([expect.objectContaining({ code: 'forbidden' })]);
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'write', collection: 'workflow_definitions', personId: team.member.id }));
  });

  it('refuses an email queued to an address that is not the recipient’s, so the server never sends it', async () => {
    const outbox = (id: string, to: string) => ({
      ...baseFields(id, team.member.id), kind: 'outbox', recipientId: team.member.id, isRead: true, at: '2026-11-26T09:00:00.000Z', event: 'system', status: 'pending', dueAt: '2026-11-26T09:00:00.000Z',
      data: { channel: 'email', to, toName: 'Someone', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>', idempotencyKey: id, attempts: 0, maxAttempts: 3, log: [] },
      _deleted: false,
    });
    const since = server.logs.length;
    const result = await push(server, tokens.member.accessToken, 'notifications', [{ newDocumentState: outbox('OB-EVIL', 'attacker@example.com') }, { newDocumentState: outbox('OB-OWN', team.member.email) }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: 'OB-EVIL', code: 'forbidden', message: expect.stringContaining('team member it is for') })]);
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'write', collection: 'notifications', id: 'OB-EVIL' }));
    const { rows } = await server.db.query<{ notification_id: string }>('SELECT notification_id FROM outbox_deliveries WHERE notification_id = ANY($1::text[])', [['OB-EVIL', 'OB-OWN']]);
    expect(rows.map((r) => r.notification_id)).toEqual(['OB-OWN']);
  });

  it('withholds a document the person may not read, and logs it', async () => {
    expect((await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: leaveRecord('LR-SEC', team.hr.id) }])).refused).toEqual([]);
    const since = server.logs.length;
    const page = await pull(server, tokens.member.accessToken, 'records', null, 1000);
    expect(page.documents.map((d) => d.id)).not.toContain('LR-SEC');
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'authz.refused', action: 'read', collection: 'records', personId: team.member.id, ids: expect.arrayContaining(['LR-SEC']) }));
  });
});

describe('request bodies', () => {
  const pushRaw = (payload: string, contentType = 'application/json') =>
    server.app.inject({ method: 'POST', url: '/sync/v2/projects/push', headers: { authorization: `Bearer ${tokens.member.accessToken}`, 'content-type': contentType }, payload });

  it.each([
    ['oversized', () => pushRaw(JSON.stringify({ rows: [{ newDocumentState: { _deleted: false, pad: 'x'.repeat(MAX_SYNC_BODY_BYTES) } }] })), 413, 'request.too_large'],
    ['not JSON', () => pushRaw('{"rows": [tru'), 400, 'request.malformed'],
    ['JSON of the wrong shape', () => pushRaw(JSON.stringify({ rows: 'all of them' })), 400, 'request.invalid'],
    ['too many rows', () => pushRaw(JSON.stringify({ rows: Array.from({ length: 201 }, () => ({ newDocumentState: { _deleted: false } })) })), 400, 'request.invalid'],
    ['extra properties', () => pushRaw(JSON.stringify({ rows: [], admin: true })), 400, 'request.invalid'],
    ['another content type', () => pushRaw('rows=1', 'application/x-www-form-urlencoded'), 415, 'request.malformed'],
  ] as [string, () => ReturnType<typeof pushRaw>, number, string][])('refuses a %s body and logs it', async (_label, send, status, event) => {
    const since = server.logs.length;
    const response = await send();
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toMatch(/invalid_input|malformed_message|message_too_large/);
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event }));
  });

  it('refuses malformed checkpoints and collection names', async () => {
    const headers = { authorization: `Bearer ${tokens.member.accessToken}` };
    expect((await server.app.inject({ url: '/sync/v2/projects/pull?seq=-1', headers })).statusCode).toBe(400);
    expect((await server.app.inject({ url: '/sync/v2/projects/pull?seq=abc', headers })).statusCode).toBe(400);
    expect((await server.app.inject({ url: '/sync/v2/..%2Fpeople/pull', headers })).statusCode).toBe(400);
  });
});

describe('sign-in', () => {
  it('locks an account after five wrong passwords, and logs every failure', async () => {
    const since = server.logs.length;
    for (let i = 0; i < 5; i++) {
      const response = await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.manager.email, password: `wrong ${i}` } });
      expect(response.statusCode).toBe(401);
    }
    const locked = await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: team.manager.email, password: team.manager.password } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    const events = newLogs(since).map((l) => l.event);
    expect(events.filter((e) => e === 'auth.sign_in_failed')).toHaveLength(5);
    expect(events).toContain('auth.sign_in_locked');
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const since = server.logs.length;
    let status = 0;
    for (let i = 0; i < 15 && status !== 429; i++) {
      status = (await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email: `nobody${i}@lab.org`, password: 'whatever' } })).statusCode;
    }
    expect(status).toBe(429);
    expect(newLogs(since)).toContainEqual(expect.objectContaining({ event: 'auth.sign_in_rate_limited' }));
  });
});
