import { inputFieldOf } from '../../src-shared/api/input-shape';
import type { HttpRoute } from '../../src-shared/api/http-route';
import { jsonSchemaOf } from '../../src-shared/api/openapi-document';
import type { ProblemField } from '../../src-shared/api/problem';
import type { RequestPlan } from '../../src-shared/api/request-plan';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { InputIssue } from '../bridge/direct-calls';

/**
 * A request turned into the contract entry's input, and the contract's input problems turned back
 * into the request's terms. Only the fields the route's plan names are read: a body cannot set a
 * path's id, a fixed kind or a command id. Query-string values are text and are read as the type
 * the contract's schema expects (numbers, booleans, lists as repeated or comma-separated values).
 * The contract's schema then validates everything, as for a click.
 */

type JsonSchema = { type?: string | string[]; items?: JsonSchema; anyOf?: JsonSchema[] };

export interface RequestParts {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
}

const typeOf = (schema: JsonSchema): string | undefined => {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return type ?? schema.anyOf?.map(typeOf).find((t) => t !== undefined && t !== 'null');
};

function coerce(value: string | string[], schema: JsonSchema): unknown {
  const type = typeOf(schema);
  if (type === 'array') {
    const items = Array.isArray(value) ? value : value === '' ? [] : value.split(',');
    return items.map((item) => coerce(item, schema.items ?? {}));
  }
  if (Array.isArray(value)) return value;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'object') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads requests for one route; the query fields' JSON schemas are worked out once. */
export function createRequestReader(route: HttpRoute, plan: RequestPlan) {
  const querySchemas = new Map(plan.query.map((f) => [f.name, jsonSchemaOf(f.schema, 'input') as JsonSchema]));
  const bodyNames = new Set(plan.body?.map((f) => f.name));

  return {
    input(request: RequestParts): Result<Record<string, unknown>> {
      const input: Record<string, unknown> = {};
      for (const { name, field } of plan.params) input[field] = request.params[name];
      for (const field of plan.query) {
        const value = request.query[field.name];
        if (value !== undefined) input[field.field] = coerce(value, querySchemas.get(field.name) ?? {});
      }
      if (plan.wholeBody) {
        if (!isObject(request.body)) return fail('malformed_message', 'Send the body as a JSON object.');
        input[plan.wholeBody.field] = request.body;
      } else if (plan.body) {
        // No body at all is an empty object; a body of `null`, a list or a number is no object.
        if (request.body !== undefined && !isObject(request.body)) return fail('malformed_message', 'Send the body as a JSON object.');
        for (const [name, value] of Object.entries(request.body ?? {})) if (bodyNames.has(name)) input[inputFieldOf(route.input, name)] = value;
      }
      for (const [field, value] of Object.entries(route.input.defaults ?? {})) if (input[field] === undefined) input[field] = value;
      return ok({ ...input, ...route.input.fixed });
    },

    /** Where an input field (path, as the contract names it) is in the request, under the request's names. */
    fieldOf(path: readonly PropertyKey[]): Omit<ProblemField, 'message'> {
      const [first, ...rest] = path.map(String);
      const tail = (parts: string[]) => parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
      if (plan.wholeBody && first === plan.wholeBody.field) return { field: tail(rest) || '(body)', in: 'body' };
      const param = plan.params.find((p) => p.field === first);
      if (param) return { field: param.name, in: 'path' };
      const inQuery = plan.query.find((f) => f.field === first);
      const name = inQuery?.name ?? plan.body?.find((f) => f.field === first)?.name ?? first ?? '';
      const rendered = tail([name, ...rest]);
      return { field: rendered, in: inQuery || !plan.body ? 'query' : 'body' };
    },

    /** The contract's input problems in the request's terms. */
    problemsOf(issues: readonly InputIssue[]): ProblemField[] {
      return issues.map((issue) => ({ ...this.fieldOf(issue.path), message: issue.message }));
    },
  };
}

export type RequestReader = ReturnType<typeof createRequestReader>;
