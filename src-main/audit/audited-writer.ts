import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEntry, FieldChange } from '../../src-shared/audit/audit-contract';
import type { BaseDocument } from '../../src-shared/db/base-fields';
import type { CollectionName } from '../../src-shared/db/schemas';
import { syncCollections } from '../../src-shared/sync/collections';
import type { LabDatabase } from '../database/open-database';
import type { AuditChainWriter } from './audit-chain-writer';

export interface Actor {
  id: string;
  name: string;
}

export interface WriteContext {
  actor: Actor;
  command: string;
  now: Date;
}

type NewDocument = Record<string, unknown> & { id?: string };
type Stored = BaseDocument & Record<string, unknown>;

const BASE_FIELDS = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'auditId']);

export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (BASE_FIELDS.has(field) || field.startsWith('_')) continue;
    const oldValue = before?.[field];
    const newValue = after[field];
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field, old: oldValue ?? null, new: newValue ?? null });
  }
  return changes;
}

const plain = (doc: { toJSON(): unknown }): Stored => {
  const { _rev, _meta, _attachments, _deleted, ...rest } = doc.toJSON() as Stored & Record<string, unknown>;
  void _rev; void _meta; void _attachments; void _deleted;
  return rest as Stored;
};

/**
 * The only way commands change documents. The audit entry is written first and carries the
 * record as the command leaves it; the record then names that entry in `auditId`. A crash between
 * the two writes leaves an entry whose change is missing, which `completeInterruptedChanges` applies
 * on the next start — so no change exists without its audit entry, and no entry without its change.
 * Writes are serialised by the host's command queue, so `old` values are never stale. Every entry is
 * sealed into its writer's hash chain (audit-chain-writer.ts) before it is stored.
 */
