import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { people, startAttackLab, type AttackLab } from './support/attack-lab';
import { editRow, personDoc, pull, push } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * Issue 18 §4, §6, §7 as regressions: sessions follow the person on the PC and the server, access
 * tokens end with their sign-in, guessing passwords is slowed locally and locks only the guesser's
 * address on the server (an administrator unlocks), and hostile input gets a 400 or a refusal
 * instead of a 500 or a silent empty change.
 */
let lab: AttackLab;
beforeAll(async () => {
  lab = await startAttackLab();
}, 180_000);
afterAll(async () => lab?.close());

type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const signInOn = (desktop: AttackLab['a'], who: keyof typeof people) => desktop.call('auth/sign-in', { email: people[who].email, password: people[who].password });
const serverSignIn = (who: keyof typeof people, remoteAddress = '127.0.0.1', password = people[who].password) =>
  lab.server.app.inject({ method: 'POST', url: '/auth/sign-in', remoteAddress, payload: { email: people[who].email, password } });
const peopleOnServer = async () => (await pull(lab.server, await lab.tokenOf('ada'), 'people', null, 1000)).documents;
const personOnServer = async (id: string) => (await peopleOnServer()).find((p) => p.id === id)!;
const rolesOn = async (desktop: AttackLab['a'], id: string) => (await desktop.find<{ roles: string[]; isActive: boolean }>('people', { id }))[0];

