import type { RelatedDocuments } from '../sync/related-documents';
import type { RecordDocument } from './record-document';
import type { AnyRecordKind, InvariantProblem, RecordLookup, RecordReads } from './record-kind';
import { recordKindOf } from './record-kinds';
import { isWrittenByLabflow } from './labflow-writes';

type Doc = Record<string, unknown>;

/**
 * What the invariant of a (pushed or proposed) record's kind reads, and for LabFlow's own write
 * what its judgement reads too; nothing for kinds without either.
 */
export function recordReads(doc: Doc): RecordReads {
  const kind = recordKindOf(doc.kind);
  if (!kind || doc._deleted === true) return {};
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Doc) : {};
  const record = doc as unknown as RecordDocument;
  const own = isWrittenByLabflow(doc) ? kind.labflowWrites?.reads(data, record) : undefined;
  const reads = kind.invariant?.reads(data, record);
  if (!own) return reads ?? {};
  if (!reads) return own;
  return { ids: [...(reads.ids ?? []), ...(own.ids ?? [])], byParent: [...(reads.byParent ?? []), ...(own.byParent ?? [])], byPerson: [...(reads.byPerson ?? []), ...(own.byPerson ?? [])] };
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
