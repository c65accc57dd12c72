import { pushedInOrder, type SyncCollection } from '../../src-shared/sync/collections';
import type { PushResponse, PushRow, RefusedWrite, WireDocument } from '../../src-shared/sync/protocol';
import { LINK_PERSON_COMMAND } from '../../src-shared/sync/remap-ids';
import type { ParkedRow, ParkedRows } from './parked-rows';
import { groupBySending, joinRunsBySending, mergePushResults, type PushGroup } from './push-groups';
import { SessionEndedError, type ServerSession } from './server-session';

type Doc = Record<string, unknown>;
type Row = { newDocumentState: WireDocument; assumedMasterState?: WireDocument | null };

export interface PushSenderOptions {
  spec: SyncCollection;
  /** The PC's team account: carries the system's rows and probes. */
  pcAccount: ServerSession;
  /** A person's own server sign-in on this PC, or null. */
  sessionFor(personId: string): ServerSession | null;
  parked: ParkedRows;
  /** Sends rows to the collection's push endpoint with a sign-in. */
  post(via: ServerSession, rows: PushRow[]): Promise<PushResponse>;
  /** This PC's audit entries by `authorId` behind each pushed record (its `auditIds`). */
  auditIdsOf(collection: string, records: readonly Doc[], authorId: string): Promise<Map<string, string[]>>;
  /** For audit entries: whether the record an entry describes still waits to be answered by the server. */
  isRecordWaiting?(collection: string, id: string): Promise<boolean>;
  /** Whether a person is in this PC's directory: entries by an id merged away when joining (link-people.ts) stay here. */
  isKnownPerson?(personId: string): Promise<boolean>;
  clock: () => Date;
}

export interface PushOutcome {
  /** For RxDB: the server's version of every row not taken as sent. */
  conflicts: WireDocument[];
  refused: RefusedWrite[];
  /** Rows answered by the server (taken, merged or refused), and rows that need no sending. */
  answered: string[];
  /** Rows that now wait (parked-rows.ts). */
  parked: ParkedRow[];
}

/**
 * One push of a collection's rows, each with its author's own sign-in (issue 18): nobody's rights
 * carry anyone else's change. The system's rows go with the PC's account; rows whose author has no
 * sign-in here go as probes, and wait (parked-rows.ts) when they would change something. A row
 * that waited goes with the server's state it was made on, not the one RxDB assumed when it parked
 * it. Record rows name the pusher's audit entries behind them (`auditIds`); audit entries wait for
 * their record to be answered, so the server never refuses an entry for arriving first.
 */
export async function pushWithAuthors(rows: readonly Row[], options: PushSenderOptions): Promise<PushOutcome> {
  const { spec, parked } = options;
  const primaryKey = (spec.schema as { primaryKey: string }).primaryKey;
  const idOf = (doc: Doc) => String(doc[primaryKey]);
  const at = options.clock().toISOString();
  const answered: string[] = [];
  const waiting: ParkedRow[] = [];
  const toSend: Row[] = [];

  for (const raw of rows) {
    const wasParked = parked.get(spec.name, idOf(raw.newDocumentState));
    const row: Row = wasParked ? { ...raw, assumedMasterState: wasParked.assumed } : raw;
    const doc = row.newDocumentState;
    // Removing what the server never had (a local duplicate, a draft) changes nothing there.
    if (doc._deleted === true && !row.assumedMasterState) answered.push(idOf(doc));
    else if (spec.name === 'audit' && (isKeptOnThisPc(doc) || (options.isKnownPerson && doc.actorId !== 'system' && !(await options.isKnownPerson(String(doc.actorId)))))) answered.push(idOf(doc));
    else if (spec.name === 'audit' && (await options.isRecordWaiting?.(String(doc.collectionName), String(doc.recordId)))) {
      waiting.push(parkedRow(spec.name, idOf(doc), row, 'record', String(doc.actorId), at, `${String(doc.collectionName)}/${String(doc.recordId)}`));
    } else toSend.push(row);
  }

  const runs = groupBySending(spec.name, toSend, (personId) => options.sessionFor(personId) !== null);
  // People taking turns on one PC: one request each, unless the server judges the rows in order.
  const groups = pushedInOrder.has(spec.name) ? runs : joinRunsBySending(runs);
  const results: PushResponse[] = [];
  const wentAsProbes = new Set<number>();
  const rewritten = new Map<string, WireDocument>();
  for (const [g, group] of groups.entries()) {
    const sent = await sendGroup(group, options, rewritten);
    results.push(sent.response);
    if (sent.isProbe) wentAsProbes.add(g);
  }
  const merged = mergePushResults(groups, results, primaryKey);

  const waitingIds = new Set(merged.waiting);
  groups.forEach((group, g) => {
    for (const row of group.rows) {
      const id = idOf(row.newDocumentState);
      if (!waitingIds.has(id) || !results[g]?.waiting?.includes(id)) continue;
      const { sending } = group;
      // A probe waits for its author's sign-in; anyone else's row waits for the server to be able to judge it.
      const authorId = sending.kind === 'person' ? sending.personId : sending.kind === 'probe' ? sending.authorId : 'system';
      waiting.push(parkedRow(spec.name, id, row, wentAsProbes.has(g) ? 'author' : 'server', authorId, at));
    }
  });
  const sent = toSend.map((row) => idOf(row.newDocumentState)).filter((id) => !waitingIds.has(id));
  answered.push(...sent);
  // A create sent as its creator's (another person edited it before it left this PC): the PC keeps what the server took.
  const conflicted = new Set(merged.conflicts.map(idOf));
  const conflicts = [...merged.conflicts, ...[...rewritten].filter(([id]) => !conflicted.has(id) && sent.includes(id)).map(([, doc]) => doc)];

  await parked.park(waiting);
  await parked.settle(spec.name, answered);
  return { conflicts, refused: merged.refused, answered, parked: waiting };
}

