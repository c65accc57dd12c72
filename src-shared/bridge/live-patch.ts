import { z } from 'zod';
import { fail, ok, type Result } from '../core/result';

/**
 * A change from one live-query result to the next, so a push carries what changed instead of the
 * whole result (a Gantt view of 2,000 tasks is ~770 KB; renaming one task changes ~300 bytes).
 *
 * - `{ v }` — the new value, whole (a primitive, a list without ids, or a change of shape).
 * - `{ o, d }` — an object: patches for the keys that changed, and the keys that are gone.
 * - `{ l }` — a list of objects each with a unique string `id`: the items new or changed (whole),
 *   the ids removed, and the new id order when it is not "old order, new items at the end".
 * - `{ i }` — a list of objects without ids (a board's columns) that kept its length: patches for
 *   the positions that changed.
 *
 * Unchanged values are left out, so applying a patch keeps them as the same objects and React's
 * memo and the views' row caches see them as unchanged.
 */
export type LivePatch = { v: unknown } | { o: Record<string, LivePatch>; d?: string[] } | { l: KeyedListPatch } | { i: Record<string, LivePatch> };

export interface KeyedListPatch {
  put?: unknown[];
  del?: string[];
  order?: string[];
}

const id = z.string();
export const livePatchSchema: z.ZodType<LivePatch> = z.lazy(() =>
  z.union([
    z.object({ v: z.unknown() }).strict().refine((p) => 'v' in p, 'A value patch needs v.'),
    z.object({ o: z.record(z.string(), livePatchSchema), d: z.array(z.string()).optional() }).strict(),
    z.object({ l: z.object({ put: z.array(z.unknown()).optional(), del: z.array(id).optional(), order: z.array(id).optional() }).strict() }).strict(),
    z.object({ i: z.record(z.string().regex(/^(0|[1-9]\d{0,8})$/), livePatchSchema) }).strict(),
  ]),
);

type Keyed = { id: string } & Record<string, unknown>;
type PlainObject = Record<string, unknown>;

/** Only plain objects are compared by their keys; anything else (a Date) is equal only to itself. */
const isPlainObject = (value: unknown): value is PlainObject => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
const isKeyed = (value: unknown): value is Keyed => isPlainObject(value) && typeof value.id === 'string';

/** A non-empty array whose items are all objects with distinct string ids. */
function isKeyedList(value: unknown): value is Keyed[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const seen = new Set<string>();
  for (const item of value) {
    if (!isKeyed(item) || seen.has(item.id)) return false;
    seen.add(item.id);
  }
  return true;
}

const isListOfObjects = (value: unknown): value is PlainObject[] => Array.isArray(value) && value.every(isPlainObject);

/** Keys whose value is not undefined: what survives JSON, so what the other side can see. */
const definedKeys = (o: PlainObject) => Object.keys(o).filter((k) => o[k] !== undefined);

