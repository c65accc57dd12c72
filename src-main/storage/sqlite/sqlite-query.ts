import { getQueryMatcher, getSortComparator } from 'rxdb';
import type { FilledMangoQuery, QueryMatcher, RxDocumentData, RxJsonSchema } from 'rxdb';
import type { SqliteConnection } from './connection-pool';
import type { DocumentCache, DocumentRow } from './document-cache';
import { planSqlQuery } from './query-planner';
import type { SqlQueryPlan } from './query-planner';
import type { TableLayout } from './table-layout';

/**
 * Runs query() and count() of one collection table: SQL narrows and orders by the schema's
 * indexes; RxDB's matcher and comparator finish whatever SQL could not express.
 */

export type QueryContext = {
  readonly layout: TableLayout;
  readonly schema: RxJsonSchema<RxDocumentData<unknown>>;
  readonly connection: SqliteConnection;
  readonly cache: DocumentCache;
  /** Ids-first reading (see readPagedByIds) is paused for this many queries after it mostly missed. */
  idsFirstPause: number;
};

// After an ids-first read that found less than half of its documents in the cache, read rows
// directly for this many queries before trying again: a cold cache would pay for two passes.
const IDS_FIRST_PAUSE = 20;

/** The columns every document read selects: what DocumentCache.decode() needs to reuse or parse. */
export const DOCUMENT_COLUMNS = 'id, _rev, _meta_lwt, data';

// RxDB reuses one FilledMangoQuery object per RxQuery (live queries re-run it on every change),
// so planning and compiling the matcher once per query object is worth a WeakMap.
const plans = new WeakMap<object, { layout: TableLayout; plan: SqlQueryPlan }>();
const matchers = new WeakMap<object, QueryMatcher<RxDocumentData<unknown>>>();

export function runQuery<T>(ctx: QueryContext, query: FilledMangoQuery<T>): RxDocumentData<T>[] {
  const plan = planFor(ctx, query);
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : undefined;
  if (limit === 0) return [];

  if (plan.isSelectorExact && plan.orderBy) {
    const isIdsFirst = ctx.cache.isEnabled && ctx.idsFirstPause === 0;
    if (ctx.idsFirstPause > 0) ctx.idsFirstPause--;
    if (isIdsFirst) return readPagedByIds<T>(ctx, plan, limit, skip);
    // Fully expressed in SQL: SQLite pages through the index, nothing extra is parsed.
    const statement = ctx.connection.statement(selectSql(ctx, plan, 'paged')).raw();
    return ctx.cache.decodeAll<RxDocumentData<T>>(statement.all(...plan.params, limit ?? -1, skip) as DocumentRow[]);
  }

  const matcher = plan.isSelectorExact ? undefined : matcherFor(ctx, query);
  if (plan.orderBy) {
    // Rows arrive in final order: stop reading as soon as skip + limit documents matched.
    const wanted = limit === undefined ? Infinity : skip + limit;
    const found: RxDocumentData<T>[] = [];
    const statement = ctx.connection.statement(selectSql(ctx, plan, 'ordered')).raw();
    for (const row of statement.iterate(...plan.params) as IterableIterator<DocumentRow>) {
      const doc = ctx.cache.decode<RxDocumentData<T>>(row);
      if (matcher && !matcher(doc as RxDocumentData<unknown>)) continue;
      found.push(doc);
      if (found.length >= wanted) break;
    }
    return skip > 0 ? found.slice(skip) : found;
  }

  // A sort field without a column: sort in JS with RxDB's own comparator.
  const statement = ctx.connection.statement(selectSql(ctx, plan, 'unordered')).raw();
  let docs = ctx.cache.decodeAll<RxDocumentData<T>>(statement.all(...plan.params) as DocumentRow[]);
  if (matcher) docs = docs.filter((doc) => matcher(doc as RxDocumentData<unknown>));
  docs.sort(getSortComparator(ctx.schema, query as FilledMangoQuery<unknown>));
  return docs.slice(skip, limit === undefined ? undefined : skip + limit);
}