export function createAuditedWriter(db: LabDatabase, newId: () => string, chain: AuditChainWriter) {
  /** Set while a command runs for a channel other than the app (an API token): its entries say so in `via`. */
  const channel = new AsyncLocalStorage<{ actorId: string; via: string }>();
  /** Stores entries sealed into their chains; a failed write lets the chain read its heads again. */
  const storeEntries = async (entries: readonly AuditEntry[]): Promise<void> => {
    const sealed = await chain.seal(entries);
    try {
      const stored = await db.audit.bulkInsert(sealed);
      if (stored.error.length > 0) throw new Error(`Writing ${stored.error.length} audit entries failed: ${JSON.stringify(stored.error[0])}`);
    } catch (error) {
      chain.forget();
      throw error;
    }
  };

  /** The audit entry of one change, and the record naming it. */
  const prepare = (
    collection: CollectionName,
    before: Stored | null,
    after: Stored,
    context: WriteContext,
    toldElsewhere: readonly string[] = [],
  ): { record: Stored; entry: AuditEntry } => {
    const at = context.now.toISOString();
    const auditId = newId();
    const record = { ...after, auditId };
    const entry: AuditEntry = {
      id: auditId,
      createdAt: at,
      updatedAt: at,
      createdBy: context.actor.id,
      updatedBy: context.actor.id,
      auditId,
      at,
      actorId: context.actor.id,
      actorName: context.actor.name,
      command: context.command,
      collectionName: collection,
      recordId: record.id,
      operation: before ? 'update' : 'insert',
      changes: toldElsewhere.length > 0 ? diffFields(before, record).filter((c) => !toldElsewhere.includes(c.field)) : diffFields(before, record),
      after: record,
    };
    // Only the acting person's own writes: work the command sets off as someone else (the system) is not theirs.
    const via = channel.getStore();
    if (via && via.actorId === context.actor.id) entry.via = via.via;
    return { record, entry };
  };

  const write = async (collection: CollectionName, before: Stored | null, after: Stored, context: WriteContext, keepsBookkeeping = false): Promise<Stored> => {
    const prepared = prepare(collection, before, after, context);
    const record = keepsBookkeeping && before ? { ...prepared.record, auditId: before.auditId } : prepared.record;
    const entry = record === prepared.record ? prepared.entry : { ...prepared.entry, after: record };
    await storeEntries([entry]);
    await db[collection].upsert(record);
    return record;
  };

  const withBase = (before: Stored | null, fields: NewDocument & { id: string }, context: WriteContext): Stored => {
    const at = context.now.toISOString();
    return (before
      ? { ...before, ...fields, updatedAt: at, updatedBy: context.actor.id }
      : { ...fields, createdAt: at, updatedAt: at, createdBy: context.actor.id, updatedBy: context.actor.id, auditId: '' }) as Stored;
  };

  /**
   * Writes whole records whose stored state the caller has just read inside the write queue
   * (`before`, null for a new record), sparing `update`'s second read on hot paths such as the
   * workflow runtime. Same audit-first protocol, batched: every audit entry in one write, then
   * the records (new ones in one insert, changed ones as one write through RxDB's write queue).
   * `toldElsewhere` names fields whose old → new values the entry leaves out because another
   * history has them (a workflow instance's `state`, told by its events); `after` still has them.
   */
  const replaceMany = async <T extends BaseDocument>(
    collection: CollectionName,
    items: readonly { before: BaseDocument | null; fields: NewDocument & { id: string }; context: WriteContext; toldElsewhere?: readonly string[] }[],
  ): Promise<T[]> => {
    if (items.length === 0) return [];
    const prepared = items.map((item) => {
      const before = item.before as Stored | null;
      return { ...prepare(collection, before, withBase(before, item.fields, item.context), item.context, item.toldElsewhere), isNew: !before };
    });
    await storeEntries(prepared.map((p) => p.entry));
    const fresh = prepared.filter((p) => p.isNew).map((p) => p.record);
    const inserted = fresh.length > 0 ? await db[collection].bulkInsert(fresh) : { error: [] };
    // A record that exists after all (written meanwhile) is overwritten like a change.
    const existing = new Set(inserted.error.filter((e: { status: number }) => e.status === 409).map((e: { documentId: string }) => e.documentId));
    if (inserted.error.length > existing.size) throw new Error(`Writing ${collection} failed: ${JSON.stringify(inserted.error[0])}`);
    const changed = prepared.filter((p) => !p.isNew || existing.has(p.record.id)).map((p) => p.record);
    if (changed.length > 0) {
      const docs = await db[collection].findByIds(changed.map((r) => r.id)).exec();
      await Promise.all(
        changed.map((record) => {
          const doc = docs.get(record.id);
          if (!doc) return db[collection].upsert(record);
          // RxDB's write queue turns concurrent modifications into one bulk write; its meta fields stay the stored ones.
          return doc.incrementalModify((data: Record<string, unknown>) => ({ ...record, _meta: data._meta, _rev: data._rev, _attachments: data._attachments, _deleted: false }));
        }),
      );
    }
    return prepared.map((p) => p.record) as unknown as T[];
  };

  return {
    replaceMany,

    /**
     * Runs `task` (a command) with every audit entry it writes as `actorId` naming the channel it
     * came through, e.g. `API token “ERP export”`. Follows the task's async calls, so handlers and the
     * runtimes they call need no change.
     */
    through<T>(via: { actorId: string; via: string }, task: () => Promise<T>): Promise<T> {
      return channel.run(via, task);
    },
    /** Stores audit entries written by hand (soft deletes, merges of people) in their writers' chains, as this writer does its own. */
    storeEntries,

    async replace<T extends BaseDocument>(collection: CollectionName, before: BaseDocument | null, fields: NewDocument & { id: string }, context: WriteContext): Promise<T> {
      const [record] = await replaceMany<T>(collection, [{ before, fields, context }]);
      return record as T;
    },

    async insert<T extends BaseDocument>(collection: CollectionName, fields: NewDocument, context: WriteContext): Promise<T> {
      const at = context.now.toISOString();
      const doc = { ...fields, id: fields.id ?? newId(), createdAt: at, updatedAt: at, createdBy: context.actor.id, updatedBy: context.actor.id, auditId: '' } as Stored;
      return (await write(collection, null, doc, context)) as unknown as T;
    },

    /** Applies `changes` to the record; returns null when it does not exist. A change that changes nothing writes nothing. */
    async update<T extends BaseDocument>(collection: CollectionName, id: string, changes: Record<string, unknown>, context: WriteContext): Promise<T | null> {
      const current = await db[collection].findOne(id).exec();
      if (!current) return null;
      const before = plain(current);
      const next = { ...before, ...changes } as Stored;
      const changed = diffFields(before, next);
      if (changed.length === 0) return before as unknown as T;
      // A change of PC-only fields alone (a password hash stored at sign-in) is no new version of the
      // record for anyone else: it keeps its bookkeeping, so it stays identical to the team's copy.
      // The audit entry still records the change.
      const localOnly = syncCollections.find((c) => c.name === collection)?.localOnlyFields ?? [];
      if (changed.every((c) => localOnly.includes(c.field))) return (await write(collection, before, next, context, true)) as unknown as T;
      next.updatedAt = context.now.toISOString();
      next.updatedBy = context.actor.id;
      return (await write(collection, before, next, context)) as unknown as T;
    },
  };
}

