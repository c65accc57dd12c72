import { validate, compileErrors } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildApiRoutes } from '../../../src-shared/api/api-routes';
import { isAppOnlyOperation, moduleOfOperation, notOverHttp } from '../../../src-shared/api/api-modules';
import { conventionalRoute } from '../../../src-shared/api/conventional-routes';
import { openApiDocument } from '../../../src-shared/api/openapi-document';
import { httpStatusOf, problemOf } from '../../../src-shared/api/problem';
import { recordOperations } from '../../../src-shared/api/record-routes';
import { specPaths } from '../../../src-shared/api/spec-routes';
import { contract } from '../../../src-shared/bridge/contract';
import { command, query } from '../../../src-shared/bridge/define';
import { recordKinds } from '../../../src-shared/records/record-kinds';
import { z } from 'zod';

/**
 * The public API's routes are generated from the contract, the record kinds and the spec's table:
 * every entry is reachable (or named as app-only with its reason), nothing clashes, and the OpenAPI
 * document made from them is valid OpenAPI 3.1.
 */

const routes = buildApiRoutes();
const operations = new Set(routes.filter((r) => r.isInstalled).map((r) => r.operation));

describe('the generated routes', () => {
  it('reach every contract entry except the app-only ones', () => {
    const unreachable = Object.keys(contract).filter((name) => !operations.has(name) && !isAppOnlyOperation(name));
    expect(unreachable).toEqual([]);
    for (const name of Object.keys(notOverHttp)) expect(operations.has(name), name).toBe(false);
    expect([...operations].filter((name) => name.startsWith('api-tokens/') || name.startsWith('api/'))).toEqual([]);
  });

  it("have the spec's 28 endpoints at their paths and verbs", () => {
    expect(specPaths).toHaveLength(28);
    const keys = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const entry of specPaths) expect(keys.has(`${entry.method} /api/v1${entry.path}`), entry.path).toBe(true);
    expect(keys).toContain('POST /api/v1/workflows/instances/{id}/advance');
    expect(keys).toContain('GET /api/v1/time-tracking/summary');
  });

  it('give every record kind its register, record, transition and link routes, in its own module', () => {
    for (const kind of recordKinds) {
      // Whole path segments: `organisation` (CRM) must not pick up `organisation_profile` (platform).
      const own = routes.filter((r) => r.path === `/api/v1/records/${kind.kind}` || r.path.startsWith(`/api/v1/records/${kind.kind}/`));
      expect(own.map((r) => `${r.method} ${r.path.replace(`/api/v1/records/${kind.kind}`, '')}`)).toEqual(
        expect.arrayContaining(['GET ', 'POST ', 'GET /{id}', 'PATCH /{id}', 'POST /{id}/transition']),
      );
      expect(new Set(own.map((r) => r.module))).toEqual(new Set([kind.module]));
    }
    for (const name of recordOperations) expect(operations.has(name) || ['records/search', 'records/links'].includes(name), name).toBe(true);
  });

  it('are unique by method and path and by operationId', () => {
    const keys = routes.map((r) => `${r.method} ${r.path.replace(/\{[^}]+\}/g, '{}')}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
  });

  it('answer a spec endpoint whose module has not landed as not installed, not as a missing path', () => {
    const missing = routes.filter((r) => !r.isInstalled);
    for (const route of missing) {
      expect(route.origin).toBe('spec');
      expect(route.description).toContain('not installed');
    }
  });
});

describe('the conventional route of a contract entry', () => {
  const withId = z.object({ id: z.string() });
  const plain = z.object({ name: z.string() });
  it.each([
    ['samples/create', command()(plain), 'POST', '/api/v1/samples', 201],
    ['samples/update', command()(withId), 'PATCH', '/api/v1/samples/{id}', 200],
    ['samples/remove', command()(withId), 'DELETE', '/api/v1/samples/{id}', 200],
    ['samples/archive', command()(withId), 'POST', '/api/v1/samples/{id}/archive', 200],
    ['samples/import', command()(plain), 'POST', '/api/v1/samples/import', 200],
    ['samples/list', query()(plain), 'GET', '/api/v1/samples', 200],
    ['samples/get', query()(withId), 'GET', '/api/v1/samples/{id}', 200],
    ['samples/history', query()(withId), 'GET', '/api/v1/samples/{id}/history', 200],
    ['samples/overview', query()(plain), 'GET', '/api/v1/samples/overview', 200],
  ] as const)('%s → %s %s', (name, spec, method, path, status) => {
    const route = conventionalRoute(name, spec);
    expect(route).toMatchObject({ method, path, successStatus: status, module: 'samples', access: spec.kind === 'command' ? 'write' : 'read', origin: 'convention' });
  });

  it('keeps the verb where the short form is taken', () => {
    expect(conventionalRoute('samples/create', command()(plain), true)).toMatchObject({ method: 'POST', path: '/api/v1/samples/create' });
  });

  it('folds sub-features into their module for token scopes', () => {
    expect(moduleOfOperation('milestones/list')).toBe('projects');
    expect(moduleOfOperation('time/log')).toBe('tasks');
    expect(moduleOfOperation('departments/create')).toBe('people');
    expect(moduleOfOperation('brand-new/thing')).toBe('brand-new');
  });
});

describe('the OpenAPI document', () => {
  const document = openApiDocument(routes, { version: '1' });

  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(document).toMatchObject({ openapi: expect.stringMatching(/^3\.1\./), info: { title: 'LabFlow API' } });
  });

  it('would be refused by the validator if a route were documented wrongly', async () => {
    const broken = structuredClone(document) as { paths: Record<string, Record<string, { responses?: unknown }>> };
    const [first] = Object.values(broken.paths);
    for (const operation of Object.values(first ?? {})) operation.responses = 'none';
    expect((await validate(broken as Parameters<typeof validate>[0])).valid).toBe(false);
  });

  it('documents every route under its path and verb, with bearer authentication', () => {
    const paths = document.paths as Record<string, Record<string, { operationId: string; security?: unknown }>>;
    for (const route of routes) expect(paths[route.path]?.[route.method.toLowerCase()]?.operationId, `${route.method} ${route.path}`).toBe(route.operationId);
    expect(JSON.stringify(document)).toContain('bearer');
  });
});

describe('problems', () => {
  it("carry the contract's code, message and field with the HTTP status", () => {
    expect(problemOf({ code: 'invalid_input', message: 'Give a name.', field: 'name' }, { instance: '/api/v1/projects' })).toEqual({
      type: 'https://labflow.org/problems/invalid_input',
      title: 'Not valid',
      status: 422,
      detail: 'Give a name.',
      code: 'invalid_input',
      field: 'name',
      instance: '/api/v1/projects',
    });
    expect(httpStatusOf('not_found')).toBe(404);
    expect(httpStatusOf('a_code_added_later')).toBe(400);
    expect(httpStatusOf('command_id_reused')).toBe(422);
    expect(problemOf({ code: 'internal', message: 'x', details: { errorId: 'E1' } })).toMatchObject({ status: 500, errorId: 'E1' });
  });
});
