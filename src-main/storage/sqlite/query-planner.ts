import type { FilledMangoQuery } from 'rxdb';
import { toSqlValue } from './table-layout';
import type { IndexedField, SqlValue, TableLayout } from './table-layout';

/**
 * Translates a normalised Mango query into SQL over the collection's index columns.
 *
 * The WHERE clause is always a *superset* of the Mango selector: every operator we can express
 * exactly on an index column becomes SQL (so SQLite can use the schema's indexes), anything else
 * (unindexed fields, $regex, $elemMatch, $exists: true, …) becomes TRUE and marks the plan as
 * inexact. An inexact plan is finished in JS with RxDB's own query matcher, so results always
 * equal RxDB's semantics; the SQL only decides how many rows have to be looked at.
 *
 * Ordering: strings compare as UTF-8 bytes in SQLite (= code point order) and as UTF-16 code
 * units in JS. The two orders differ only between characters above U+FFFF (emoji) and
 * U+E000–U+FFFF. Range bounds containing such characters are left to the JS matcher; ORDER BY
 * on such values can place them differently from RxDB's comparator (documented in README).
 */

export type SqlCondition = {
  readonly sql: string;
  readonly params: readonly SqlValue[];
  /** True when the SQL matches exactly the documents the Mango selector matches. */
  readonly isExact: boolean;
  /** Set on an OR, so an enclosing AND can distribute itself into the branches. */
  readonly branches?: readonly SqlCondition[];
};

export type SqlQueryPlan = {
  readonly where: string;
  readonly params: readonly SqlValue[];
  readonly isSelectorExact: boolean;
  /** Undefined when some sort field has no column; the caller then sorts in JS. */
  readonly orderBy: string | undefined;
};

// Beyond this many values an $in/$nin binds its list as one JSON array (json_each) instead of one
// parameter per value. Left to the JS matcher instead, a long list cost O(documents × values):
// a first sync's reminder rules asked for 8,000 milestones of 2,000 projects and spent a second
// in it.
const MAX_IN_PLACEHOLDERS = 500;
// Distributing `A AND (b1 OR b2 …)` repeats A once per branch; beyond this the SQL gets silly.
const MAX_DISTRIBUTED_BRANCHES = 8;

const TRUE_EXACT: SqlCondition = { sql: '1', params: [], isExact: true };
const TRUE_INEXACT: SqlCondition = { sql: '1', params: [], isExact: false };
const FALSE_EXACT: SqlCondition = { sql: '0', params: [], isExact: true };

export function planSqlQuery(layout: TableLayout, query: FilledMangoQuery<unknown>): SqlQueryPlan {
  const condition = translateSelector(layout, query.selector as Record<string, unknown>);
  return {
    where: condition.sql,
    params: condition.params,
    isSelectorExact: condition.isExact,
    orderBy: translateSort(layout, query.sort as Record<string, 'asc' | 'desc'>[]),
  };
}

