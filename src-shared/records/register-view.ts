import type { RegisterFilter, RegisterPage, RegisterQuery, RegisterRow } from './record-contract';
import { dataValue, type RecordDocument } from './record-document';
import type { AnyRecordKind } from './record-kind';

/**
 * A register (the list of one kind's records) as rows, filtered, sorted and cut to a page. Pure and
 * over plain rows, so the host keeps the rows of a kind in memory and answers every scroll, sort
 * and filter without reading the database again.
 */

/** A record prepared for the register: its values by field path, and its searchable text in lower case. */
export interface IndexedRow extends RegisterRow {
  searchText: string;
}

const RECORD_COLUMNS = new Set(['number', 'title', 'status', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'date', 'personId', 'ownerId', 'parentId']);

/** The value of a register field: a record column, or a path in the data. */
export function fieldValue(doc: RecordDocument, field: string): unknown {
  return RECORD_COLUMNS.has(field) ? (doc as unknown as Record<string, unknown>)[field] : dataValue(doc.data, field);
}

export function indexRow(kind: AnyRecordKind, doc: RecordDocument): IndexedRow {
  const values: Record<string, unknown> = {};
  for (const f of kind.fields) values[f.field] = fieldValue(doc, f.field);
  const extra = kind.searchText?.(doc.data) ?? '';
  return {
    id: doc.id,
    number: doc.number,
    numberState: doc.numberState,
    title: doc.title,
    status: doc.status,
    values,
    searchText: `${doc.number} ${doc.title} ${extra}`.toLowerCase(),
  };
}

const asText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
/** Money sorts and filters by its amount. */
const comparable = (v: unknown): unknown => (v && typeof v === 'object' && 'amountMinor' in v ? (v as { amountMinor: unknown }).amountMinor : v);

function matches(row: IndexedRow, filter: RegisterFilter): boolean {
  const value = comparable(filter.field === 'status' ? row.status : filter.field === 'number' ? row.number : filter.field === 'title' ? row.title : row.values[filter.field]);
  const isEmpty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  switch (filter.op) {
    case 'is_empty':
      return isEmpty;
    case 'not_empty':
      return !isEmpty;
    case 'equals':
      return Array.isArray(value) ? value.includes(filter.value) : asText(value) === asText(filter.value);
    case 'in':
      return Array.isArray(filter.value) && filter.value.includes(asText(value));
    case 'contains':
      return asText(value).toLowerCase().includes(asText(filter.value).toLowerCase());
    case 'before':
      return !isEmpty && asText(value) < asText(filter.value);
    case 'after':
      return !isEmpty && asText(value) > asText(filter.value);
  }
}

function compareValues(a: unknown, b: unknown): number {
  const x = comparable(a);
  const y = comparable(b);
  const xEmpty = x === undefined || x === null || x === '';
  const yEmpty = y === undefined || y === null || y === '';
  if (xEmpty || yEmpty) return xEmpty === yEmpty ? 0 : xEmpty ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const sx = asText(x);
  const sy = asText(y);
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

const sortValue = (row: IndexedRow, field: string): unknown => (field === 'number' ? row.number : field === 'title' ? row.title : field === 'status' ? row.status : row.values[field]);

/**
 * The rows matching the query's words and filters, sorted (empty values last, then by number for
 * a stable order), and the page asked for. `statusOrder` sorts statuses as the kind lists them.
 */
export function registerPage(rows: readonly IndexedRow[], query: RegisterQuery, statusOrder: readonly string[] = []): RegisterPage {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = rows.filter((row) => words.every((w) => row.searchText.includes(w)) && query.filters.every((f) => matches(row, f)));
  const sort = query.sort ?? { field: 'number', direction: 'desc' as const };
  const sign = sort.direction === 'asc' ? 1 : -1;
  const rank = new Map(statusOrder.map((s, i) => [s, i]));
  const keyed = matching.map((row) => ({ row, key: sort.field === 'status' && rank.size ? (rank.get(row.status) ?? rank.size) : sortValue(row, sort.field) }));
  const isBlank = (v: unknown) => v === undefined || v === null || v === '';
  keyed.sort((a, b) => {
    // Empty values go last whichever the direction.
    if (isBlank(a.key) !== isBlank(b.key)) return isBlank(a.key) ? 1 : -1;
    return sign * compareValues(a.key, b.key) || compareValues(a.row.number, b.row.number) || (a.row.id < b.row.id ? -1 : 1);
  });
  const page = keyed.slice(query.offset, query.offset + query.limit).map(({ row: { searchText: _s, ...row } }) => row);
  return { total: matching.length, offset: query.offset, rows: page };
}
