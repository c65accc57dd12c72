import type { PushResponse, RefusedWrite, WireDocument } from '../../src-shared/sync/protocol';

type Doc = Record<string, unknown>;

/** The id of the PC's own team account as a sender (the person who joined this PC to the team). */
export const PC_ACCOUNT = 'pc-account';

/**
 * Who made a pushed document: what the server judges the pusher against. Workflow events name
 * their actor (the server requires the pusher to be that actor); every other document the last
 * person who wrote it (`updatedBy`, stamped by the audited writer and by soft deletes). `system`
 * (timers, reminders, escalations) when nobody is named.
 */
export function authorOf(collection: string, doc: Doc): string {
  if (collection === 'workflow_events') {
    const actor = (doc.data as { actor?: { userId?: unknown } } | undefined)?.actor?.userId;
    if (typeof actor === 'string' && actor) return actor;
  }
  return typeof doc.updatedBy === 'string' && doc.updatedBy ? doc.updatedBy : 'system';
}

export interface PushGroup<Row> {
  /** A person with a server session on this PC, or PC_ACCOUNT. */
  sender: string;
  /** Positions of the rows in the push, ascending. */
  indexes: number[];
  rows: Row[];
}

/**
 * Splits one push into consecutive runs of rows by the same sender: a person's rows go with their
 * own server session when `hasSession(author)`, everything else (system, people without one) with
 * the PC's account. Runs, not one group per sender, so the server receives rows in the order RxDB
 * gives them (a workflow history must arrive without gaps). Pure.
 */
export function groupBySender<Row extends { newDocumentState: Doc }>(collection: string, rows: readonly Row[], hasSession: (personId: string) => boolean): PushGroup<Row>[] {
  const groups: PushGroup<Row>[] = [];
  rows.forEach((row, index) => {
    const author = authorOf(collection, row.newDocumentState);
    const sender = author !== PC_ACCOUNT && hasSession(author) ? author : PC_ACCOUNT;
    const last = groups.at(-1);
    if (last?.sender === sender) {
      last.indexes.push(index);
      last.rows.push(row);
    } else groups.push({ sender, indexes: [index], rows: [row] });
  });
  return groups;
}

/**
 * The runs of `groups` joined into one group per sender (in the order each first appears), each
 * keeping its rows' order: for collections whose server rules do not read one author's rows in
 * the light of another's (everything but workflow events), so a push by two people who took turns
 * on one PC costs two requests, not one per turn. Pure.
 */
export function joinRunsBySender<Row>(groups: readonly PushGroup<Row>[]): PushGroup<Row>[] {
  const bySender = new Map<string, PushGroup<Row>>();
  for (const group of groups) {
    const joined = bySender.get(group.sender);
    if (joined) {
      joined.indexes.push(...group.indexes);
      joined.rows.push(...group.rows);
    } else bySender.set(group.sender, { sender: group.sender, indexes: [...group.indexes], rows: [...group.rows] });
  }
  return [...bySender.values()];
}

/**
 * One answer for RxDB from the groups' answers (`results[i]` answers `groups[i]`): conflicts and
 * refusals in the order of the rows they are about; anything not about a pushed row (none expected)
 * after them, in the order received. Pure.
 */
export function mergePushResults<Row extends { newDocumentState: Doc }>(groups: readonly PushGroup<Row>[], results: readonly PushResponse[], primaryKey: string): PushResponse {
  const conflicts: { at: number; doc: WireDocument }[] = [];
  const refused: { at: number; refusal: RefusedWrite }[] = [];
  let unplaced = Number.MAX_SAFE_INTEGER / 2;
  groups.forEach((group, g) => {
    const result = results[g];
    if (!result) return;
    const positionOf = new Map(group.rows.map((row, i) => [String(row.newDocumentState[primaryKey]), group.indexes[i]!]));
    for (const doc of result.conflicts) conflicts.push({ at: positionOf.get(String(doc[primaryKey])) ?? unplaced++, doc });
    for (const refusal of result.refused) refused.push({ at: positionOf.get(refusal.id) ?? unplaced++, refusal });
  });
  // Array.prototype.sort is stable, so two answers about one row keep the server's order.
  return {
    conflicts: conflicts.sort((x, y) => x.at - y.at).map((c) => c.doc),
    refused: refused.sort((x, y) => x.at - y.at).map((r) => r.refusal),
  };
}
