import { createHash } from 'node:crypto';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListShape } from '../../src-shared/api/http-route';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { RegisterFilter } from '../../src-shared/records/record-contract';

/**
 * Lists a page at a time. `cursor` is opaque: where the last page ended (its position and last
 * item's id, so a list that grew or shrank meanwhile continues after that item) and a fingerprint
 * of the query it belongs to, so it is refused with another filter or sort. Record registers page in
 * the host (offset, limit, total); other lists are read whole up to the query's own limit and cut
 * here, after `filter[field]=value` and `sort` are applied.
 */

export interface PageRequest {
  limit: number;
  offset: number;
  afterId: string | undefined;
  sort: { field: string; direction: 'asc' | 'desc' } | undefined;
  filters: RegisterFilter[];
  fingerprint: string;
}

const FILTER_KEY = /^filter\[([^\][]{1,100})\](?:\[([a-z_]{1,20})\])?$/;
const OPS = new Set(['equals', 'contains', 'before', 'after', 'is_empty', 'not_empty', 'in']);
const RESERVED = new Set(['cursor', 'limit']);

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function readPageRequest(query: Record<string, string | string[] | undefined>): Result<PageRequest> {
  const rest = Object.entries(query).filter(([key]) => !RESERVED.has(key)).sort(([a], [b]) => a.localeCompare(b));
  const fingerprint = createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
  const limitText = single(query.limit);
  const limit = limitText === undefined ? DEFAULT_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) return fail('invalid_input', `limit is a whole number from 1 to ${MAX_PAGE_SIZE}.`, { field: 'limit' });
  let offset = 0;
  let afterId: string | undefined;
  const cursor = single(query.cursor);
  if (cursor !== undefined) {
    const decoded = decodeCursor(cursor);
    if (!decoded || decoded.q !== fingerprint) return fail('malformed_message', 'This cursor belongs to another list or filter; start again without it.', { field: 'cursor' });
    [offset, afterId] = [decoded.o, decoded.k];
  }
  const sortText = single(query.sort);
  if (sortText !== undefined && !/^-?[A-Za-z0-9_.]{1,100}$/.test(sortText)) return fail('invalid_input', 'sort is a field name, or -field for descending.', { field: 'sort' });
  const sort = sortText ? { field: sortText.replace(/^-/, ''), direction: sortText.startsWith('-') ? ('desc' as const) : ('asc' as const) } : undefined;
  const filters: RegisterFilter[] = [];
  for (const [key, raw] of Object.entries(query)) {
    const match = FILTER_KEY.exec(key);
    if (!match) continue;
    const op = match[2] ?? 'equals';
    if (!OPS.has(op)) return fail('invalid_input', `${key}: the operator is one of ${[...OPS].join(', ')}.`, { field: key });
    const value = single(raw) ?? '';
    filters.push({ field: match[1] ?? '', op: op as RegisterFilter['op'], ...(op === 'in' ? { value: value.split(',') } : op === 'is_empty' || op === 'not_empty' ? {} : { value }) });
  }
  if (filters.length > 20) return fail('invalid_input', 'At most 20 filters.', { field: 'filter' });
  return ok({ limit, offset, afterId, sort, filters, fingerprint });
}

interface Cursor {
  o: number;
  k?: string;
  q: string;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string): Cursor | null {
  if (text.length > 500) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    const isValid = Number.isInteger(value.o) && (value.o ?? -1) >= 0 && typeof value.q === 'string' && (value.k === undefined || typeof value.k === 'string');
    return isValid ? (value as Cursor) : null;
  } catch {
    return null;
  }
}

/** The input changes a list needs before its query runs. */
export function pagedInput(list: ListShape, input: Record<string, unknown>, page: PageRequest, options: { limitMax: number | undefined; hasNativeSort: boolean }): Record<string, unknown> {
  if (list.kind === 'register') return { ...input, filters: page.filters, offset: page.offset, limit: page.limit, ...(page.sort ? { sort: page.sort } : {}) };
  return { ...input, ...(options.limitMax !== undefined ? { limit: options.limitMax } : {}), ...(options.hasNativeSort && page.sort ? { sort: page.sort } : {}) };
}

type Item = Record<string, unknown>;

/** An item's id: its own, or that of the document it shows (a milestone view's milestone). */
function idOf(item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const own = (item as Item).id;
  if (typeof own === 'string') return own;
  for (const value of Object.values(item)) if (value && typeof value === 'object' && typeof (value as Item).id === 'string') return (value as Item).id as string;
  return undefined;
}

const valueAt = (item: unknown, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Item)[key] : undefined), item);
const asText = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The page of a query's result, as the API answers it: `{ items, nextCursor, …the rest of the result }`. */
export function pageOf(list: ListShape, value: unknown, page: PageRequest, options: { hasNativeSort: boolean }): Result<Item> {
  const cursorAt = (offset: number, lastId: string | undefined) => encodeCursor({ o: offset, ...(lastId ? { k: lastId } : {}), q: page.fingerprint });
  if (list.kind === 'register') {
    const { rows, total, offset } = value as { rows: Item[]; total: number; offset: number };
    const end = offset + rows.length;
    return ok({ items: rows, nextCursor: end < total && rows.length > 0 ? cursorAt(end, idOf(rows.at(-1))) : null, total });
  }
  const field = list.kind === 'field' ? list.field : undefined;
  const listed = field ? (value as Item)[field] : value;
  const rest = field ? Object.fromEntries(Object.entries(value as Item).filter(([key]) => key !== field)) : {};
  let items = Array.isArray(listed) ? (listed as unknown[]) : [];
  for (const filter of page.filters) {
    if (filter.op !== 'equals') return fail('invalid_input', `Only filter[field]=value (equals) works on this list.`, { field: `filter[${filter.field}]` });
    items = items.filter((item) => asText(valueAt(item, filter.field)) === asText(filter.value));
  }
  if (page.sort && !options.hasNativeSort) {
    const { field, direction } = page.sort;
    const sign = direction === 'asc' ? 1 : -1;
    items = [...items].sort((a, b) => {
      const [x, y] = [valueAt(a, field), valueAt(b, field)];
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : asText(x).localeCompare(asText(y)));
    });
  }
  const after = page.afterId === undefined ? -1 : items.findIndex((item) => idOf(item) === page.afterId);
  const start = after >= 0 ? after + 1 : page.offset;
  const slice = items.slice(start, start + page.limit);
  const end = start + slice.length;
  return ok({ ...rest, items: slice, nextCursor: end < items.length ? cursorAt(end, idOf(slice.at(-1))) : null });
}