/**
 * Commands whose audit entries are this PC's bookkeeping: merges of people made when joining, and the
 * password hash a first sign-in caches once the team's server has checked the password (hashes never
 * travel between PCs, so the server takes no change that entry could describe).
 */
const PC_BOOKKEEPING_COMMANDS: ReadonlySet<unknown> = new Set([LINK_PERSON_COMMAND, 'auth/sign-in']);

/**
 * Audit entries that stay on this PC: its bookkeeping, entries from before the audit chain, and
 * (isKnownPerson) entries written under a local id that joining merged into the team's — history as
 * it was written here, which no one's sign-in can vouch for.
 */
function isKeptOnThisPc(entry: Doc): boolean {
  return PC_BOOKKEEPING_COMMANDS.has(entry.command) || typeof entry.writerId !== 'string' || entry.writerId === '';
}

/**
 * Whether an audit entry stays on this PC and is never sent (see isKeptOnThisPc), with this PC's
 * directory at hand: the consistency check leaves such entries out of what it compares with the
 * server, which never has them.
 */
export function staysOnThisPc(entry: Doc, isKnownPerson: (personId: string) => boolean): boolean {
  return isKeptOnThisPc(entry) || (entry.actorId !== 'system' && !isKnownPerson(String(entry.actorId)));
}

const parkedRow = (collection: string, id: string, row: Row, reason: ParkedRow['reason'], authorId: string, at: string, waitsFor?: string): ParkedRow => ({
  collection,
  id,
  authorId,
  reason,
  assumed: row.assumedMasterState ?? null,
  ...(waitsFor ? { waitsFor } : {}),
  at,
});

/** Sends one run; `isProbe` when it went as probes (its author has no sign-in, or theirs ended on the way). */
async function sendGroup(group: PushGroup<Row>, options: PushSenderOptions, rewritten: Map<string, WireDocument>): Promise<{ response: PushResponse; isProbe: boolean }> {
  const { sending } = group;
  const asProbes = async () => ({ response: await options.post(options.pcAccount, group.rows.map((row) => ({ ...row, isProbe: true }))), isProbe: true });
  if (sending.kind === 'system') return { response: await options.post(options.pcAccount, await withAuditIds(group.rows, 'system', options, rewritten)), isProbe: false };
  if (sending.kind === 'probe') return asProbes();
  const via = options.sessionFor(sending.personId);
  if (!via) return asProbes();
  const rows = await withAuditIds(group.rows, sending.personId, options, rewritten);
  try {
    return { response: await options.post(via, rows), isProbe: false };
  } catch (error) {
    // Their sign-in ended on the way (signed out elsewhere, deactivated): their rows wait like anyone's without one.
    if (error instanceof SessionEndedError) return asProbes();
    throw error;
  }
}

/**
 * The rows as `personId` sends them: each record names that person's audit entries behind it, and
 * a new record someone else edited before it left this PC goes with its creator's name as its last
 * writer too (the server binds both to the pusher; the later edit's audit entry then cannot be
 * claimed, and is refused when its writer sends it).
 */
async function withAuditIds(rows: readonly Row[], personId: string, options: PushSenderOptions, rewritten: Map<string, WireDocument>): Promise<PushRow[]> {
  const collection = options.spec.name;
  const isAudited = collection !== 'audit' && collection !== 'workflow_events';
  const ids = isAudited ? await options.auditIdsOf(collection, rows.map((r) => r.newDocumentState), personId) : new Map<string, string[]>();
  return rows.map((row) => {
    let doc = row.newDocumentState;
    if (!row.assumedMasterState && options.spec.hasAuthorFields && doc.createdBy === personId && doc.updatedBy !== personId) {
      doc = { ...doc, updatedBy: personId };
      rewritten.set(String(doc.id), doc);
    }
    const auditIds = ids.get(String(doc.id)) ?? [];
    return { ...row, newDocumentState: doc, ...(auditIds.length > 0 ? { auditIds } : {}) };
  });
}
