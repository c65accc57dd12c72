import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient } from '../support/test-client';
import { expectOk, password } from '../workflows/workflow-fixtures';
import { openApiLab, type ApiLab } from './support/api-fixture';

/**
 * A token reaches only what both its scopes and its person allow: read or write per module, and
 * the person's roles and read scope exactly as in the app. A refused call writes nothing.
 */

let lab: ApiLab;
let leaveId: string;

beforeAll(async () => {
  lab = await openApiLab();
  expectOk(await lab.admin.call('people/create', { name: 'Hilde HR', email: 'hilde@lab.org', password, roles: ['hr'] }));
  // The head of department files leave for themselves: HR-scoped, readable by them, HR and their managers only.
  const head = await lab.clientOf('head');
  leaveId = expectOk(await head.call<{ id: string }>('records/create', { kind: 'leave_request', data: { personId: lab.ids.head, startDate: '2026-08-03', endDate: '2026-08-07', days: 5 } })).id;
});
afterAll(async () => lab.close());

describe('token scopes', () => {
  it('lets a read scope read and refuses it any write, writing nothing', async () => {
    const token = await lab.tokenFor('member', ['projects:read']);
    expect((await lab.call(token, 'GET', '/projects')).status).toBe(200);
    const before = await lab.auditCount();
    const refused = await lab.call(token, 'POST', '/projects', { code: 'RO-1', name: 'Read only' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('projects:write') });
    expect(await lab.auditCount()).toBe(before);
  });

  it('keeps a token to its modules', async () => {
    const token = await lab.tokenFor('member', ['tasks:write']);
    expect((await lab.call(token, 'GET', '/tasks')).status).toBe(200);
    expect((await lab.call(token, 'GET', '/projects')).status).toBe(403);
    expect((await lab.call(token, 'GET', '/workflows/instances')).status).toBe(403);
    expect((await lab.call(token, 'GET', '/records/leave_request')).status).toBe(403);
  });

  it('gives every module with *', async () => {
    const token = await lab.tokenFor('member', ['*:read']);
    for (const path of ['/projects', '/tasks', '/workflows/instances', '/records/purchase_request', '/people']) expect((await lab.call(token, 'GET', path)).status, path).toBe(200);
    expect((await lab.call(token, 'POST', '/projects', { code: 'ST-1', name: 'Star' })).status).toBe(403);
  });
});

describe("the person's read scope", () => {
  it("does not let a member's token read HR records, even with every scope", async () => {
    const token = await lab.tokenFor('member', ['*:write']);
    const register = await lab.call(token, 'GET', '/records/leave_request');
    expect(register.status).toBe(200);
    expect(register.body).toMatchObject({ items: [], total: 0, nextCursor: null });
    const one = await lab.call(token, 'GET', `/records/leave_request/${leaveId}`);
    expect(one.status).toBe(404);
    expect(one.body.code).toBe('not_found');
    const before = await lab.auditCount();
    expect((await lab.call(token, 'PATCH', `/records/leave_request/${leaveId}`, { days: 1 })).status).toBe(404);
    expect((await lab.call(token, 'POST', `/records/leave_request/${leaveId}/transition`, { to: 'cancelled', reason: 'not mine to cancel' })).status).toBe(404);
    expect(await lab.auditCount()).toBe(before);
    const search = await lab.call(token, 'GET', '/records/search?text=days');
    expect(search.body.items.map((hit: { id: string }) => hit.id)).not.toContain(leaveId);
  });

  it("lets HR's token and the person's own token read it", async () => {
    const hrToken = await lab.tokenFor('admin', ['hr:read']);
    // An administrator gets no special rights on HR records: the kind's rules do not name them.
    expect((await lab.call(hrToken, 'GET', `/records/leave_request/${leaveId}`)).status).toBe(404);
    const hilde = connectTestClient(lab.host);
    expectOk(await hilde.call('auth/sign-in', { email: 'hilde@lab.org', password }));
    const secret = expectOk(await hilde.call<{ secret: string }>('api-tokens/create', { name: 'HR reports', scopes: ['hr:read'] })).secret;
    const seen = await lab.call(secret, 'GET', `/records/leave_request/${leaveId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: leaveId, kind: 'leave_request', personId: lab.ids.head, data: { days: 5 } });
    expect(seen.headers.get('etag')).toMatch(/^"[0-9A-Z]+"$/);
    expect((await lab.call(secret, 'GET', '/records/leave_request')).body).toMatchObject({ total: 1 });
    hilde.close();

    const ownToken = await lab.tokenFor('head', ['hr:read']);
    expect((await lab.call(ownToken, 'GET', `/records/leave_request/${leaveId}`)).status).toBe(200);
  });

  it('pages, filters and sorts a register in the host', async () => {
    const head = await lab.clientOf('head');
    for (const [start, end, type] of [['2026-09-07', '2026-09-08', 'training'], ['2026-10-05', '2026-10-06', 'annual'], ['2026-11-02', '2026-11-03', 'training']] as const) {
      expectOk(await head.call('records/create', { kind: 'leave_request', data: { personId: lab.ids.head, leaveType: type, startDate: start, endDate: end, days: 2 } }));
    }
    const token = await lab.tokenFor('head', ['hr:read']);
    const first = await lab.call(token, 'GET', '/records/leave_request?limit=2&sort=-startDate');
    expect(first.body).toMatchObject({ total: 4 });
    expect(first.body.items.map((r: { values: { startDate: string } }) => r.values.startDate)).toEqual(['2026-11-02', '2026-10-05']);
    const second = await lab.call(token, 'GET', `/records/leave_request?limit=2&sort=-startDate&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((r: { values: { startDate: string } }) => r.values.startDate)).toEqual(['2026-09-07', '2026-08-03']);
    expect(second.body.nextCursor).toBeNull();
    const training = await lab.call(token, 'GET', '/records/leave_request?filter[leaveType]=training&sort=startDate');
    expect(training.body.items.map((r: { values: { startDate: string } }) => r.values.startDate)).toEqual(['2026-09-07', '2026-11-02']);
    // A cursor belongs to its filter and sort.
    expect((await lab.call(token, 'GET', `/records/leave_request?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)).status).toBe(400);
  });

  it('answers a record of another kind at a kind’s path as not found', async () => {
    const token = await lab.tokenFor('head', ['*:read']);
    expect((await lab.call(token, 'GET', `/records/purchase_request/${leaveId}`)).status).toBe(404);
  });
});
