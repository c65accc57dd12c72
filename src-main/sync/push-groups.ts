import type { PushResponse, RefusedWrite, WireDocument } from '../../src-shared/sync/protocol';
import { SYSTEM_AUTHOR } from '../../src-shared/sync/system-author';

type Doc = Record<string, unknown>;

/**
 * Who made a pushed document, which is whose sign-in must carry it (the server binds every write to
 * its pusher, src-shared/sync/authorship.ts). Workflow events name their actor; a document the server
 * has never had (no assumed master state) its creator; every other document the last person who
 * wrote it (`updatedBy`, stamped by the audited writer and by soft deletes). `system` (timers,
 * reminders) when nobody is named.
 */
export function authorOf(collection: string, doc: Doc, isCreate = false): string {
  if (collection === 'workflow_events') {
    const actor = (doc.data as { actor?: { userId?: unknown } } | undefined)?.actor?.userId;
    if (typeof actor === 'string' && actor) return actor;
  }
  const named = isCreate ? doc.createdBy : doc.updatedBy;
  if (typeof named === 'string' && named) return named;
  return typeof doc.updatedBy === 'string' && doc.updatedBy ? doc.updatedBy : SYSTEM_AUTHOR;
}

/**
 * How a run of rows goes: with its author's own sign-in (`person`), as the system's with the PC's
 * account (`system`: only what the server accepts from anyone), or as a probe with the PC's account
 * (`probe`: the author has no sign-in here, so the server only says whether it changes anything).
 */
export type Sending = { kind: 'person'; personId: string } | { kind: 'system' } | { kind: 'probe'; authorId: string };

export interface PushGroup<Row> {
  sending: Sending;
  /** Positions of the rows in the push, ascending. */
  indexes: number[];
  rows: Row[];
}

const sameSending = (a: Sending, b: Sending) =>
  a.kind === b.kind && (a.kind !== 'person' || a.personId === (b as { personId: string }).personId) && (a.kind !== 'probe' || a.authorId === (b as { authorId: string }).authorId);

/**
 * Splits one push into consecutive runs of rows sent the same way: a person's rows with their own
 * sign-in when `hasSession(author)`, the system's with the PC's account, everyone else's as probes.
 * Runs, not one group per sender, so the server receives rows in the order RxDB gives them (a
 * workflow history must arrive without gaps). Pure.
 */
export function groupBySending<Row extends { newDocumentState: Doc; assumedMasterState?: Doc | null }>(
  collection: string,
  rows: readonly Row[],
  hasSession: (personId: string) => boolean,
): PushGroup<Row>[] {
  const groups: PushGroup<Row>[] = [];
  rows.forEach((row, index) => {
    const author = authorOf(collection, row.newDocumentState, !row.assumedMasterState);
    const sending: Sending = author === SYSTEM_AUTHOR ? { kind: 'system' } : hasSession(author) ? { kind: 'person', personId: author } : { kind: 'probe', authorId: author };
    const last = groups.at(-1);
    if (last && sameSending(last.sending, sending)) {
      last.indexes.push(index);
      last.rows.push(row);
    } else groups.push({ sending, indexes: [index], rows: [row] });
  });
  return groups;
}

/**
 * The runs of `groups` joined into one group per way of sending (in the order each first appears),
 * each keeping its rows' order: for collections whose server rules do not read one author's rows in
 * the light of another's (everything but workflow events, collections.ts `pushedInOrder`; an audit
 * chain is one writer's, so it stays in order), so a push by two people who took turns on one PC
 * costs two requests, not one per turn. Pure.
 */
export function joinRunsBySending<Row>(groups: readonly PushGroup<Row>[]): PushGroup<Row>[] {
  const joined: PushGroup<Row>[] = [];
  for (const group of groups) {
    const same = joined.find((g) => sameSending(g.sending, group.sending));
    if (same) {
      same.indexes.push(...group.indexes);
      same.rows.push(...group.rows);
    } else joined.push({ sending: group.sending, indexes: [...group.indexes], rows: [...group.rows] });
  }
  return joined;
}

/**
 * One answer for RxDB from the groups' answers (`results[i]` answers `groups[i]`): conflicts,
 * refusals and waiting rows in the order of the rows they are about; anything not about a pushed
 * row (none expected) after them, in the order received. Pure.
 */
export function mergePushResults<Row extends { newDocumentState: Doc }>(groups: readonly PushGroup<Row>[], results: readonly PushResponse[], primaryKey: string): Required<PushResponse> {
  const conflicts: { at: number; doc: WireDocument }[] = [];
  const refused: { at: number; refusal: RefusedWrite }[] = [];
  const waiting: { at: number; id: string }[] = [];
  let unplaced = Number.MAX_SAFE_INTEGER / 2;
  groups.forEach((group, g) => {
    const result = results[g];
    if (!result) return;
    const positionOf = new Map(group.rows.map((row, i) => [String(row.newDocumentState[primaryKey]), group.indexes[i]!]));
    for (const doc of result.conflicts) conflicts.push({ at: positionOf.get(String(doc[primaryKey])) ?? unplaced++, doc });
    for (const refusal of result.refused) refused.push({ at: positionOf.get(refusal.id) ?? unplaced++, refusal });
    for (const id of result.waiting ?? []) waiting.push({ at: positionOf.get(id) ?? unplaced++, id });
  });
  // Array.prototype.sort is stable, so two answers about one row keep the server's order.
  return {
    conflicts: conflicts.sort((x, y) => x.at - y.at).map((c) => c.doc),
    refused: refused.sort((x, y) => x.at - y.at).map((r) => r.refusal),
    waiting: waiting.sort((x, y) => x.at - y.at).map((w) => w.id),
  };
}
