/**
 * Deterministic conflict resolution for pushed documents (DESIGN.md §5). Pure: the server calls it
 * with the stored document (master), the state the PC last saw (assumed) and the PC's new state.
 *
 * - Append-only collections never merge: the first version on the server stays; a differing second
 *   version (a deterministic id written twice) is kept as the losing version.
 * - Otherwise fields are merged: a field changed on only one side takes that side's value; a field
 *   both changed to different values keeps the server's value, and the PC's value is reported as lost
 *   so the caller can keep it in the record's history. Plain objects (e.g. `data`) merge per key.
 * - The merge keeps the collection's cross-field rules (merge-rules.ts): where combining both sides
 *   would break one the server's version kept (done, yet below 100%), the rule's fields keep the
 *   server's values and the PC's are reported as lost too.
 * - Bookkeeping fields (updatedAt, updatedBy, auditId) never count as a conflict.
 */
import { canonicalJson } from '../core/canonical-json';
import type { DocumentRule } from '../core/document-rule';
import { hashId } from '../core/hash-id';
import { valueAt } from './conflict-fields';

type Doc = Record<string, unknown>;

export interface LostField {
  field: string;
  kept: unknown;
  lost: unknown;
}

export type PushResolution =
  /** Store the document as sent. */
  | { kind: 'accept'; doc: Doc }
  /** Store `doc` (a merge of both sides) and send it back so the PC takes it too. */
  | { kind: 'merge'; doc: Doc; lost: LostField[] }
  /** Keep the server's document and send it back; `lost` says what of the PC's version did not survive. */
  | { kind: 'keep_master'; doc: Doc; lost: LostField[] };

const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'auditId', '_meta', '_rev', '_attachments']);
const CREATION_STAMPS = new Set(['createdAt', 'createdBy']);

const isPlainObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality with key order ignored (documents pass through JSON and jsonb, which reorder keys). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => isSameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    for (const k of keys) if (!isSameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** Equal in content: bookkeeping fields ignored. */
export function isSameContent(a: Doc, b: Doc): boolean {
  const strip = (d: Doc) => Object.fromEntries(Object.entries(d).filter(([k]) => !BOOKKEEPING.has(k)));
  return isSameValue(strip(a), strip(b));
}

function mergeObjects(base: Doc, master: Doc, incoming: Doc, path: string, lost: LostField[]): { merged: Doc; tookFromPc: boolean } {
  const merged: Doc = { ...master };
  let tookFromPc = false;
  const keys = new Set([...Object.keys(base), ...Object.keys(master), ...Object.keys(incoming)]);
  for (const key of keys) {
    if (path === '' && BOOKKEEPING.has(key)) continue;
    const pcChanged = !isSameValue(base[key], incoming[key]);
    if (!pcChanged) continue;
    const serverChanged = !isSameValue(base[key], master[key]);
    if (!serverChanged) {
      if (incoming[key] === undefined) delete merged[key];
      else merged[key] = incoming[key];
      tookFromPc = true;
    } else if (!isSameValue(master[key], incoming[key])) {
      const [b, m, i] = [base[key], master[key], incoming[key]];
      if (isPlainObject(b) && isPlainObject(m) && isPlainObject(i)) {
        const inner = mergeObjects(b, m, i, `${path}${key}.`, lost);
        merged[key] = inner.merged;
        tookFromPc ||= inner.tookFromPc;
      } else {
        lost.push({ field: path + key, kept: m ?? null, lost: i ?? null });
      }
    }
  }
  return { merged, tookFromPc };
}

/** A copy of `doc` with `value` at the dotted `path` (undefined removes it). */
function withValueAt(doc: Doc, path: string, value: unknown): Doc {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...doc };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  copy[head] = withValueAt(inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Doc) : {}, rest.join('.'), value);
  return copy;
}

/**
 * Makes a field-by-field merge keep the rules the server's version kept. A merge can combine two
 * valid versions into an invalid one (one PC marked a task done, the other lowered its progress):
 * for each rule the merge broke, the rule's fields take the server's values again and the PC's
 * values of them are added to `lost`, so the conflict record keeps them. Deterministic; the result
 * keeps every rule `master` kept. Rules `master` itself breaks are left alone.
 */
