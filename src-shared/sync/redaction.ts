import type { SyncCollection } from './collections';

type Doc = Record<string, unknown>;

const REDACTED = '•••';

/**
 * A document as it may leave a PC or the server: without the collection's PC-only fields, and for
 * audit entries about such a collection, with those fields removed from the copy of the record and
 * masked in the field changes. Password hashes never travel to other PCs this way.
 */
export function redactForSync(collection: SyncCollection, doc: Doc, all: readonly SyncCollection[]): Doc {
  let out = doc;
  if (collection.localOnlyFields.length) {
    out = { ...out };
    for (const field of collection.localOnlyFields) delete out[field];
  }
  if (collection.name === 'audit' && typeof doc.collectionName === 'string') {
    const subject = all.find((c) => c.name === doc.collectionName);
    const hidden = subject?.localOnlyFields ?? [];
    if (hidden.length) {
      const after = { ...((doc.after as Doc | undefined) ?? {}) };
      for (const field of hidden) delete after[field];
      const changes = Array.isArray(doc.changes)
        ? (doc.changes as Doc[]).map((c) => (hidden.includes(String(c.field)) ? { ...c, old: REDACTED, new: REDACTED } : c))
        : doc.changes;
      out = { ...out, after, changes };
    }
  }
  return out;
}

/** A document as a PC pushes it: redacted, but with the credential fields the server keeps apart. */
export function redactForPush(collection: SyncCollection, doc: Doc, all: readonly SyncCollection[]): Doc {
  const out = redactForSync(collection, doc, all);
  if (!collection.credentialFields.length) return out;
  const withCredentials = { ...out };
  for (const field of collection.credentialFields) if (doc[field] !== undefined) withCredentials[field] = doc[field];
  return withCredentials;
}

/** Puts back the PC-only fields of the local copy onto a document that came from the server. */
export function keepLocalOnlyFields(collection: SyncCollection, incoming: Doc, local: Doc | null | undefined): Doc {
  if (!collection.localOnlyFields.length || !local) return incoming;
  const out = { ...incoming };
  for (const field of collection.localOnlyFields) if (local[field] !== undefined && out[field] === undefined) out[field] = local[field];
  return out;
}
