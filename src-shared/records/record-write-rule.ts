import type { RelatedDocuments } from '../sync/related-documents';
import type { SyncPerson } from '../sync/sync-person';
import { allow, deny, type Decision, type SyncAction } from '../sync/write-rule';
import { parseData, upgradeData } from './record-data';
import type { RecordDocument } from './record-document';
import { recordKindOf } from './record-kinds';
import { checkInvariant, lookupFromRelated } from './record-invariants';
import type { AnyRecordKind } from './record-kind';
import { checkRecordWrite } from './record-rules';
import { pathSteps, statusPath } from './status-path';
import type { RecordActor } from './who';
import { labflowActor } from './labflow-actor';
import { isWrittenByLabflow } from './labflow-writes';

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
  // LabFlow's own write (the scheduler's, pushed with a PC's account) is judged as LabFlow itself.
  const isLabflow = isWrittenByLabflow(doc);
  const labflowWrites = kind.labflowWrites;
  if (isLabflow && (action === 'delete' || !labflowWrites?.actions.includes(action))) {
    return deny(`LabFlow itself does not ${action === 'create' ? 'create' : 'change'} ${kind.pluralLabel.toLowerCase()}; this change names it as its author.`);
  }
  if (isLabflow && !person.isActive) return deny('This account is deactivated.');
  if (isLabflow && labflowWrites && action !== 'delete') {
    // Due or not is the server's call: its documents, its clock (never the PC's).
    const now = related.now?.();
    if (!now) return deny('LabFlow’s own changes are judged on the sync server’s clock.');
    const own = labflowWrites.check({ record: after, previous: previous ? upgraded(previous) : null, lookup: lookupFromRelated(related), now, actorId: labflowActor.id });
    if (own) return own.isWaiting ? { isAllowed: false, reason: own.message, isWaiting: true } : deny(own.message);
  }
  const moves = related.workflowMoves?.(String(doc.id)) ?? [];
  const actor = isLabflow ? labflowActor : person;
  const before = previous ? throughWorkflowMoves(upgraded(previous), after.status, moves) : null;
  const hasWorkflowMove = (to: string) => moves.includes(to);
  const check = checkRecordWrite({ kind, actor, before, after, isDelete: action === 'delete', hasWorkflowMove, allowsPath: true });
  if (!check.ok) return deny(check.error.message);
  if (action === 'delete') return allow;
  const lookup = lookupFromRelated(related);
  const now = related.now?.() ?? String(doc.updatedAt ?? '');
  // Every move of a record moved more than once before its push is judged as its own step (status-path.ts).
  for (const step of invariantSteps(kind, actor, previous ? upgraded(previous) : null, after, hasWorkflowMove)) {
    const broken = checkInvariant(kind, step.record, step.previous, lookup, now, actor.id);
    // A document the rule reads has not reached the server yet: the record waits for it (push.ts).
    if (broken) return broken.isWaiting ? { isAllowed: false, reason: broken.message, isWaiting: true } : deny(broken.message);
  }
  return allow;
}

/**
 * The changes a kind's invariant judges for one pushed state: the write itself, or — when the record
 * was created or moved on through several statuses before it was pushed — its creation in the first
 * status and each move after it, all with the data as pushed.
 */
function invariantSteps(kind: AnyRecordKind, actor: RecordActor, stored: RecordDocument | null, after: RecordDocument, hasWorkflowMove: (to: string) => boolean): { previous: RecordDocument | null; record: RecordDocument }[] {
  const from = stored?.status ?? kind.initialStatus;
  const path = statusPath({ kind, actor, target: stored ?? after, data: after.data, from, to: after.status, hasWorkflowMove });
  if (!path || (stored && path.length === 1)) return [{ previous: stored, record: after }];
  const created = stored ?? { ...after, status: kind.initialStatus };
  return [...(stored ? [] : [{ previous: null, record: created }]), ...pathSteps(created, after, path)];
}