export function keepRules(merged: Doc, master: Doc, rules: readonly DocumentRule[], lost: LostField[]): Doc {
  let result = merged;
  for (;;) {
    const broken = rules.find((rule) => !rule.holds(result) && rule.holds(master));
    if (!broken) return result;
    const before = result;
    for (const path of broken.fields) {
      const kept = valueAt(master, path);
      const taken = valueAt(result, path);
      if (isSameValue(kept, taken)) continue;
      // Only the PC's changes differ from the server's version in a merge, so `taken` is the PC's value.
      if (!lost.some((l) => l.field === path)) lost.push({ field: path, kept: kept ?? null, lost: taken ?? null });
      result = withValueAt(result, path, kept);
    }
    // Each round puts at least one field back to the server's value, so this ends; a rule that reads
    // a field it does not name could not be mended that way: then the server's version stays whole.
    if (result === before) return keepWhole(result, master, lost);
  }
}

/** The server's version, with every field of the PC's merge that differs from it reported as lost. */
function keepWhole(merged: Doc, master: Doc, lost: LostField[]): Doc {
  for (const field of new Set([...Object.keys(master), ...Object.keys(merged)])) {
    if (BOOKKEEPING.has(field) || isSameValue(master[field], merged[field]) || lost.some((l) => l.field === field)) continue;
    lost.push({ field, kept: master[field] ?? null, lost: merged[field] ?? null });
  }
  return master;
}

const later = (a: unknown, b: unknown) => (String(a ?? '') >= String(b ?? '') ? a : b);

/**
 * Decides what happens to one pushed document. `master` is null when the server has no such
 * document; `assumed` is null when the PC believes it is creating it.
 */
export function resolvePush(options: { isAppendOnly: boolean; master: Doc | null; assumed: Doc | null; incoming: Doc; rules?: readonly DocumentRule[] }): PushResolution {
  const { isAppendOnly, master, assumed, incoming } = options;
  if (!master) return { kind: 'accept', doc: incoming };
  if (assumed && isSameValue(master, assumed)) return { kind: 'accept', doc: incoming };
  if (isSameContent(master, incoming)) return { kind: 'keep_master', doc: master, lost: [] };
  if (isAppendOnly || !assumed) {
    // Two versions created independently under one id: the first on the server stays. When each
    // side was created on its own, their creation stamps differ without anyone having edited anything.
    const lost: LostField[] = [...new Set([...Object.keys(master), ...Object.keys(incoming)])]
      .filter((key) => !BOOKKEEPING.has(key) && !CREATION_STAMPS.has(key) && !isSameValue(master[key], incoming[key]))
      .map((field) => ({ field, kept: master[field] ?? null, lost: incoming[field] ?? null }));
    return { kind: 'keep_master', doc: master, lost };
  }
  const lost: LostField[] = [];
  const fieldByField = mergeObjects(assumed, master, incoming, '', lost);
  if (!fieldByField.tookFromPc) return { kind: 'keep_master', doc: master, lost };
  const merged = { ...keepRules(fieldByField.merged, master, options.rules ?? [], lost) };
  if (isSameContent(merged, master)) return { kind: 'keep_master', doc: master, lost };
  // An edit merged into a document the server has deleted would vanish with it: report it as lost.
  if (merged._deleted === true && incoming._deleted !== true) lost.push({ field: '_deleted', kept: true, lost: false });
  const isPcLater = String(incoming.updatedAt ?? '') > String(master.updatedAt ?? '');
  merged.updatedAt = later(master.updatedAt, incoming.updatedAt);
  merged.updatedBy = isPcLater ? incoming.updatedBy : master.updatedBy;
  // The larger audit id: the PC's crash roll-forward then never re-applies either side's change.
  merged.auditId = later(master.auditId, incoming.auditId);
  return { kind: 'merge', doc: merged, lost };
}

/**
 * The id of the conflict record for `losing` (the PC's version that lost) of one document: the same
 * losing version gives the same id however often it is pushed (a retry after a cut, a restart), so
 * it is recorded once. Key order does not matter.
 */
export function conflictIdOf(collection: string, recordId: string, losing: Doc): string {
  return hashId('cf', `${collection}\u0000${recordId}\u0000${canonicalJson(losing)}`);
}
