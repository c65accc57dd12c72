import type { CommandSpec, QuerySpec } from '../bridge/define';
import { moduleOfOperation } from './api-modules';
import { API_PREFIX, type HttpMethod, type HttpRoute, type ListShape, type RouteTarget } from './http-route';
import { hasField } from './input-shape';

/**
 * The path every contract entry gets when the spec does not fix one, from its name alone
 * (`resource/verb`), so a new command is on the API the moment it is in the contract:
 *
 * | entry                         | route                              |
 * |-------------------------------|------------------------------------|
 * | command `x/create`            | POST   /api/v1/x                   |
 * | command `x/update` with `id`  | PATCH  /api/v1/x/{id}              |
 * | command `x/remove` with `id`  | DELETE /api/v1/x/{id}              |
 * | command `x/verb` with `id`    | POST   /api/v1/x/{id}/verb         |
 * | command `x/verb`              | POST   /api/v1/x/verb              |
 * | query `x/list`                | GET    /api/v1/x                   |
 * | query `x/get|detail` + `id`   | GET    /api/v1/x/{id}              |
 * | query `x/name` with `id`      | GET    /api/v1/x/{id}/name         |
 * | query `x/name`                | GET    /api/v1/x/name              |
 *
 * Where the spec already uses the short form for another entry (POST /workflows/definitions creates
 * and publishes), the entry keeps its verb: `withVerb` gives POST /api/v1/workflows/definitions/create.
 */

/** Where the documents of a resource live, for ETags and If-Match on its `{id}` routes. */
const collectionOfResource: Readonly<Record<string, string>> = {
  projects: 'projects',
  tasks: 'tasks',
  'plan-items': 'plan_items',
  milestones: 'plan_items',
  deliverables: 'plan_items',
  comments: 'activity',
  time: 'activity',
  people: 'people',
  departments: 'people',
  webhooks: 'notifications',
};

/** Queries answering a list whose name does not say so. Checked against the live results in tests/integration/api. */
const listQueries: ReadonlySet<string> = new Set([
  'workflows/my-work',
  'workflows/sla-violations',
  'audit/list',
  'notifications/deliveries',
  'sync/conflicts',
  'records/search',
  'records/links',
]);

/** Lists that come as one field of an object (with totals or a heatmap beside them). */
const listFields: Readonly<Record<string, string>> = { 'tasks/list': 'rows', 'risks/list': 'risks', 'attachments/list': 'items' };

/** How a query's result is paged, or undefined when it is not a list. */
export function listShapeOf(name: string): ListShape | undefined {
  const field = listFields[name];
  if (field) return { kind: 'field', field };
  return listQueries.has(name) || name.endsWith('/list') ? { kind: 'array' } : undefined;
}

const words = (name: string) => name.replace(/[/-]/g, ' ');
const operationIdOf = (name: string) => name.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase());

export function conventionalRoute(name: string, spec: CommandSpec | QuerySpec, withVerb = false): HttpRoute {
  const segments = name.split('/');
  const verb = segments.at(-1) ?? name;
  const resource = segments.length > 1 ? segments.slice(0, -1).join('/') : name;
  const base = `${API_PREFIX}/${resource}`;
  const hasId = hasField(spec.input, 'id');
  const collection = collectionOfResource[segments[0] ?? ''];
  let method: HttpMethod;
  let path: string;
  if (withVerb) [method, path] = [spec.kind === 'command' ? 'POST' : 'GET', hasId ? `${base}/{id}/${verb}` : `${base}/${verb}`];
  else if (spec.kind === 'command') {
    if (verb === 'create') [method, path] = ['POST', base];
    else if (verb === 'update' && hasId) [method, path] = ['PATCH', `${base}/{id}`];
    else if (verb === 'remove' && hasId) [method, path] = ['DELETE', `${base}/{id}`];
    else if (hasId) [method, path] = ['POST', `${base}/{id}/${verb}`];
    else [method, path] = ['POST', `${base}/${verb}`];
  } else if (verb === 'list') [method, path] = ['GET', base];
  else if ((verb === 'get' || verb === 'detail') && hasId) [method, path] = ['GET', `${base}/{id}`];
  else if (hasId) [method, path] = ['GET', `${base}/{id}/${verb}`];
  else [method, path] = ['GET', `${base}/${verb}`];

  const target: RouteTarget | undefined = hasId && collection ? { collection, param: 'id' } : undefined;
  const list = spec.kind === 'query' ? listShapeOf(name) : undefined;
  return {
    operationId: operationIdOf(name),
    method,
    path,
    operation: name,
    kind: spec.kind,
    module: moduleOfOperation(name),
    access: spec.kind === 'command' ? 'write' : 'read',
    summary: `${spec.kind === 'command' ? 'Command' : 'Query'} ${words(name)}`,
    description: `Runs the contract's \`${name}\` ${spec.kind === 'command' ? 'command' : 'query'}, with the same checks as in the app.`,
    tag: moduleOfOperation(name),
    input: hasId && path.includes('{id}') ? { params: { id: 'id' } } : {},
    ...(target ? { target } : {}),
    ...(list ? { list } : {}),
    isInstalled: true,
    successStatus: spec.kind === 'command' && verb === 'create' ? 201 : 200,
    origin: 'convention',
  };
}
