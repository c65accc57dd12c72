import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRoutes } from '../../../src-shared/api/api-routes';
import type { HttpRoute } from '../../../src-shared/api/http-route';
import { expectOk } from '../workflows/workflow-fixtures';
import { openApiLab, type ApiLab } from './support/api-fixture';

/**
 * Treat every client as hostile: each route of the API, called by a token that may do everything
 * with bodies, paths, query strings and headers no honest client sends, answers a 4xx problem
 * (checked against the OpenAPI document by the fixture) — never a 5xx — and writes nothing.
 */

const routes = buildApiRoutes();
const hasBody = (route: HttpRoute) => route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';

let lab: ApiLab;
let token: string;
let projectId: string;

/** How many documents each collection holds: a refused call changes none of them. */
async function documentCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, collection] of Object.entries(lab.host.db.collections)) counts[name] = await collection.count().exec();
  return counts;
}

const pathOf = (route: HttpRoute, id: string) => route.path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, encodeURIComponent(id));

/** Values no body of the API accepts: every body is a JSON object. */
const notAnObject = fc.oneof(
  fc.array(fc.jsonValue(), { maxLength: 4 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.constant(null),
);

/** Ids for `{id}`: not LabFlow's, some of them nasty. */
const hostileId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
  fc.constantFrom('..', '../../etc/passwd', '__proto__', 'constructor', ' ', '%00', '\u0000', 'a'.repeat(300), "1' OR '1'='1", '{"$ne":null}', '🧪'),
);

/** Query strings no list expects. */
const hostileQuery = fc.oneof(
  fc.constantFrom('limit=-1', 'limit=0', 'limit=99999', 'limit=abc', 'limit=1.5', 'cursor=not-a-cursor', 'cursor=%FF%FE', 'sort=;drop', 'sort=-', 'filter[__proto__]=x',
    'filter=x', 'filter[status][nope]=x', 'limit=1&limit=2', 'include_retired=maybe', 'project_id[]=x', 'publish=yes', 'text=' + 'x'.repeat(5000)),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }).map((q) => new URLSearchParams(q).toString()),
);

beforeAll(async () => {
  lab = await openApiLab({ rateLimit: { perToken: 1_000_000, perAddressUnauthenticated: 1_000_000 } });
  token = await lab.tokenFor('admin', ['*:write'], 'hostile');
  projectId = expectOk(await lab.admin.call<{ id: string }>('projects/create', { code: 'HOST-1', name: 'Hostile input' })).id;
});
afterAll(async () => lab.close());

/** Calls and expects a 4xx; returns the status. */
async function refused(route: HttpRoute, path: string, body?: unknown, headers?: Record<string, string>): Promise<number> {
  const answer = await lab.call(token, route.method, path, body, headers);
  expect(answer.status, `${route.method} ${path} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${route.method} ${path}`).toBeLessThan(500);
  return answer.status;
}

describe('every route, sent what no honest client sends', () => {
  it('refuses bodies that are not JSON objects, malformed JSON and other content types, writing nothing', async () => {
    const before = await documentCounts();
    for (const route of routes.filter(hasBody)) {
      const path = pathOf(route, projectId);
      await refused(route, path, [1, 2]);
      await refused(route, path, 'null');
      await refused(route, path, '{"name": "unterminated');
      await refused(route, path, '"just text"');
      await refused(route, path, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
      await refused(route, path, '<xml/>', { 'content-type': 'application/xml' });
    }
    expect(await documentCounts()).toEqual(before);
  });

  it('refuses ids that are no record’s, on every {id} route', async () => {
    const before = await documentCounts();
    for (const route of routes.filter((r) => r.path.includes('{'))) {
      for (const id of ['no-such-id', '..', 'x'.repeat(300), '🧪']) {
        await refused(route, pathOf(route, id), hasBody(route) ? {} : undefined, route.method === 'GET' ? {} : { 'if-match': '"0"' });
      }
    }
    expect(await documentCounts()).toEqual(before);
  });

  it('answers generated invalid bodies, ids, queries and headers with a 4xx, never a 5xx, and writes nothing', async () => {
    const before = await documentCounts();
    const auditBefore = await lab.auditCount();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        notAnObject,
        hostileId,
        hostileQuery,
        fc.record({ 'if-match': fc.string({ maxLength: 40 }), 'idempotency-key': fc.string({ maxLength: 250 }) }, { requiredKeys: [] }),
        async (route, body, id, query, headers) => {
          const path = `${pathOf(route, id)}?${query}`;
          const printable = Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\x20-\x7e]*$/.test(v)));
          const answer = await lab.call(token, route.method, path, hasBody(route) ? JSON.stringify(body) : undefined, printable);
          expect(answer.status, `${route.method} ${path}`).toBeLessThan(500);
          // A query with an odd but harmless query string may answer; a command never does.
          if (route.kind === 'command' || route.path.includes('{')) expect(answer.status, `${route.method} ${path}`).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 300, seed: 20261206 },
    );
    expect(await lab.auditCount()).toBe(auditBefore);
    expect(await documentCounts()).toEqual(before);
  });

  it('refuses a body larger than the API takes, before reading it', async () => {
    const route = routes.find((r) => r.operation === 'projects/create')!;
    const status = await refused(route, '/projects', { code: 'BIG-1', name: 'x'.repeat(2_000_000) });
    expect(status).toBe(413);
  });

  it('refuses a request without a valid token before reading its input', async () => {
    const route = routes.find((r) => r.operation === 'projects/create')!;
    for (const authorization of ['', 'Bearer', 'Bearer ' + 'x'.repeat(5000), 'Basic YWRtaW46YWRtaW4=', `Bearer ${token} ${token}`]) {
      const answer = await lab.call(undefined, route.method, '/projects', [1], { authorization });
      expect(answer.status, authorization.slice(0, 20)).toBe(401);
    }
  });
});
