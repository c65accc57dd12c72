import type { z } from 'zod';
import { contract } from '../bridge/contract';
import type { CommandSpec, QuerySpec } from '../bridge/define';
import type { HttpRoute } from './http-route';
import { requestFields, takesCommandId, type RequestField } from './input-shape';

/**
 * Where each input field of a route travels: path, query string or JSON body, and which fields the
 * list paging fills itself. Both the HTTP adapter (reading requests) and the OpenAPI document
 * (describing them) use this one plan.
 */

/** Input fields a list's paging sets (`limit` to the query's maximum, a register's offset …), hidden from requests. */
export const PAGING_FIELDS: ReadonlySet<string> = new Set(['limit', 'offset', 'filters', 'sort']);

export interface RequestPlan {
  spec: CommandSpec | QuerySpec | undefined;
  params: { name: string; field: string }[];
  query: RequestField[];
  /** Null: the route takes no body. */
  body: RequestField[] | null;
  /** The body is one input field whole (a record's data): its field and documented schema. */
  wholeBody: { field: string; schema: z.ZodType | undefined } | null;
  /** The contract takes a command id: the `Idempotency-Key` (or a fresh id) fills it. */
  takesCommandId: boolean;
  /** The contract input has a `sort: {field, direction}` the API's `sort` parameter fills. */
  hasNativeSort: boolean;
}

const hasBody = (route: HttpRoute): boolean => route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';

export function requestPlanOf(route: HttpRoute): RequestPlan {
  const spec = (contract as Record<string, CommandSpec | QuerySpec>)[route.operation];
  const params = Object.entries(route.input.params ?? {}).map(([name, field]) => ({ name, field }));
  if (!spec) return { spec, params, query: [], body: null, wholeBody: null, takesCommandId: false, hasNativeSort: false };
  const fields = requestFields(spec.input, route.input) ?? [];
  const visible = route.list ? fields.filter((f) => !PAGING_FIELDS.has(f.field)) : fields;
  const bodyField = route.input.bodyField;
  const inQuery = new Set(route.input.queryFields ?? []);
  const wholeBody = bodyField ? { field: bodyField, schema: route.input.bodySchema ?? fields.find((f) => f.field === bodyField)?.schema } : null;
  const rest = visible.filter((f) => f.field !== bodyField);
  return {
    spec,
    params,
    query: hasBody(route) ? rest.filter((f) => inQuery.has(f.field)) : rest,
    body: hasBody(route) && !bodyField ? rest.filter((f) => !inQuery.has(f.field)) : null,
    wholeBody: hasBody(route) ? wholeBody : null,
    takesCommandId: takesCommandId(spec.input),
    hasNativeSort: fields.some((f) => f.field === 'sort'),
  };
}
