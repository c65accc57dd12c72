import { z } from 'zod';
import type { AnyRecordKind } from '../records/record-kind';
import { API_PREFIX, type HttpRoute, type RouteTarget } from './http-route';
import { linksResultSchema, recordViewSchema, registerPageSchema } from './record-result-schemas';

/**
 * The routes of every declared record kind, from its declaration alone: a kind a module adds to
 * record-kinds.ts is on the API (and in the docs, with its own data schema) with no other edit.
 * Each runs the generic record commands with the kind fixed, so the kind's rules, read scope,
 * numbering and audit are the ones the app applies. The token scope is the kind's module.
 */

/** The record entries these routes reach (so the convention does not give them a second, kind-less path). */
export const recordOperations: ReadonlySet<string> = new Set([
  'records/create',
  'records/update',
  'records/transition',
  'records/remove',
  'records/link',
  'records/unlink',
  'records/get',
  'records/register',
  'records/links',
]);

/** The data schema of a partial update, for the docs: every field optional, null clears one (from the shape: refinements need the whole record). */
const partialDataSchema = (data: z.ZodType): z.ZodType =>
  data instanceof z.ZodObject ? z.object(Object.fromEntries(Object.entries(data.shape as Record<string, z.ZodType>).map(([field, schema]) => [field, schema.nullable().optional()]))) : data;

export function recordKindRoutes(kind: AnyRecordKind): HttpRoute[] {
  const base = `${API_PREFIX}/records/${kind.kind}`;
  const item = `${base}/{id}`;
  const target: RouteTarget = { collection: 'records', param: 'id', kind: kind.kind };
  const fixed = { kind: kind.kind };
  const common = { module: kind.module, tag: `${kind.module}: ${kind.pluralLabel}`, isInstalled: true, origin: 'record-kind' } as const;
  const view = recordViewSchema(kind);
  const id = (verb: string) => `records_${kind.kind}_${verb}`;
  return [
    {
      ...common,
      operationId: id('list'),
      method: 'GET',
      path: base,
      operation: 'records/register',
      kind: 'query',
      access: 'read',
      summary: `List ${kind.pluralLabel.toLowerCase()}`,
      description: `The register of ${kind.pluralLabel.toLowerCase()} the token's person may read: \`text\` searches number, title and the kind's search words; \`filter[field]=value\` (or \`filter[field][op]=value\`, op one of equals, contains, before, after, is_empty, not_empty, in) on the register's fields; \`sort=field\` or \`sort=-field\`.`,
      input: { fixed },
      list: { kind: 'register' },
      successStatus: 200,
      resultSchema: registerPageSchema,
    },
    {
      ...common,
      operationId: id('create'),
      method: 'POST',
      path: base,
      operation: 'records/create',
      kind: 'command',
      access: 'write',
      summary: `Create a ${kind.label.toLowerCase()}`,
      description: `The body is the ${kind.label.toLowerCase()}'s data. Who may create one, and its number, follow the kind's declaration.`,
      input: { fixed, bodyField: 'data', bodySchema: kind.data },
      successStatus: 201,
      resultSchema: view,
    },
    { ...common, operationId: id('get'), method: 'GET', path: item, operation: 'records/get', kind: 'query', access: 'read', summary: `Get a ${kind.label.toLowerCase()}`, input: { params: { id: 'id' } }, target, successStatus: 200, resultSchema: view },
    {
      ...common,
      operationId: id('update'),
      method: 'PATCH',
      path: item,
      operation: 'records/update',
      kind: 'command',
      access: 'write',
      summary: `Change a ${kind.label.toLowerCase()}`,
      description: 'Sets the data fields given (null clears one); fields left out stay as they are. Send `If-Match` with the ETag you read to refuse the change if someone changed it meanwhile (412).',
      input: { params: { id: 'id' }, bodyField: 'data', bodySchema: partialDataSchema(kind.data) },
      target,
      successStatus: 200,
      resultSchema: view,
    },
    {
      ...common,
      operationId: id('transition'),
      method: 'POST',
      path: `${item}/transition`,
      operation: 'records/transition',
      kind: 'command',
      access: 'write',
      summary: `Move a ${kind.label.toLowerCase()} to another status`,
      description: `\`to\` is one of: ${kind.statuses.map((s) => `\`${s.id}\` (${s.label})`).join(', ')}. Moves that only a workflow makes are refused.`,
      input: { params: { id: 'id' } },
      target,
      successStatus: 200,
      resultSchema: view,
    },
    {
      ...common,
      operationId: id('remove'),
      method: 'DELETE',
      path: item,
      operation: 'records/remove',
      kind: 'command',
      access: 'write',
      summary: `Remove a ${kind.label.toLowerCase()}`,
      description: 'A soft delete that stays in the audit trail; `reason` (query) says why.',
      input: { params: { id: 'id' } },
      target,
      successStatus: 204,
    },
    { ...common, operationId: id('links'), method: 'GET', path: `${item}/links`, operation: 'records/links', kind: 'query', access: 'read', summary: `Links of a ${kind.label.toLowerCase()}`, input: { params: { id: 'id' } }, target, list: { kind: 'array' }, successStatus: 200, resultSchema: linksResultSchema },
    { ...common, operationId: id('link'), method: 'POST', path: `${item}/links`, operation: 'records/link', kind: 'command', access: 'write', summary: `Link a ${kind.label.toLowerCase()} to a record, project, task or meeting`, input: { params: { id: 'id' } }, target, successStatus: 201 },
    { ...common, operationId: id('unlink'), method: 'DELETE', path: `${item}/links/{linkId}`, operation: 'records/unlink', kind: 'command', access: 'write', summary: `Remove a link of a ${kind.label.toLowerCase()}`, input: { params: { id: 'id', linkId: 'linkId' } }, target, successStatus: 204 },
  ];
}