export type AuditedWriter = ReturnType<typeof createAuditedWriter>;

const RECOVERY_KEY = 'audit-recovery';

/**
 * Completes changes whose audit entry was written but whose record write was cut off by a crash.
 * Only entries this PC wrote itself are rolled forward (their writer names `pcId`): an entry that
 * arrived by sync describes another PC's change, which reaches this PC as the record itself, so
 * applying its after-state could only put an old or a forged version over the record. Only
 * entries since the last start are checked, so this stays cheap as the audit grows.
 */
export async function completeInterruptedChanges(db: LabDatabase, pcId: string): Promise<number> {
  const checkpoint = await db.getLocal<{ lastCheckedId: string }>(RECOVERY_KEY);
  const lastCheckedId = checkpoint?.get('lastCheckedId') ?? '';
  const entries = await db.audit.find({ selector: { id: { $gt: lastCheckedId } }, sort: [{ id: 'asc' }] }).exec();
  let completed = 0;
  // A record that is gone (removed) is brought back only by its newest entry: an older one was
  // followed by another change of the same record (a task created, then removed), and rolling it
  // forward would bring the removed task back until its removal re-applied — long enough for the
  // scheduler to remind someone of it.
  const newest = new Map(entries.map((e) => [`${e.collectionName}/${e.recordId}`, e.id]));
  for (const entry of entries) {
    const { collectionName, recordId, after, at, writerId } = entry.toJSON() as AuditEntry;
    if (typeof writerId !== 'string' || !writerId.startsWith(`${pcId}:`)) continue;
    const target = db[collectionName as CollectionName];
    if (!target) continue;
    const current = (await target.findOne(recordId).exec())?.toJSON() as Record<string, unknown> | undefined;
    if (current === undefined && newest.get(`${collectionName}/${recordId}`) !== entry.id) continue;
    const currentAuditId = (current?.auditId as string | undefined) ?? '';
    // With team sync, entries also arrive from other PCs and records change by sync without a local
    // entry: a record changed after the entry was written has moved on and must not be rolled back.
    const hasMovedOn = String(current?.updatedAt ?? '') > at;
    // A change already in the record (one that kept the record's bookkeeping) needs nothing.
    const isApplied = current !== undefined && diffFields(current, { ...current, ...after }).length === 0;
    if (currentAuditId < entry.id && !hasMovedOn && !isApplied) {
      // Entries that travelled through sync lack PC-only fields (password hashes): keep the record's.
      await target.upsert({ ...current, ...after });
      completed++;
    }
  }
  const last = entries.at(-1);
  if (last) await db.upsertLocal(RECOVERY_KEY, { lastCheckedId: last.id });
  return completed;
}
