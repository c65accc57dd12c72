import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import type { BaseDocument } from '../../src-shared/db/base-fields';
import type { CollectionName } from '../../src-shared/db/schemas';
import type { CommandContext } from '../host/handler-types';

/**
 * Removes a record the way DESIGN.md §2 asks: a soft delete (RxDB `_deleted`), so the removal
 * replicates. The audited writer has no delete yet, so this follows its protocol by hand: the
 * audit entry (operation `delete`, `after` flagged `_deleted`) is written first, then the record
 * names it and is flagged. Belongs in audited-writer.ts once that file has a `remove`.
 */
export async function softDelete(context: CommandContext, collection: CollectionName, before: BaseDocument): Promise<void> {
  const doc = await context.db[collection].findOne(before.id).exec();
  if (!doc) return;
  const at = context.clock().toISOString();
  const auditId = context.newId();
  const stamp = { auditId, updatedAt: at, updatedBy: context.actor.id };
  const entry: AuditEntry = {
    id: auditId, createdAt: at, updatedAt: at, createdBy: context.actor.id, updatedBy: context.actor.id, auditId,
    at, actorId: context.actor.id, actorName: context.actor.name, command: context.command,
    collectionName: collection, recordId: before.id, operation: 'delete', changes: [],
    after: { ...before, ...stamp, _deleted: true },
  };
  await context.writer.storeEntries([entry]);
  await doc.incrementalModify((data: Record<string, unknown>) => ({ ...data, ...stamp, _deleted: true }));
}
