import { z } from 'zod';
import { ErrorCode } from '../core/error-codes';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type HttpRoute } from './http-route';
import { httpStatusOf } from './problem';
import { requestPlanOf, type RequestPlan } from './request-plan';
import { FILE_BYTE_ROUTES, fileByteOperation } from './file-byte-routes';

/**
 * The OpenAPI 3.1 document of the public API, built from the routes (api-routes.ts) and the zod
 * schemas they carry: request fields from the contract's input schemas, responses from the result
 * schemas where the API has them. Nothing here is written by hand per endpoint, so the document
 * describes exactly what the adapter accepts.
 */

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); what JSON cannot say (a refinement, a transform) is left out. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `code` is the contract\'s error code, the same the app shows; `errors` names each input problem in the request\'s own field names.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong, in words a lab person can act on.' },
    code: { type: 'string', enum: Object.values(ErrorCode) },
    field: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'in', 'message'], properties: { field: { type: 'string' }, in: { enum: ['body', 'query', 'path', 'header'] }, message: { type: 'string' } } } },
    instance: { type: 'string' },
    errorId: { type: 'string' },
  },
};

const listParameters = [
  { name: 'cursor', in: 'query', required: false, description: 'Where the previous page ended (its `nextCursor`).', schema: { type: 'string', maxLength: 500 } },
  { name: 'limit', in: 'query', required: false, description: `Items per page, 1–${MAX_PAGE_SIZE}.`, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
  { name: 'sort', in: 'query', required: false, description: 'A field to sort by, `-field` for descending.', schema: { type: 'string', maxLength: 100 } },
  {
    name: 'filter',
    in: 'query',
    required: false,
    style: 'deepObject',
    explode: true,
    description: '`filter[field]=value` keeps items whose field equals the value; on record registers also `filter[field][op]=value`.',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  },
];

/** The HTTP response body of a successful call: the result, or a page of it for lists. */
export function responseSchemaOf(route: HttpRoute): JsonSchema {
  const result = route.resultSchema;
  const page = (items: JsonSchema, extra: Record<string, JsonSchema> = {}, required: string[] = []): JsonSchema => ({
    type: 'object',
    required: ['items', 'nextCursor', ...required],
    properties: { items: { type: 'array', items }, nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' }, ...extra },
  });
  if (!route.list) return result ? jsonSchemaOf(result, 'output') : { description: `The result of \`${route.operation}\`.` };
  if (route.list.kind === 'register') {
    const rows = result instanceof z.ZodObject && result.shape.rows instanceof z.ZodArray ? jsonSchemaOf(result.shape.rows.element as z.ZodType, 'output') : {};
    return page(rows, { total: { type: 'integer', description: 'Items matching the filter, on every page.' } }, ['total']);
  }
  if (route.list.kind === 'array') return page(result instanceof z.ZodArray ? jsonSchemaOf(result.element as z.ZodType, 'output') : {});
  const field = route.list.field;
  if (!(result instanceof z.ZodObject) || !(result.shape[field] instanceof z.ZodArray)) return page({});
  const others = Object.fromEntries(Object.entries(result.shape as Record<string, z.ZodType>).filter(([name]) => name !== field));
  const rest = jsonSchemaOf(z.object(others), 'output');
  return page(jsonSchemaOf(result.shape[field].element as z.ZodType, 'output'), (rest.properties ?? {}) as Record<string, JsonSchema>, (rest.required ?? []) as string[]);
}

function requestBodyOf(plan: RequestPlan): JsonSchema | undefined {
  if (plan.wholeBody) return { required: true, content: { 'application/json': { schema: plan.wholeBody.schema ? jsonSchemaOf(plan.wholeBody.schema, 'input') : {} } } };
  if (!plan.body) return undefined;
  const properties = Object.fromEntries(plan.body.map((f) => [f.name, jsonSchemaOf(f.schema, 'input')]));
  const required = plan.body.filter((f) => f.isRequired).map((f) => f.name);
  return { required: true, content: { 'application/json': { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } } } };
}

/** The error statuses a route may answer, each with its meaning. */
function errorResponses(route: HttpRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {
    400: problemResponse('The request is malformed: not JSON, a body that is not an object, a bad cursor.'),
    401: problemResponse('No valid API token: missing, unknown, expired or revoked, or its person is deactivated.'),
    403: problemResponse("The token's scopes or its person's roles do not allow this."),
    404: problemResponse('Not found, or not shared with the token\'s person.'),
    429: problemResponse('Too many requests for this token; `Retry-After` says when to try again.'),
  };
  if (route.kind === 'command') {
    responses[String(httpStatusOf('invalid_input'))] = problemResponse('The input breaks a rule: `errors` names each field.');
    responses[String(httpStatusOf('conflict'))] = problemResponse('The current state does not allow it.');
  }
  if (route.target && route.kind === 'command') responses[412] = problemResponse('`If-Match` names a version that is no longer the current one.');
  return responses;
}

function operationOf(route: HttpRoute): Record<string, unknown> {
  const plan = requestPlanOf(route);
  const common = { operationId: route.operationId, summary: route.summary, tags: [route.tag], 'x-labflow-operation': route.operation, 'x-labflow-scope': `${route.module}:${route.access}` };
  const pathParameters = plan.params.map((p) => ({ name: p.name, in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 80 } }));
  if (!route.isInstalled) return { ...common, description: route.description, parameters: pathParameters, responses: { 404: problemResponse('The module is not installed in this LabFlow.') } };
  const parameters: unknown[] = [
    ...pathParameters,
    ...plan.query.map((f) => ({ name: f.name, in: 'query', required: f.isRequired, schema: jsonSchemaOf(f.schema, 'input') })),
    ...(route.list ? listParameters : []),
    ...(route.method === 'POST' ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retry with the same key returns the first answer instead of acting twice (kept 24 hours).', schema: { type: 'string', minLength: 1, maxLength: 200 } }] : []),
    ...(route.target && route.kind === 'command' ? [{ name: 'If-Match', in: 'header', required: false, description: 'The ETag you read; a changed version is refused with 412.', schema: { type: 'string' } }] : []),
  ];
  const body = requestBodyOf(plan);
  const success =
    route.successStatus === 204
      ? { description: 'Done.' }
      : {
          description: 'Done.',
          ...(route.target ? { headers: { ETag: { description: 'The version of the document, for If-Match.', schema: { type: 'string' } } } } : {}),
          content: { 'application/json': { schema: responseSchemaOf(route) } },
        };
  return {
    ...common,
    description: route.description ?? route.summary,
    parameters,
    ...(body ? { requestBody: body } : {}),
    responses: { [route.successStatus]: success, ...errorResponses(route) },
  };
}

/**
 * Moves the `$defs` that recursive schemas (a workflow's routing rules) bring into
 * `components.schemas`, where OpenAPI resolves references, one entry per distinct definition.
 */
function hoistDefinitions(operation: Record<string, unknown>, components: Record<string, unknown>): Record<string, unknown> {
  const byContent = new Map(Object.entries(components).map(([name, schema]) => [JSON.stringify(schema), name]));
  const renames = new Map<string, string>();
  const collect = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    const defs = (value as { $defs?: Record<string, unknown> }).$defs;
    for (const [name, schema] of Object.entries(defs ?? {})) {
      const content = JSON.stringify(schema);
      const known = byContent.get(content);
      const target = known ?? `Schema${byContent.size + 1}`;
      if (!known) byContent.set(content, target);
      renames.set(name, target);
    }
    for (const child of Object.values(value)) collect(child);
  };
  collect(operation);
  if (renames.size === 0) return operation;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '$defs')
        .map(([key, child]) => [key, key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/') ? `#/components/schemas/${renames.get(child.slice(8)) ?? child.slice(8)}` : rewrite(child)]),
    );
  };
  for (const [content, name] of byContent) if (!(name in components)) components[name] = rewrite(JSON.parse(content));
  return rewrite(operation) as Record<string, unknown>;
}

export function openApiDocument(routes: readonly HttpRoute[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = { Problem: problemSchema };
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method.toLowerCase()] = hoistDefinitions(operationOf(route), schemas);
  }
  for (const route of FILE_BYTE_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = fileByteOperation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'LabFlow API',
      version: info.version,
      description: [
        'Every call is a command or query of the LabFlow app, with the same rules and audit trail as a person in the app.',
        'Authenticate with `Authorization: Bearer <token>`; make tokens in Settings → API tokens. A token acts as its person, with their roles and read scope at the time of each call, limited by its scopes.',
        'Errors are RFC 9457 problem details carrying the app\'s error codes. Lists come a page at a time (`cursor`, `limit`). Times are RFC 3339 in UTC; money is integer minor units with an ISO 4217 currency.',
      ].join('\n\n'),
    },
    tags: [...new Set([...routes.map((r) => r.tag), ...FILE_BYTE_ROUTES.map((r) => r.module)])].map((name) => ({ name })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token, `lf_…`.' } },
      schemas,
    },
  };
}
