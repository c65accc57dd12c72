import { chainProblem, personOfWriter, type ChainLink } from '../audit/audit-chain';
import { fail, ok, type Result } from '../core/result';
import { isSameValue } from './conflicts';
import { SYSTEM_AUTHOR } from './system-author';
import type { SyncPerson } from './sync-person';

/**
 * When the sync server takes a pushed audit entry (DESIGN.md §5). An audit entry is history other
 * PCs show and, before issue 18, replayed: it is accepted only as the record of a change the server
 * accepted from the same person. Pure; the server loads what it consults.
 *
 * - The entry is its actor's: `actorId`, `createdBy` and `updatedBy` name the pusher, and its
 *   writer (`<pc>:<person>`) is that person. The system's entries are accepted about workflow
 *   instances, which the engine changes by itself (timers, escalations, repairs), and about a record
 *   whose pushed state the server took as LabFlow's own write (records/labflow-writes.ts).
 * - It is in its writer's hash chain: its hash matches its content and, when the server holds the
 *   entry before it in that chain, it follows that one; no other entry holds its place.
 * - The server accepted a change it describes: the pusher named it (`auditIds`) when pushing the
 *   record, and when the record's pushed state named it as its last entry, its after-state is
 *   that state.
 */

type Doc = Record<string, unknown>;

/** What a pushed record row said about an audit entry (sync-server's `audit_claims`). */
export interface AuditClaim {
  collection: string;
  recordId: string;
  /** The record as pushed, when this entry was the last one behind it (its `auditId`); null otherwise. */
  state: Doc | null;
}

export interface AuditEntryCheck {
  entry: Doc;
  person: SyncPerson;
  /** The claim the pusher made for this entry id, or null when none. */
  claim: AuditClaim | null;
  /** The entry before it in its writer's chain, as the server holds it; null when it holds none. */
  previous: ChainLink | null;
  /** Another entry holds this one's place in the chain (same writer and `seq`, other id). */
  isPlaceTaken: boolean;
}

/**
 * Collections whose audit entries the system writes on its own: workflow instances (src-main/workflows:
 * timers, escalations, repairs) and people (a leaving person deactivated after their exit's last day,
 * src-shared/hr/exit-deactivation-write.ts; the entry stands only beside that accepted change).
 */
const systemAuditedCollections: ReadonlySet<string> = new Set(['workflow_instances', 'people']);

/** A system entry about a record the server took as LabFlow's own write: the state it describes was written as the system. */
const isLabflowRecordClaim = (entry: Doc, claim: AuditClaim | null): boolean =>
  entry.collectionName === 'records' && claim?.collection === 'records' && claim.state?.updatedBy === SYSTEM_AUTHOR;

const RXDB_FIELDS = ['_rev', '_meta', '_attachments'];
/** A record state for comparison: RxDB's fields dropped, `_deleted` made explicit. */
const comparable = (doc: Doc): Doc => {
  const out: Doc = { ...doc, _deleted: doc._deleted === true };
  for (const field of RXDB_FIELDS) delete out[field];
  return out;
};

const refuse = (message: string) => fail('forbidden', `This audit entry was refused: ${message}.`);

export function checkAuditEntry(input: AuditEntryCheck): Result<null> {
  const { entry, person, claim } = input;
  const actorId = entry.actorId;
  const isSystem = actorId === SYSTEM_AUTHOR;
  if (actorId !== person.id && !isSystem) return refuse('it names someone else as the person who made the change');
  if (entry.createdBy !== actorId || entry.updatedBy !== actorId) return refuse('its author fields do not name its actor');
  if (isSystem && !systemAuditedCollections.has(String(entry.collectionName)) && !isLabflowRecordClaim(entry, claim)) {
    return refuse('LabFlow itself changes only workflow instances, leaving people’s access and the records its scheduler moves on');
  }
  if (typeof entry.writerId !== 'string' || personOfWriter(entry.writerId) !== actorId) return refuse('its writer is not its actor');
  if (input.isPlaceTaken) return refuse('another entry already holds its place in its writer’s chain');
  const broken = chainProblem(entry, input.previous);
  if (broken) return refuse(broken);
  if (!claim || claim.collection !== entry.collectionName || claim.recordId !== entry.recordId) {
    return refuse('the server took no change to this record that it describes');
  }
  const after = entry.after && typeof entry.after === 'object' ? (entry.after as Doc) : null;
  if (claim.state && (!after || !isSameValue(comparable(after), comparable(claim.state)))) {
    return refuse('the record it describes is not the one the server took');
  }
  return ok(null);
}

/**
 * Collections whose every change a PC writes through the audited writer (src-main/audit): an edit
 * of one of their documents comes with its audit entry. Notifications are marked read without an
 * entry; workflow events are their own history; audit entries are the entries.
 */
const notAudited: ReadonlySet<string> = new Set(['notifications', 'workflow_events', 'audit']);

/**
 * An edit or removal must name the audit entry that made it: the pushed state's `auditId` among the
 * entries its pusher claims, so no change reaches the team without the entry that says who made it
 * (the entry itself is checked when it arrives). A new document need not: one made on a PC before it
 * joined a team carries entries written under an id joining merged away, which stay on that PC.
 */
export function checkEditNamesItsEntry(collection: string, action: string, doc: Doc, auditIds: readonly string[]): Result<null> {
  if (notAudited.has(collection) || action === 'create') return ok(null);
  const last = typeof doc.auditId === 'string' ? doc.auditId : '';
  return last !== '' && auditIds.includes(last) ? ok(null) : fail('forbidden', 'This change comes without the audit entry that records it; every change to the team’s records is recorded with its author.');
}
