import { contract } from '../bridge/contract';
import type { CommandSpec, QuerySpec } from '../bridge/define';
import { recordKindOf, recordKinds } from '../records/record-kinds';
import { isAppOnlyOperation, moduleOfOperation } from './api-modules';
import { conventionalRoute } from './conventional-routes';
import type { HttpRoute } from './http-route';
import { recordKindRoutes, recordOperations } from './record-routes';
import { recordViewSchema, registerPageSchema } from './record-result-schemas';
import { resultSchemas } from './result-schemas';
import { specPathOf, specPaths, type SpecPath } from './spec-routes';

/**
 * Every route of the public API, generated: the spec's paths (spec-routes.ts), each record kind's
 * routes (record-routes.ts), and the conventional path of every other contract entry
 * (conventional-routes.ts) except those only the app may call (api-modules.ts). A contract entry or
 * a record kind added anywhere shows up here, in the HTTP adapter and in the OpenAPI document.
 * Two routes on one method and path are a programming error, reported when the list is built.
 */

const entryOf = (name: string): CommandSpec | QuerySpec | undefined => (contract as Record<string, CommandSpec | QuerySpec>)[name];

const camel = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+(\w)/g, (_m, c: string) => c.toUpperCase());

function specRoute(entry: SpecPath): HttpRoute {
  const spec = entryOf(entry.operation);
  // A records route names its kind by a fixed input or by its target; a plan item's fixed `kind` is no record kind.
  const recordKindName = entry.operation.startsWith('records/') || entry.target?.collection === 'records' ? (entry.target?.kind ?? entry.input?.fixed?.kind) : undefined;
  const fixedKind = typeof recordKindName === 'string' ? recordKindName : undefined;
  const kind = fixedKind ? recordKindOf(fixedKind) : undefined;
  const isInstalled = spec !== undefined && (!fixedKind || kind !== undefined);
  const isQuery = spec ? spec.kind === 'query' : entry.method === 'GET';
  const recordResult = kind && entry.operation === 'records/register' ? registerPageSchema : kind && entry.operation !== 'records/remove' ? recordViewSchema(kind) : undefined;
  const resultSchema = isInstalled ? (recordResult ?? resultSchemas[entry.operation]) : undefined;
  const input = kind && entry.input?.bodyField === 'data' ? { ...entry.input, bodySchema: kind.data } : (entry.input ?? {});
  return {
    operationId: `${entry.tag}_${camel(entry.summary)}`,
    method: entry.method,
    path: specPathOf(entry),
    operation: entry.operation,
    kind: isQuery ? 'query' : 'command',
    module: kind?.module ?? (isInstalled ? moduleOfOperation(entry.operation) : entry.tag),
    access: isQuery ? 'read' : 'write',
    summary: entry.summary,
    description: isInstalled
      ? `The spec's ${entry.method} ${entry.path}: runs \`${entry.operation}\`${fixedKind ? ` for ${fixedKind} records` : ''}, with the same checks as in the app.`
      : `The spec's ${entry.method} ${entry.path}. Its module is not installed in this LabFlow (it needs \`${entry.operation}\`${fixedKind ? ` and the record kind \`${fixedKind}\`` : ''}): answers 404.`,
    tag: entry.tag,
    input,
    ...(entry.target ? { target: entry.target } : {}),
    ...(entry.list ? { list: entry.list } : {}),
    isInstalled,
    successStatus: entry.successStatus ?? 200,
    ...(resultSchema ? { resultSchema } : {}),
    origin: 'spec',
  };
}

const routeKey = (route: Pick<HttpRoute, 'method' | 'path'>) => `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;

/** Builds the route list; throws naming the clash when two routes share a method and path or an operationId. */
export function buildApiRoutes(): HttpRoute[] {
  const fromSpec = specPaths.map(specRoute);
  // A spec path that runs an entry as it is (no fixed kind) is that entry's one path.
  const coveredBySpec = new Set(fromSpec.filter((r) => r.isInstalled && !r.input.fixed).map((r) => r.operation));
  const fromKinds = recordKinds.flatMap(recordKindRoutes);
  const specKeys = new Set(fromSpec.map(routeKey));
  const conventional = Object.entries(contract as Record<string, CommandSpec | QuerySpec>)
    .filter(([name]) => !isAppOnlyOperation(name) && !recordOperations.has(name) && !coveredBySpec.has(name))
    .map(([name, spec]) => {
      const short = conventionalRoute(name, spec);
      const route = specKeys.has(routeKey(short)) ? conventionalRoute(name, spec, true) : short;
      const resultSchema = resultSchemas[name];
      return resultSchema ? { ...route, resultSchema } : route;
    });
  const routes = [...fromSpec, ...fromKinds, ...conventional];
  const seen = new Map<string, string>();
  for (const route of routes) {
    for (const key of [routeKey(route), `operationId ${route.operationId}`]) {
      const earlier = seen.get(key);
      if (earlier) throw new Error(`API routes clash on ${key}: ${earlier} and ${route.operation}`);
      seen.set(key, route.operation);
    }
  }
  return routes;
}
