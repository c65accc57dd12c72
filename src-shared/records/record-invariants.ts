import type { RelatedDocuments } from '../sync/related-documents';
import type { RecordDocument } from './record-document';
import type { AnyRecordKind, InvariantProblem, RecordLookup, RecordReads } from './record-kind';
import { recordKindOf } from './record-kinds';

type Doc = Record<string, unknown>;

/** What the invariant of a (pushed or proposed) record's kind reads; nothing for kinds without one. */
export function recordReads(doc: Doc): RecordReads {
  const kind = recordKindOf(doc.kind);
  if (!kind?.invariant || doc._deleted === true) return {};
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  return kind.invariant.reads(data, doc as unknown as RecordDocument);
}

/** The sync server's related documents as an invariant's lookup. */
export const lookupFromRelated = (related: RelatedDocuments): RecordLookup => ({
  get: (collection, id) => related.get(collection, id),
  byParent: (kind, parentId) => related.records?.({ kind, parentId }) ?? [],
  byPerson: (kind, personId) => related.records?.({ kind, personId }) ?? [],
  byStatus: (kind, status) => related.records?.({ kind, status }) ?? [],
});

/** Runs the kind's invariant; null when it has none or it holds. */
export function checkInvariant(kind: AnyRecordKind, record: RecordDocument, previous: RecordDocument | null, lookup: RecordLookup, now: string, actorId: string): InvariantProblem | null {
  if (!kind.invariant) return null;
  return kind.invariant.check({ record, previous, lookup, now, actorId });
}
