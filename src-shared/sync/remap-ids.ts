/**
 * Rewriting a person's id everywhere it is referenced, for when a PC joins a team and its local
 * people are matched to the team's by email (src-main/sync/link-people.ts). Pure.
 *
 * Sound because LabFlow ids are unique random strings (src-shared/core/ids.ts: 10 characters of
 * time and 16 of randomness): a string value equal to a person's generated id can only be a
 * reference to that person, whatever the field is called — `assigneeId`, `watcherIds`,
 * `createdBy`, `data.personId`, a workflow event's `actor.userId`, an approval's votes. So the
 * rewrite needs no list of fields and keeps working as features add them.
 */
export type IdMap = ReadonlyMap<string, string>;

/** The command of a merge's audit entry: recorded on the team's person, its `changes` say `id: <local id> → <team id>`. */
export const LINK_PERSON_COMMAND = 'sync/link-person';

/** The ids a record had before merges, read from merge entries (`changes` of field `id`). */
export const formerIdsOf = (entries: readonly { command: string; changes: readonly { field: string; old: unknown }[] }[]): string[] =>
  entries.filter((e) => e.command === LINK_PERSON_COMMAND).flatMap((e) => e.changes.filter((c) => c.field === 'id' && typeof c.old === 'string').map((c) => c.old as string));

/** Whether `id` has the shape `makeId` gives (26 Crockford base32 characters): only such ids are rewritten. */
export const isGeneratedId = (id: string): boolean => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id);

/**
 * `value` with every string equal to a key of `ids` replaced by its value, at any depth (arrays,
 * plain objects). Object keys are not rewritten. Returns `value` itself when nothing changed, so
 * callers can tell "untouched" by identity; `found` collects the old ids met.
 */
export function replaceIds<T>(value: T, ids: IdMap, found: Set<string> = new Set()): T {
  if (typeof value === 'string') {
    const next = ids.get(value);
    if (next === undefined) return value;
    found.add(value);
    return next as T;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const next = replaceIds(item, ids, found);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const next = replaceIds(item, ids, found);
      if (next !== item) changed = true;
      out[key] = next;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

export interface RewrittenDocument<D> {
  doc: D;
  /** The old ids the document referenced. */
  found: string[];
}

/**
 * A stored document with references to the old ids rewritten, or null when it has none. The
 * primary key is left alone (a document's own id is not a reference), and so are RxDB's `_`
 * fields (revision, meta data).
 */
export function rewriteReferences<D extends Record<string, unknown>>(doc: D, ids: IdMap, primaryKey = 'id'): RewrittenDocument<D> | null {
  const found = new Set<string>();
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const next = key === primaryKey || key.startsWith('_') ? value : replaceIds(value, ids, found);
    if (next !== value) changed = true;
    out[key] = next;
  }
  return changed ? { doc: out as D, found: [...found] } : null;
}
