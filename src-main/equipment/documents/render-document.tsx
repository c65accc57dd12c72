import { createHash } from 'node:crypto';
import { renderToBuffer } from '@react-pdf/renderer';
import { fail, ok, type Result } from '../../../src-shared/core/result';
import { dayText } from '../../../src-shared/equipment/day-text';
import { locationLine } from '../../../src-shared/equipment/equipment-facts';
import { equipmentCategories, type EquipmentData } from '../../../src-shared/equipment/equipment-kind';
import { equipmentStatusLabel } from '../../../src-shared/equipment/equipment-statuses';
import type { RenderedDocument } from '../../../src-shared/equipment/equipment-views';
import type { PurchaseOrderData } from '../../../src-shared/equipment/purchase-order-kind';
import type { RfqData } from '../../../src-shared/equipment/rfq-kind';
import type { SupplierData } from '../../../src-shared/equipment/supplier-kind';
import type { LabDatabase } from '../../database/open-database';
import { readEmailSettings } from '../../notifications/notification-store';
import { loadHistory } from '../history-source';
import { HistoryCardDocument } from './history-card-pdf';
import { when, type Letterhead } from './pdf-parts';
import { PurchaseOrderDocument } from './purchase-order-pdf';
import { RfqDocument } from './rfq-pdf';

/**
 * Renders the equipment module's documents in the host: the RFQ and purchase order sent to
 * suppliers and the instrument's history card. The letterhead is the lab's name and address from
 * the email settings until the files work brings the organisation's letterhead.
 */
type Doc = Record<string, unknown>;
export type DocumentKind = 'rfq' | 'purchase_order' | 'history_card';

async function letterheadOf(db: LabDatabase): Promise<Letterhead> {
  const email = await readEmailSettings(db);
  const data = (email?.data ?? {}) as { fromName?: string; from?: string };
  return { organisation: data.fromName || 'LabFlow laboratory', contact: data.from ?? '' };
}

const record = async (db: LabDatabase, id: string, kind: string): Promise<Doc | null> => {
  const doc = await db.records.findOne(id).exec();
  return doc && doc.get('kind') === kind ? (doc.toJSON() as Doc) : null;
};

const base64 = async (element: Parameters<typeof renderToBuffer>[0]): Promise<string> => Buffer.from(await renderToBuffer(element)).toString('base64');
const fileName = (prefix: string, number: string) => `${prefix}-${(number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;

/** The document as a PDF, issued by `issuer` at `now`. */
export async function renderDocument(db: LabDatabase, kind: DocumentKind, id: string, issuer: string, now: Date): Promise<Result<RenderedDocument>> {
  const letterhead = await letterheadOf(db);
  const issued = `Issued by ${issuer} on ${when(now.toISOString())} with LabFlow`;
  if (kind === 'rfq') {
    const rfq = await record(db, id, 'rfq');
    if (!rfq) return fail('not_found', 'That RFQ no longer exists.');
    const data = rfq.data as RfqData;
    const suppliers = await db.records.findByIds(data.supplierIds).exec();
    const request = await record(db, data.purchaseRequestId, 'purchase_request');
    const element = <RfqDocument letterhead={letterhead} number={String(rfq.number)} data={data} suppliers={data.supplierIds.map((s) => String(suppliers.get(s)?.get('title') ?? 'Supplier'))} purchaseRequest={String(request?.number ?? '')} issued={issued} />;
    return ok({ fileName: fileName('RFQ', String(rfq.number)), contentType: 'application/pdf', base64: await base64(element) });
  }
  if (kind === 'purchase_order') {
    const order = await record(db, id, 'purchase_order');
    if (!order) return fail('not_found', 'That purchase order no longer exists.');
    const data = order.data as PurchaseOrderData;
    const supplier = await record(db, data.supplierId, 'supplier');
    const s = (supplier?.data ?? {}) as Partial<SupplierData>;
    const element = (
      <PurchaseOrderDocument
        letterhead={letterhead}
        number={String(order.number)}
        data={data}
        supplier={{ name: s.name ?? 'Supplier', address: s.address ?? '', contact: [s.contactName, s.email].filter(Boolean).join(' · ') }}
        issuedOn={dayText(data.sentAt ?? now.toISOString())}
        issued={issued}
      />
    );
    return ok({ fileName: fileName('PO', String(order.number)), contentType: 'application/pdf', base64: await base64(element) });
  }
  const history = await loadHistory(db, id);
  if (!history) return fail('not_found', 'That instrument no longer exists.');
  const data = history.equipment.data as EquipmentData;
  const label = `${history.equipment.number} ${data.name}`.trim();
  const details = [
    { label: 'Status', value: equipmentStatusLabel(history.equipment.status) },
    { label: 'Category', value: equipmentCategories.find((c) => c.value === data.category)?.label ?? data.category },
    { label: 'Manufacturer / model', value: [data.manufacturer, data.model].filter(Boolean).join(' ') },
    { label: 'Serial number', value: data.serialNumber },
    { label: 'Location', value: locationLine(data.location) },
    { label: 'Custodian', value: history.names.get(data.custodianId) ?? '' },
    { label: 'GxP impact', value: data.isGxpCritical ? 'Yes' : 'No' },
  ];
  // The fingerprint lets a reader check that two printouts show the same history.
  const fingerprint = createHash('sha256').update(JSON.stringify(history.events)).digest('hex').slice(0, 16);
  const element = <HistoryCardDocument letterhead={letterhead} label={label} details={details} events={history.events} issued={`${issued} · fingerprint ${fingerprint}`} />;
  return ok({ fileName: fileName('History-card', String(history.equipment.number)), contentType: 'application/pdf', base64: await base64(element) });
}