describe('sessions follow the person (issue 18 §4, §6)', () => {
  let otto: SessionTokens;

  it('takes an administrator’s rights away at once when another administrator demotes them, on the PC and on the server', async () => {
    await lab.a.call('auth/sign-out', {});
    expect(await signInOn(lab.a, 'otto')).toMatchObject({ ok: true });
    otto = (await serverSignIn('otto')).json<SessionTokens>();
    const current = await personOnServer(lab.ids.otto);
    expect((await push(lab.server, await lab.tokenOf('ada'), 'people', [editRow(current, { roles: ['member'] }, lab.ids.ada)])).refused).toEqual([]);
    await waitUntil(async () => (await rolesOn(lab.a, lab.ids.otto))?.roles.join() === 'member', 'Otto demoted on A');
    // His open session on A no longer creates administrators…
    expect(await lab.a.call('people/create', { name: 'Eve', email: 'eve@lab.org', password: 'eve password 12', roles: ['admin'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // …and neither does the access token the server gave him before: roles are read on every request.
    const eve = { id: 'P-EVE', name: 'Eve', email: 'eve@lab.org', roles: ['admin'], password: 'eve password 12' };
    const pushed = await push(lab.server, otto.accessToken, 'people', [{ newDocumentState: personDoc(eve, await hashPassword(eve.password), lab.ids.otto) }]);
    expect(pushed.refused).toEqual([expect.objectContaining({ id: 'P-EVE', code: 'forbidden' })]);
    expect((await peopleOnServer()).map((p) => p.id)).not.toContain('P-EVE');
  });

  it('signs a deactivated person out at once, with the reason, and the server takes nothing more from their sign-in', async () => {
    const current = await personOnServer(lab.ids.otto);
    expect((await push(lab.server, await lab.tokenOf('ada'), 'people', [editRow(current, { isActive: false }, lab.ids.ada)])).refused).toEqual([]);
    await waitUntil(async () => (await rolesOn(lab.a, lab.ids.otto))?.isActive === false, 'Otto deactivated on A');
    const status = await waitUntil(async () => {
      const s = (await lab.a.query<{ session: unknown }>('auth/status')) as Result<{ session: unknown }>;
      return s.ok && s.value.session === null ? s : null;
    }, 'Otto’s session on A to end');
    expect(status).toMatchObject({ ok: true });
    expect(await lab.a.call('projects/create', { code: 'GHOST-1', name: 'After deactivation' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await lab.server.app.inject({ url: '/sync/v2/projects/pull', headers: { authorization: `Bearer ${otto.accessToken}` } })).statusCode).toBe(401);
    expect((await lab.server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: otto.refreshToken } })).statusCode).toBe(401);
    expect(await signInOn(lab.a, 'ada')).toMatchObject({ ok: true });
  });

  it('refuses an access token as soon as its sign-in is signed out, not minutes later', async () => {
    const max = (await serverSignIn('max')).json<SessionTokens>();
    const pullWith = () => lab.server.app.inject({ url: '/sync/v2/projects/pull', headers: { authorization: `Bearer ${max.accessToken}` } });
    expect((await pullWith()).statusCode).toBe(200);
    expect((await lab.server.app.inject({ method: 'POST', url: '/auth/sign-out', payload: { refreshToken: max.refreshToken } })).statusCode).toBe(204);
    expect((await pullWith()).statusCode).toBe(401);
    expect(lab.server.logs).toContainEqual(expect.objectContaining({ event: 'auth.refused', reason: 'signed out', personId: lab.ids.max }));
  });
});

describe('guessing passwords (issue 18 §6, §7)', () => {
  it('locks only the guesser’s address on the server: the colleague signs in from elsewhere, and an administrator unlocks', async () => {
    for (let i = 0; i < 5; i++) expect((await serverSignIn('max', '10.0.0.66', 'not his password')).statusCode).toBe(401);
    expect((await serverSignIn('max', '10.0.0.66')).statusCode).toBe(423);
    expect((await serverSignIn('max', '10.0.0.7')).statusCode).toBe(200);
    // Settings → People & roles → Unlock sign-in, by Ada on her PC.
    expect(await lab.a.call('people/unlock-sign-in', { id: lab.ids.max })).toMatchObject({ ok: true, value: { unlockedOnServer: 1 } });
    expect(lab.server.logs).toContainEqual(expect.objectContaining({ event: 'auth.unlocked', personId: lab.ids.max, byId: lab.ids.ada }));
    expect((await serverSignIn('max', '10.0.0.66')).statusCode).toBe(200);
  });

  it('refuses an unlock asked by someone who is not an administrator', async () => {
    const response = await lab.server.app.inject({ method: 'POST', url: '/auth/unlock', headers: { authorization: `Bearer ${await lab.tokenOf('max')}` }, payload: { personId: lab.ids.ada } });
    expect(response.statusCode).toBe(403);
    expect(await lab.b.call('people/unlock-sign-in', { id: lab.ids.ada })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('slows local sign-in after wrong passwords: thirty in a row are not thirty guesses, and not even the right one works while it waits', async () => {
    await lab.b.call('auth/sign-out', {});
    const answers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const answer = (await lab.b.call('auth/sign-in', { email: people.max.email, password: `guess ${i}` })) as Result;
      answers.push(answer.ok ? 'ok' : answer.error.code);
    }
    expect(answers.filter((code) => code === 'unauthenticated').length).toBeLessThanOrEqual(6);
    expect(answers.filter((code) => code === 'rate_limited').length).toBeGreaterThanOrEqual(24);
    expect(await signInOn(lab.b, 'max')).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Wait \d+ (second|minute)/) } });
  });
});

describe('hostile input (issue 18 §6)', () => {
  it.each([20_000, 100])('answers a pushed document nested %i levels deep with a 400, not a 500', async (levels) => {
    const deep = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const body = `{"rows":[{"newDocumentState":{"id":"DEEP-1","_deleted":false,"data":${deep}}}]}`;
    const response = await lab.server.app.inject({ method: 'POST', url: '/sync/v2/projects/push', headers: { authorization: `Bearer ${await lab.tokenOf('max')}`, 'content-type': 'application/json' }, payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('nested at most 64 levels') } });
  });

  it('refuses a __proto__ key in WIP limits instead of dropping it and auditing an empty change', async () => {
    expect(await signInOn(lab.a, 'ada')).toMatchObject({ ok: true });
    const before = (await lab.a.find('audit', { recordId: lab.ids.project })).length;
    const input = JSON.parse(`{"id":"${lab.ids.project}","wipLimits":{"__proto__":3}}`) as Record<string, unknown>;
    expect(await lab.a.call('projects/update', input)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'wipLimits.__proto__' } });
    expect((await lab.a.find('audit', { recordId: lab.ids.project })).length).toBe(before);
    const project = (await lab.a.find<{ wipLimits?: unknown }>('projects', { id: lab.ids.project }))[0] as WireDocument | undefined;
    expect(project?.wipLimits).toBeUndefined();
  });
});