function translateSort(layout: TableLayout, sort: Record<string, 'asc' | 'desc'>[]): string | undefined {
  const parts: string[] = [];
  for (const part of sort) {
    const [field, direction] = Object.entries(part)[0] ?? [];
    const indexed = field === undefined ? undefined : layout.fields.get(field);
    if (!indexed) return undefined;
    parts.push(`${indexed.column} ${direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function translateSelector(layout: TableLayout, selector: Record<string, unknown>): SqlCondition {
  const parts: SqlCondition[] = [];
  for (const [key, value] of Object.entries(selector)) {
    if (key === '$and' && Array.isArray(value)) {
      parts.push(and(value.map((sub) => translateSelector(layout, sub as Record<string, unknown>))));
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      parts.push(or(value.map((sub) => translateSelector(layout, sub as Record<string, unknown>))));
    } else if (key.startsWith('$')) {
      parts.push(TRUE_INEXACT); // $nor, $not, $expr …: left to the JS matcher
    } else {
      parts.push(translateField(layout.fields.get(key), value));
    }
  }
  return and(parts);
}

function and(parts: SqlCondition[]): SqlCondition {
  const isExact = parts.every((p) => p.isExact);
  const real = parts.filter((p) => p.sql !== '1');
  if (real.some((p) => p.sql === '0' && p.isExact)) return FALSE_EXACT;
  if (real.length === 0) return isExact ? TRUE_EXACT : TRUE_INEXACT;
  if (real.length === 1) return { ...real[0]!, isExact };
  const ors = real.filter((p) => p.branches);
  if (ors.length === 1 && ors[0]!.branches!.length <= MAX_DISTRIBUTED_BRANCHES) {
    // Every schema index starts with _deleted, which RxDB puts beside the $or. SQLite can only
    // answer an OR with one index lookup per branch if each branch is indexable by itself, so
    // `A AND (b1 OR b2)` becomes `(A AND b1) OR (A AND b2)`.
    const rest = real.filter((p) => !p.branches);
    const distributed = or(ors[0]!.branches!.map((branch) => and([...rest, branch])));
    return { ...distributed, isExact };
  }
  return { sql: real.map((p) => `(${p.sql})`).join(' AND '), params: real.flatMap((p) => p.params), isExact };
}

function or(parts: SqlCondition[]): SqlCondition {
  const isExact = parts.every((p) => p.isExact);
  // One branch that cannot be narrowed in SQL makes the whole $or unnarrowable.
  if (parts.some((p) => p.sql === '1')) return isExact ? TRUE_EXACT : TRUE_INEXACT;
  const sql = parts.map((p) => `(${p.sql})`).join(' OR ');
  return { sql, params: parts.flatMap((p) => p.params), isExact, branches: parts };
}

function translateField(indexed: IndexedField | undefined, matcher: unknown): SqlCondition {
  if (!indexed) return TRUE_INEXACT;
  if (typeof matcher !== 'object' || matcher === null || Array.isArray(matcher)) {
    return translateOperator(indexed, '$eq', matcher, {});
  }
  const operators = matcher as Record<string, unknown>;
  const parts = Object.entries(operators).map(([op, value]) =>
    op.startsWith('$') ? translateOperator(indexed, op, value, operators) : TRUE_INEXACT,
  );
  return and(parts);
}

function translateOperator(
  indexed: IndexedField,
  operator: string,
  value: unknown,
  siblings: Record<string, unknown>,
): SqlCondition {
  const c = indexed.column;
  switch (operator) {
    case '$eq':
      return fits(indexed, value) ? exact(`${c} = ?`, [toSqlValue(value)]) : TRUE_INEXACT;
    case '$ne':
      // IS NOT also matches NULL (field missing), as Mango's $ne does.
      return fits(indexed, value) ? exact(`${c} IS NOT ?`, [toSqlValue(value)]) : TRUE_INEXACT;
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return isOrderable(indexed, value) ? exact(`${c} ${COMPARISON[operator]} ?`, [toSqlValue(value)]) : TRUE_INEXACT;
    case '$in':
      if (!Array.isArray(value) || !value.every((v) => fits(indexed, v))) return TRUE_INEXACT;
      if (value.length === 0) return FALSE_EXACT;
      return exact(`${c} IN (${listOf(value)})`, listParams(value));
    case '$nin':
      if (!Array.isArray(value) || !value.every((v) => fits(indexed, v))) return TRUE_INEXACT;
      if (value.length === 0) return TRUE_EXACT;
      return exact(`${c} IS NULL OR ${c} NOT IN (${listOf(value)})`, listParams(value));
    case '$exists':
      // The column is NULL for both "missing" and "null", which $exists distinguishes: narrow only.
      return value === false ? { sql: `${c} IS NULL`, params: [], isExact: false } : TRUE_INEXACT;
    case '$regex':
      return regexPrefixRange(indexed, value, siblings['$options']);
    default:
      // $options (read with $regex), $elemMatch, $size, $mod, $type, $not …
      return TRUE_INEXACT;
  }
}

const COMPARISON: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** The SQL list of an $in/$nin: placeholders, or for a long list one JSON array (the column's affinity applies to its values alike). */
const listOf = (values: unknown[]) => (values.length > MAX_IN_PLACEHOLDERS ? 'SELECT value FROM json_each(?)' : placeholders(values.length));
const listParams = (values: unknown[]): SqlValue[] =>
  values.length > MAX_IN_PLACEHOLDERS ? [JSON.stringify(values.map(toSqlValue))] : values.map(toSqlValue);

function exact(sql: string, params: SqlValue[]): SqlCondition {
  return { sql, params, isExact: true };
}

function placeholders(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}

/** Whether `value` has the column's type, so that SQL equality means Mango equality. */
function fits(indexed: IndexedField, value: unknown): boolean {
  switch (indexed.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function isOrderable(indexed: IndexedField, value: unknown): boolean {
  if (indexed.kind === 'boolean' || !fits(indexed, value)) return false;
  return typeof value !== 'string' || hasSameOrderInSqlite(value);
}

/** True when no code unit is a surrogate or above: then UTF-8 and UTF-16 order agree against it. */
function hasSameOrderInSqlite(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) >= 0xd800) return false;
  }
  return true;
}

/** `^literal…` regexes narrow to the range of strings with that prefix; the matcher still runs. */
function regexPrefixRange(indexed: IndexedField, regex: unknown, options: unknown): SqlCondition {
  if (indexed.kind !== 'string') return TRUE_INEXACT;
  let source: string;
  let flags: string;
  if (regex instanceof RegExp) {
    source = regex.source;
    flags = regex.flags;
  } else if (typeof regex === 'string') {
    source = regex;
    flags = typeof options === 'string' ? options : '';
  } else {
    return TRUE_INEXACT;
  }
  // With i the case varies, with m "^" also matches after any newline: no single prefix range.
  // An alternation (`^ab|cd`) is not anchored as a whole, so it has no prefix either.
  if (!source.startsWith('^') || /[im]/.test(flags) || source.includes('|')) return TRUE_INEXACT;
  const match = /^[A-Za-z0-9 _\-:/@,]+/.exec(source.slice(1));
  let prefix = match ? match[0] : '';
  // A following quantifier (`?`, `*`, `{0,}`) could make the last literal character optional.
  const next = source.charAt(1 + prefix.length);
  if (next === '?' || next === '*' || next === '{') prefix = prefix.slice(0, -1);
  if (prefix.length === 0) return TRUE_INEXACT;
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return { sql: `${indexed.column} >= ? AND ${indexed.column} < ?`, params: [prefix, upper], isExact: false };
}
