import type { AuditEntry } from '../../src-shared/audit/audit-contract';
import { historyCard, type AuditLike } from '../../src-shared/equipment/history-card';
import type { EquipmentLifecycleEvent } from '../../src-shared/equipment/lifecycle-event';
import type { LabDatabase } from '../database/open-database';
import { byParentOrder } from '../records/record-lookup';
import { personNames, type StoredDoc } from '../records/module-records';

type Doc = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const plain = (docs: Iterable<{ toJSON(): unknown }>): StoredDoc[] => [...docs].map((d) => d.toJSON() as StoredDoc);

export interface LoadedHistory {
  equipment: StoredDoc;
  events: EquipmentLifecycleEvent[];
  names: Map<string, string>;
}

/**
 * Everything an instrument's history card is made of, read from this PC's database: the instrument,
 * its audit trail (indexed by record), the records under it, and its procurement chain (request,
 * RFQs and their bids, the order, the suppliers named). Null when there is no such instrument.
 */
export async function loadHistory(db: LabDatabase, equipmentId: string): Promise<LoadedHistory | null> {
  const found = await db.records.findOne(equipmentId).exec();
  if (!found || found.get('kind') !== 'equipment') return null;
  const equipment = found.toJSON() as StoredDoc;
  const data = equipment.data as Doc;
  const [auditDocs, children] = await Promise.all([
    db.audit.find({ selector: { recordId: equipmentId }, sort: [{ at: 'asc' }] }).exec(),
    db.records.find({ selector: { parentId: equipmentId } }).exec(),
  ]);
  const chainIds = [text(data.purchaseRequestId), text(data.purchaseOrderId)].filter(Boolean);
  const chain = plain((await db.records.findByIds(chainIds).exec()).values());
  const rfqs = text(data.purchaseRequestId) ? plain(await db.records.find({ selector: { parentId: text(data.purchaseRequestId), kind: 'rfq' }, sort: [...byParentOrder] }).exec()) : [];
  const bids = rfqs.length ? plain(await db.records.find({ selector: { parentId: { $in: rfqs.map((r) => r.id) }, kind: 'bid' } }).exec()) : [];
  const supplierIds = [...rfqs.flatMap((r) => ((r.data as Doc).supplierIds as string[]) ?? []), ...chain.map((r) => text((r.data as Doc).supplierId)), ...bids.map((b) => text((b.data as Doc).supplierId))].filter(Boolean);
  const suppliers = plain((await db.records.findByIds([...new Set(supplierIds)]).exec()).values());
  const records = [equipment, ...plain(children), ...chain, ...rfqs, ...bids, ...suppliers];
  const audit: AuditLike[] = auditDocs.map((d) => {
    const entry = d.toJSON() as AuditEntry;
    return { id: entry.id, at: entry.at, actorId: entry.actorId, actorName: entry.actorName, command: entry.command, operation: entry.operation, changes: entry.changes };
  });
  const personIds = records.flatMap((r) => {
    const d = r.data as Doc;
    return [d.requesterId, d.performedById, d.requestedById, d.installedById, d.custodianId, d.personId, ...(Array.isArray(d.receipts) ? (d.receipts as Doc[]).map((x) => x.receivedById) : [])].map(text);
  });
  const auditPeople = audit.flatMap((a) => a.changes.filter((c) => c.field === 'data').flatMap((c) => [text((c.old as Doc | null)?.custodianId), text((c.new as Doc | null)?.custodianId), text((c.new as Doc | null)?.installedById)]));
  const names = await personNames(db, [...personIds, ...auditPeople]);
  const events = historyCard({ equipment, audit, records, names: (id) => names.get(id) ?? id });
  return { equipment, events, names };
}