export function runCount<T>(ctx: QueryContext, query: FilledMangoQuery<T>): number {
  const plan = planFor(ctx, query);
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  let matched: number;
  if (plan.isSelectorExact) {
    const statement = ctx.connection.statement(`SELECT COUNT(*) FROM ${ctx.layout.table} WHERE ${plan.where}`);
    matched = statement.pluck().get(...plan.params) as number;
  } else {
    // Order does not matter for a count, so no sort; only the matcher runs on the narrowed rows.
    const matcher = matcherFor(ctx, query);
    const statement = ctx.connection.statement(selectSql(ctx, plan, 'unordered')).raw();
    matched = 0;
    for (const row of statement.iterate(...plan.params) as IterableIterator<DocumentRow>) {
      if (matcher(ctx.cache.decode<RxDocumentData<unknown>>(row))) matched++;
    }
  }
  // Same number as query().documents.length, as the RxStorage contract requires.
  return Math.max(0, Math.min(matched - skip, limit));
}

/** SQLite's EXPLAIN QUERY PLAN lines for the statement query() would run. For tests and diagnosis. */
export function explainQuery<T>(ctx: QueryContext, query: FilledMangoQuery<T>): string[] {
  const plan = planFor(ctx, query);
  const mode = plan.isSelectorExact && plan.orderBy ? 'paged' : plan.orderBy ? 'ordered' : 'unordered';
  const params = mode === 'paged' ? [...plan.params, -1, 0] : [...plan.params];
  const rows = ctx.connection.db.prepare(`EXPLAIN QUERY PLAN ${selectSql(ctx, plan, mode)}`).all(...params);
  return (rows as { detail: string }[]).map((row) => row.detail);
}

/**
 * Two passes for a query SQL answers completely: first only the ids, in order — usually straight
 * from the index, without touching the table rows — then the documents the cache cannot vouch
 * for (file-epoch.ts), fetched by id. With a warm cache this skips reading and converting the
 * JSON text of every row. Both passes share one read transaction, so they see the same data.
 */
function readPagedByIds<T>(ctx: QueryContext, plan: SqlQueryPlan, limit: number | undefined, skip: number): RxDocumentData<T>[] {
  const { connection, cache } = ctx;
  return connection.db.transaction(() => {
    const epoch = connection.epoch.current();
    const idSql = `SELECT id FROM ${ctx.layout.table} WHERE ${plan.where} ORDER BY ${plan.orderBy} LIMIT ? OFFSET ?`;
    const ids = connection.statement(idSql).pluck().all(...plan.params, limit ?? -1, skip) as string[];
    const docs = new Array<RxDocumentData<T>>(ids.length);
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const doc = cache.trusted<RxDocumentData<T>>(ids[i]!, epoch);
      if (doc) docs[i] = doc;
      else missing.push(ids[i]!);
    }
    if (missing.length === 0) return docs;
    if (missing.length * 2 > ids.length) ctx.idsFirstPause = IDS_FIRST_PAUSE;
    const byIdSql = `SELECT ${DOCUMENT_COLUMNS} FROM ${ctx.layout.table} WHERE id IN (SELECT value FROM json_each(?))`;
    const fetched = new Map<string, RxDocumentData<T>>();
    for (const row of connection.statement(byIdSql).raw().all(JSON.stringify(missing)) as DocumentRow[]) {
      fetched.set(row[0], cache.decode<RxDocumentData<T>>(row));
    }
    for (let i = 0; i < ids.length; i++) docs[i] ??= fetched.get(ids[i]!)!;
    return docs;
  }).deferred();
}

function selectSql(ctx: QueryContext, plan: SqlQueryPlan, mode: 'paged' | 'ordered' | 'unordered'): string {
  const base = `SELECT ${DOCUMENT_COLUMNS} FROM ${ctx.layout.table} WHERE ${plan.where}`;
  if (mode === 'unordered') return base;
  const ordered = `${base} ORDER BY ${plan.orderBy ?? 'id'}`;
  return mode === 'paged' ? `${ordered} LIMIT ? OFFSET ?` : ordered;
}

function planFor<T>(ctx: QueryContext, query: FilledMangoQuery<T>): SqlQueryPlan {
  const cached = plans.get(query);
  // The plan depends on the table's columns; a query object run on another collection re-plans.
  if (cached && cached.layout === ctx.layout) return cached.plan;
  const plan = planSqlQuery(ctx.layout, query as FilledMangoQuery<unknown>);
  plans.set(query, { layout: ctx.layout, plan });
  return plan;
}

function matcherFor<T>(ctx: QueryContext, query: FilledMangoQuery<T>): QueryMatcher<RxDocumentData<unknown>> {
  let matcher = matchers.get(query);
  if (!matcher) {
    matcher = getQueryMatcher(ctx.schema, query as FilledMangoQuery<unknown>);
    matchers.set(query, matcher);
  }
  return matcher;
}
