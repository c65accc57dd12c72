import type { RelatedDocuments } from '../sync/related-documents';
import type { SyncPerson } from '../sync/sync-person';
import { allow, deny, type Decision, type SyncAction } from '../sync/write-rule';
import { parseData, upgradeData } from './record-data';
import type { RecordDocument } from './record-document';
import { recordKindOf } from './record-kinds';
import { checkInvariant, lookupFromRelated } from './record-invariants';
import { checkRecordWrite } from './record-rules';

type Doc = Record<string, unknown>;

/** A stored or pushed record with its data upgraded to its kind's version (unchanged when the kind is unknown or newer). */
function upgraded(doc: Doc): RecordDocument {
  const kind = recordKindOf(doc.kind);
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Record<string, unknown>) : {};
  if (!kind) return { ...doc, data } as unknown as RecordDocument;
  return { ...doc, data: upgradeData(kind, Number(doc.kindVersion ?? 1), data).data } as unknown as RecordDocument;
}

/**
 * The stored version as the workflows left it before their last move to `status`: a PC offline
 * through a step that submitted a request and the approval after it pushes the record once, as
 * approved; its moves (`moves`, in order from the stored status) were made by events the server
 * holds and checked, so the write is judged from the last one's starting point.
 */
function throughWorkflowMoves(stored: RecordDocument, status: string, moves: readonly string[]): RecordDocument {
  const last = moves.indexOf(status);
  return last > 0 ? { ...stored, status: moves[last - 1] as string } : stored;
}

/**
 * The sync server's rule for `records`: the same checks as the host's record commands
 * (record-rules.ts), judged on the server's stored version with the pusher's current roles. A kind
 * the server does not know, data its schema refuses, a status change no transition allows (or a
 * workflow-only one without the workflow's event), a field the pusher may not change: refused.
 */
export function recordsWriteDecision(person: SyncPerson, action: Exclude<SyncAction, 'read'>, doc: Doc, previous: Doc | null, related: RelatedDocuments): Decision {
  const kind = recordKindOf(doc.kind ?? previous?.kind);
  if (!kind) return deny(`This server does not know records of kind “${String(doc.kind ?? previous?.kind)}”. Update the sync server to the same LabFlow version as the PCs.`);
  const after = upgraded(doc);
  if (Number(doc.kindVersion ?? 1) > kind.version) return deny(`This ${kind.label.toLowerCase()} was written by a newer LabFlow than the sync server runs. Update the sync server.`);
  if (action !== 'delete') {
    const parsed = parseData(kind, after.data);
    if (!parsed.ok) return deny(`This ${kind.label.toLowerCase()} is not valid: ${parsed.error.message}`);
  }
  const moves = related.workflowMoves?.(String(doc.id)) ?? [];
  const check = checkRecordWrite({
    kind,
    actor: person,
    before: previous ? throughWorkflowMoves(upgraded(previous), after.status, moves) : null,
    after,
    isDelete: action === 'delete',
    hasWorkflowMove: (to) => moves.includes(to),
  });
  if (!check.ok) return deny(check.error.message);
  if (action === 'delete') return allow;
  const broken = checkInvariant(kind, after, previous ? upgraded(previous) : null, lookupFromRelated(related), related.now?.() ?? String(doc.updatedAt ?? ''), person.id);
  if (!broken) return allow;
  // A document the rule reads has not reached the server yet: the record waits for it (push.ts).
  return broken.isWaiting ? { isAllowed: false, reason: broken.message, isWaiting: true } : deny(broken.message);
}
