import type { z } from 'zod';

/**
 * One route of the public HTTP API (`/api/v1`): a contract command or live query reached over HTTP.
 * Routes are data, generated from the contract, the record kinds and the spec's path table
 * (api-routes.ts); the host's HTTP adapter and the OpenAPI document both read them, so a route and
 * its documentation cannot disagree.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A token scope is read or write per module; write includes read. */
export type Access = 'read' | 'write';

/** How a request becomes the contract entry's input (which the contract's own schema then checks). */
export interface InputRecipe {
  /** Path parameter → input field, e.g. `{ id: 'instanceId' }`. */
  params?: Readonly<Record<string, string>>;
  /** Input fields the route fixes: a plan item's kind, a record's kind. */
  fixed?: Readonly<Record<string, unknown>>;
  /** Input field → its name in requests, where the spec names it (`code` → `workflow_definition_id`). */
  names?: Readonly<Record<string, string>>;
  /** Input fields read from the query string although the route has a body (`?publish=false`). */
  queryFields?: readonly string[];
  /** Values used when the request leaves the field out (a definition POSTed is published unless `publish=false`). */
  defaults?: Readonly<Record<string, unknown>>;
  /** The input field the whole request body fills (a record's `data`, a workflow definition). */
  bodyField?: string;
  /** What the docs show for that body when the contract takes any value there (the kind's data schema). */
  bodySchema?: z.ZodType;
}

/** The stored document an `{id}` route is about: it gives the ETag, If-Match checks against it. */
export interface RouteTarget {
  collection: string;
  /** The path parameter holding the document's id. */
  param: string;
  /** Records: the route's kind; a record of another kind is answered 404 like a missing one. */
  kind?: string;
}

export interface HttpRoute {
  /** Unique, stable: the OpenAPI operationId. */
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path with `{params}`, e.g. `/api/v1/workflows/instances/{id}/advance`. */
  path: string;
  /** The contract entry the route runs. */
  operation: string;
  kind: 'command' | 'query';
  /** The token scope's module: `projects`, `workflows`, a record kind's module … */
  module: string;
  access: Access;
  summary: string;
  description?: string;
  /** Grouping in the docs. */
  tag: string;
  input: InputRecipe;
  target?: RouteTarget;
  /** A list: answered a page at a time (`cursor`, `limit`), with `filter[...]` and `sort`. */
  list?: ListShape;
  /** False when the contract has no such entry yet: the module is not installed here (404). */
  isInstalled: boolean;
  /** 201 for routes that create something. */
  successStatus: 200 | 201 | 204;
  /** The result's schema where the API knows it (result-schemas.ts); the docs say "any JSON" otherwise. */
  resultSchema?: z.ZodType;
  /** Where the route comes from: the spec's table, a record kind, or the convention for contract names. */
  origin: 'spec' | 'record-kind' | 'convention';
}

/**
 * How a list query is paged. `array`: the result is the list. `field`: the list is one field of the
 * result object (a risk register's `risks`). `register`: a record register, paged by the host
 * itself (`offset`, `limit`, `total`).
 */
export type ListShape = { kind: 'array' } | { kind: 'field'; field: string } | { kind: 'register' };

export const API_PREFIX = '/api/v1';

/** The largest page a list endpoint answers; `limit` defaults to 50. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
