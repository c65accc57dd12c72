import { fail, type AppError, type Result } from '../../src-shared/core/result';
import type { RecordView } from '../../src-shared/records/record-contract';
import { parseData } from '../../src-shared/records/record-data';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import type { CommandContext } from '../host/handler-types';
import { writeRecord, type WriteRecordOptions } from './record-handlers';
import { canReadRecordDoc, readRecord } from './record-store';
import { byParentOrder } from './record-lookup';

/**
 * How a module's own commands (equipment, CRM, HR) read and write records: through the records platform's `writeRecord`
 * (stamping, the kind's rules and invariant, numbering, audit), with the data checked by the kind's
 * schema first, and reading only what the person may read.
 */
type Refusal = { ok: false; error: AppError };
/** A stored record as the pure rules read it (plain object) and as the platform types it. */
export type StoredDoc = RecordDocument & Record<string, unknown>;
export type Found<T> = { value: T; error?: undefined } | { value?: undefined; error: Refusal };

const gone = (what: string): Refusal => fail('not_found', `That ${what} no longer exists, or it is not shared with you.`);

/** A stored record of `kind` the actor may read, with its data upgraded; a refusal otherwise. */
export async function recordOf(db: LabDatabase, kind: AnyRecordKind, id: string, actor: RecordActor): Promise<Found<StoredDoc>> {
  const stored = await readRecord(db, id);
  if (!stored || stored.doc.kind !== kind.kind || !canReadRecordDoc(actor, stored)) return { error: gone(kind.label.toLowerCase()) };
  if (stored.isFromNewerVersion) return { error: fail('invalid_state', 'This record was written by a newer version of LabFlow; update LabFlow on this PC to change it.') };
  return { value: stored.doc as StoredDoc };
}

/** Live (not deleted) records of `kind` under `parentId`, as plain documents. */
export async function childrenOf(db: LabDatabase, kind: string, parentId: string): Promise<StoredDoc[]> {
  const docs = await db.records.find({ selector: { parentId, kind }, sort: [...byParentOrder] }).exec();
  return docs.map((d) => d.toJSON() as StoredDoc);
}

/** Creates a record of `kind` with `data` checked by its schema, in its first status (with `id` when it must be deterministic). */
export async function createRecord(context: CommandContext, kind: AnyRecordKind, actor: RecordActor, data: Record<string, unknown>, id?: string): Promise<Result<RecordView>> {
  const parsed = parseData(kind, data);
  if (!parsed.ok) return parsed;
  return writeRecord(context, kind, actor, null, { ...(id ? { id } : {}), kind: kind.kind, kindVersion: kind.version, status: kind.initialStatus, number: '', numberState: '', data: parsed.value });
}

/** Writes a new version of a stored record: data fields merged (undefined removes one), optionally a new status. */
export async function changeRecord(
  context: CommandContext,
  kind: AnyRecordKind,
  actor: RecordActor,
  before: RecordDocument,
  change: { data?: Record<string, unknown>; status?: string },
  options: WriteRecordOptions = {},
): Promise<Result<RecordView>> {
  const merged = Object.fromEntries(Object.entries({ ...before.data, ...(change.data ?? {}) }).filter(([, v]) => v !== undefined));
  const parsed = parseData(kind, merged);
  if (!parsed.ok) return parsed;
  return writeRecord(context, kind, actor, before, { ...before, status: change.status ?? before.status, data: parsed.value }, options);
}

/** The stored document a successful write left (the next write of the same record starts from it). */
export async function reread(db: LabDatabase, id: string): Promise<StoredDoc> {
  const stored = await readRecord(db, id);
  if (!stored) throw new Error(`Record ${id} vanished right after it was written`);
  return stored.doc as StoredDoc;
}

/** Names of people by id (the directory's), for labels; unknown ids read as "Unknown person". */
export async function personNames(db: LabDatabase, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter(Boolean))];
  const found = wanted.length ? await db.people.findByIds(wanted).exec() : new Map();
  return new Map(wanted.map((id) => [id, String(found.get(id)?.get('name') ?? 'Unknown person')]));
}
