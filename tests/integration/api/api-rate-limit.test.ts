import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, openApiLab, type ApiLab } from './support/api-fixture';

/**
 * Rate limits: calls per token per minute, and calls without a valid token per address (someone
 * guessing tokens). One token over its limit does not slow another down; the document and the
 * docs stay open.
 */

let lab: ApiLab;

beforeAll(async () => {
  lab = await openApiLab({ rateLimit: { perToken: 5, perAddressUnauthenticated: 3 } });
});
afterAll(async () => lab.close());

describe('the rate limit', () => {
  it('stops a token after its calls for the minute, with a problem and when to retry, and not another token', async () => {
    const busy = await lab.tokenFor('member', ['projects:read'], 'busy');
    const calm = await lab.tokenFor('member', ['projects:read'], 'calm');
    for (let i = 0; i < 5; i++) expect((await lab.call(busy, 'GET', '/projects')).status, `call ${i + 1}`).toBe(200);
    const stopped = await lab.call(busy, 'GET', '/projects');
    expect(stopped.status).toBe(429);
    expect(stopped.body).toMatchObject({ code: 'rate_limited', detail: expect.stringContaining('at most 5 a minute') });
    expect(Number(stopped.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await lab.call(calm, 'GET', '/projects')).status).toBe(200);
  });

  it('stops an address that keeps calling without a valid token', async () => {
    for (let i = 0; i < 3; i++) expect((await lab.call('lf_guessguessgu_' + 'A'.repeat(43), 'GET', '/projects')).status).toBe(401);
    const stopped = await lab.call(undefined, 'GET', '/projects');
    expect(stopped.status).toBe(429);
    expect(stopped.body.code).toBe('rate_limited');
  });

  it('keeps the OpenAPI document and the docs open', async () => {
    for (let i = 0; i < 8; i++) expect((await api(lab.base, undefined, 'GET', '/openapi.json')).status).toBe(200);
    const docs = await fetch(`${lab.server.origin}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
