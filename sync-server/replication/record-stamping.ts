import type { ManagerLookup } from '../../src-shared/records/record-document';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { counterOf, formatNumber } from '../../src-shared/records/record-numbers';
import { stampRecord, type NumberNeeded } from '../../src-shared/records/record-stamp';
import type { WireDocument } from '../../src-shared/sync/protocol';
import type { SqlClient } from '../db/sql-database';

/**
 * The server's side of record numbering and derived columns (src-shared/records): a pushed record's
 * subject, managers, owner, department, parent, date and title are computed from its data and the
 * server's own directory — never taken from the PC — before the rules judge it; once it is allowed,
 * it gets the next number of the team's series in the same transaction (a provisional number from
 * an offline PC is replaced; a final number from before the PC joined is kept if it is free).
 */

type Doc = Record<string, unknown>;

/** The record with its derived columns stamped (its number left as the stored version has it, or as pushed until numbered). */
export function stampColumns(doc: WireDocument, master: Doc | null, managers: ManagerLookup): WireDocument {
  const kind = recordKindOf(doc.kind);
  if (!kind || doc._deleted) return doc;
  return { ...(stampRecord(kind, doc, master, managers).doc as unknown as Doc), _deleted: doc._deleted } as WireDocument;
}

async function isTaken(tx: SqlClient, kind: string, number: string): Promise<boolean> {
  const { rows } = await tx.query(`SELECT 1 FROM documents WHERE collection = 'records' AND data->>'kind' = $1 AND data->>'number' = $2 LIMIT 1`, [kind, number]);
  return rows.length > 0;
}

async function giveNumber(tx: SqlClient, kind: string, needed: NumberNeeded): Promise<string> {
  if (needed.claimed && !(await isTaken(tx, kind, needed.claimed))) {
    const counter = counterOf(needed.key, needed.claimed) ?? 0;
    await tx.query(
      `INSERT INTO number_series (series, next_counter) VALUES ($1, $2) ON CONFLICT (series) DO UPDATE SET next_counter = GREATEST(number_series.next_counter, EXCLUDED.next_counter)`,
      [needed.key, counter + 1],
    );
    return needed.claimed;
  }
  for (;;) {
    const { rows } = await tx.query<{ counter: string | number }>(
      `INSERT INTO number_series (series, next_counter) VALUES ($1, 2) ON CONFLICT (series) DO UPDATE SET next_counter = number_series.next_counter + 1 RETURNING next_counter - 1 AS counter`,
      [needed.key],
    );
    const number = formatNumber(needed.series, needed.key, Number(rows[0]?.counter ?? 1));
    // A number kept from before a PC joined may sit ahead of the counter: skip it.
    if (!(await isTaken(tx, kind, number))) return number;
  }
}

/**
 * `stampColumns`, or a refusal a person can read when the record's data lacks what its kind's
 * derived columns are computed from (a broken or hostile PC): the push refuses that row instead of
 * failing the whole request. The data itself is judged afterwards by the kind's rules.
 */
export function tryStampColumns(doc: WireDocument, master: Doc | null, managers: ManagerLookup): { ok: true; doc: WireDocument } | { ok: false; message: string } {
  try {
    return { ok: true, doc: stampColumns(doc, master, managers) };
  } catch {
    const label = recordKindOf(doc.kind)?.label ?? 'record';
    return { ok: false, message: `This ${label.toLowerCase()} is missing information its kind needs, so it was not taken. Open it on the PC that made it and save it again.` };
  }
}

/** The record as it is stored: columns stamped, and numbered now if its series gives it a number now. */
export async function finishRecord(tx: SqlClient, doc: WireDocument, master: Doc | null, managers: ManagerLookup): Promise<WireDocument> {
  const kind = recordKindOf(doc.kind);
  if (!kind || doc._deleted) return doc;
  const { doc: stamped, numberNeeded } = stampRecord(kind, doc, master, managers);
  const out = { ...(stamped as unknown as Doc), _deleted: false } as WireDocument;
  if (!numberNeeded) return out;
  return { ...out, number: await giveNumber(tx, kind.kind, numberNeeded), numberState: 'final' };
}