/** The object's own member: a key like `toString` must not find the prototype's. */
const own = (o: PlainObject, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** Structural equality of JSON values (undefined object members count as absent, like JSON). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => isSameValue(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = definedKeys(a);
  return keys.length === definedKeys(b).length && keys.every((k) => own(b, k) !== undefined && isSameValue(a[k], b[k]));
}

function diffKeyedList(before: Keyed[], after: Keyed[]): LivePatch | undefined {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const put = after.filter((item) => !isSameValue(old.get(item.id), item));
  const del = before.filter((item) => !now.has(item.id)).map((item) => item.id);
  // The order applyPatch produces without being told: the old order, then new items as listed in `put`.
  const implied = [...before.filter((item) => now.has(item.id)).map((item) => item.id), ...put.filter((item) => !old.has(item.id)).map((item) => item.id)];
  const isOrderImplied = implied.every((itemId, i) => after[i]?.id === itemId);
  if (put.length === 0 && del.length === 0 && isOrderImplied) return undefined;
  return { l: { ...(put.length ? { put } : {}), ...(del.length ? { del } : {}), ...(isOrderImplied ? {} : { order: after.map((item) => item.id) }) } };
}

/** The patch that turns `before` into `after`, or undefined when they are structurally equal. */
export function diffValue(before: unknown, after: unknown): LivePatch | undefined {
  if (before === after) return undefined;
  if (isKeyedList(after) && (isKeyedList(before) || (Array.isArray(before) && before.length === 0))) return diffKeyedList(before as Keyed[], after);
  if (isPlainObject(before) && isPlainObject(after)) {
    // `__proto__` cannot be a key of a patch object (assigning it sets the prototype): send whole.
    if (Object.hasOwn(after, '__proto__') || Object.hasOwn(before, '__proto__')) return { v: after };
    const o: Record<string, LivePatch> = {};
    let hasChange = false;
    for (const key of definedKeys(after)) {
      const previous = own(before, key);
      const patch = previous === undefined ? { v: after[key] } : diffValue(previous, after[key]);
      if (patch) {
        o[key] = patch;
        hasChange = true;
      }
    }
    const d = definedKeys(before).filter((key) => own(after, key) === undefined);
    if (!hasChange && d.length === 0) return undefined;
    return d.length ? { o, d } : { o };
  }
  if (isListOfObjects(before) && isListOfObjects(after) && before.length === after.length) {
    const i: Record<string, LivePatch> = {};
    let hasChange = false;
    before.forEach((item, at) => {
      const patch = diffValue(item, after[at]);
      if (patch) {
        i[String(at)] = patch;
        hasChange = true;
      }
    });
    return hasChange ? { i } : undefined;
  }
  return isSameValue(before, after) ? undefined : { v: after };
}

const refuse = (message: string): Result<never> => fail('malformed_message', `The live-query patch does not fit the last result: ${message}`);

function applyKeyedList(before: unknown, patch: KeyedListPatch): Result<unknown> {
  if (!Array.isArray(before) || !(before.length === 0 || isKeyedList(before))) return refuse('a list patch for something that is not a list of items with ids.');
  const items = new Map<string, unknown>(before.map((item: Keyed) => [item.id, item]));
  for (const removed of patch.del ?? []) if (!items.delete(removed)) return refuse(`no item ${removed} to remove.`);
  const added: string[] = [];
  const putIds = new Set<string>();
  for (const item of patch.put ?? []) {
    if (!isKeyed(item)) return refuse('an item without an id.');
    if (putIds.has(item.id)) return refuse(`item ${item.id} twice.`);
    putIds.add(item.id);
    if (!items.has(item.id)) added.push(item.id);
    items.set(item.id, item);
  }
  const order = patch.order ?? [...before.map((item: Keyed) => item.id).filter((itemId) => items.has(itemId)), ...added];
  if (order.length !== items.size || new Set(order).size !== order.length) return refuse('the order does not list every item once.');
  const after: unknown[] = [];
  for (const itemId of order) {
    if (!items.has(itemId)) return refuse(`the order names an unknown item ${itemId}.`);
    after.push(items.get(itemId));
  }
  return ok(after);
}

function applyAtPositions(before: unknown, patches: Record<string, LivePatch>): Result<unknown> {
  if (!Array.isArray(before)) return refuse('a position patch for something that is not a list.');
  const after = [...before] as unknown[];
  for (const [at, inner] of Object.entries(patches)) {
    const index = Number(at);
    if (!Number.isInteger(index) || index < 0 || index >= before.length) return refuse(`no position ${at}.`);
    const applied = applyPatch(before[index], inner);
    if (!applied.ok) return applied;
    after[index] = applied.value;
  }
  return ok(after);
}

/**
 * Applies a patch made by `diffValue(before, …)`. Everything the patch leaves out keeps its
 * identity. A patch that does not fit `before` (a list patch on an object, an unknown id) is
 * refused; the caller then asks for the whole result again.
 */
export function applyPatch(before: unknown, patch: LivePatch): Result<unknown> {
  if ('v' in patch) return ok(patch.v);
  if ('l' in patch) return applyKeyedList(before, patch.l);
  if ('i' in patch) return applyAtPositions(before, patch.i);
  if (!isPlainObject(before)) return refuse('an object patch for something that is not an object.');
  const after: PlainObject = { ...before };
  for (const key of patch.d ?? []) {
    if (!Object.hasOwn(after, key)) return refuse(`no key ${key} to remove.`);
    delete after[key];
  }
  for (const [key, inner] of Object.entries(patch.o)) {
    if (key === '__proto__') return refuse('a key named __proto__.');
    const applied = applyPatch(own(before, key), inner);
    if (!applied.ok) return applied;
    after[key] = applied.value;
  }
  return ok(after);
}
