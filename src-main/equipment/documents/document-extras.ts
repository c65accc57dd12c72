import { createHash } from 'node:crypto';
import type { DocumentData } from '../../documents/document-template';
import type { LabDatabase } from '../../database/open-database';
import type { EquipmentLifecycleEvent } from '../../../src-shared/equipment/lifecycle-event';
import type { PurchaseOrderData } from '../../../src-shared/equipment/purchase-order-kind';
import type { RfqData } from '../../../src-shared/equipment/rfq-kind';
import type { SupplierData } from '../../../src-shared/equipment/supplier-kind';
import { loadHistory } from '../history-source';

/**
 * What the equipment documents print beyond their record and the records under it, read in the
 * host before the template renders (src-main/documents/templates/: rfq, purchase-order,
 * equipment-history-card): suppliers by name, the request an RFQ answers, and an instrument's
 * whole history card (its audit trail and procurement chain).
 */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

async function recordData(db: LabDatabase, id: string, kind: string): Promise<{ number: string; data: Record<string, unknown> } | null> {
  const doc = id ? await db.records.findOne(id).exec() : null;
  return doc && doc.get('kind') === kind ? { number: text(doc.get('number')), data: doc.get('data') as Record<string, unknown> } : null;
}

export interface RfqExtra {
  suppliers: string[];
  purchaseRequestNumber: string;
}

export async function loadRfqExtra(db: LabDatabase, data: DocumentData): Promise<RfqExtra> {
  const rfq = (data.subject.record?.data ?? {}) as Partial<RfqData>;
  const suppliers = await db.records.findByIds([...(rfq.supplierIds ?? [])]).exec();
  const request = await recordData(db, rfq.purchaseRequestId ?? '', 'purchase_request');
  return { suppliers: (rfq.supplierIds ?? []).map((id) => text(suppliers.get(id)?.get('title')) || 'Supplier'), purchaseRequestNumber: request?.number ?? '' };
}

export interface PurchaseOrderExtra {
  supplier: { name: string; address: string; contact: string };
}

export async function loadPurchaseOrderExtra(db: LabDatabase, data: DocumentData): Promise<PurchaseOrderExtra> {
  const order = (data.subject.record?.data ?? {}) as Partial<PurchaseOrderData>;
  const supplier = (await recordData(db, order.supplierId ?? '', 'supplier'))?.data as Partial<SupplierData> | undefined;
  return { supplier: { name: supplier?.name ?? 'Supplier', address: supplier?.address ?? '', contact: [supplier?.contactName, supplier?.email].filter(Boolean).join(' · ') } };
}

export interface HistoryCardExtra {
  events: EquipmentLifecycleEvent[];
  custodianName: string;
  /** Lets a reader check that two printouts show the same history. */
  fingerprint: string;
}

export async function loadHistoryCardExtra(db: LabDatabase, data: DocumentData): Promise<HistoryCardExtra> {
  const history = await loadHistory(db, data.subject.id);
  const events = history?.events ?? [];
  const custodianId = text(history?.equipment.data.custodianId);
  return { events, custodianName: history?.names.get(custodianId) ?? '', fingerprint: createHash('sha256').update(JSON.stringify(events)).digest('hex').slice(0, 16) };
}
