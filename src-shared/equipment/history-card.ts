import { equipmentStatusLabel } from './equipment-statuses';
import { locationLine } from './equipment-facts';
import { lifecycleStages, type EquipmentLifecycleEvent, type LifecycleStage } from './lifecycle-event';
import { formatMoney } from './purchase-order-totals';
import { meaningLabels, type QualificationMeaning } from './qualification-rules';

/**
 * An instrument's history card: one chronological list of everything that happened to it —
 * procurement (request, RFQ, award, order), receipt, installation, moves, qualification with its
 * signatures, calibrations, maintenance, deviations, bookings and use (summarised per month),
 * status changes and decommissioning. Built from the instrument, its audit trail and the records
 * about it; shown on its page and printed as a signed PDF. Pure.
 */
type Doc = Record<string, unknown>;

/** An audit entry of the instrument record (src-shared/audit). */
export interface AuditLike {
  id: string;
  at: string;
  actorId?: string;
  actorName: string;
  command: string;
  operation: string;
  changes: readonly { field: string; old: unknown; new: unknown }[];
}

export interface HistorySources {
  equipment: Doc;
  audit: readonly AuditLike[];
  /** Records about the instrument (parent = it) and its procurement chain (request, RFQs, bids, orders). */
  records: readonly Doc[];
  names(personId: string): string;
}

const dataOf = (doc: Doc | null | undefined): Doc => (doc?.data && typeof doc.data === 'object' ? (doc.data as Doc) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (doc: Doc) => text(doc.number);
const ref = (doc: Doc) => ({ id: text(doc.id), kind: text(doc.kind), number: num(doc) });
const named = (doc: Doc, fallback: string) => num(doc) || fallback;

type Draft = Omit<EquipmentLifecycleEvent, 'equipmentId'>;

/**
 * A thing recorded by day (a calibration, a receipt) placed at the moment it was recorded when that
 * was the same day, so a card of one busy day still reads in the order things happened.
 */
const onDay = (date: string, recordedAt: string): string => (date && recordedAt.startsWith(date) ? recordedAt : date);

function procurementEvents(equipment: Doc, records: readonly Doc[], names: HistorySources['names']): Draft[] {
  const data = dataOf(equipment);
  const byId = new Map(records.map((r) => [text(r.id), r]));
  const events: Draft[] = [];
  const request = byId.get(text(data.purchaseRequestId));
  if (request) {
    const d = dataOf(request);
    events.push({ id: `${text(request.id)}:raised`, at: text(request.createdAt), stage: 'procurement', title: `Purchase request ${named(request, '')} raised`.trim(), detail: `${text(d.itemName)} × ${String(d.quantity ?? 1)}${d.justification ? ` — ${text(d.justification)}` : ''}`, by: names(text(d.requesterId)), record: ref(request) });
  }
  for (const rfq of records.filter((r) => r.kind === 'rfq' && text(dataOf(r).purchaseRequestId) === text(data.purchaseRequestId) && text(data.purchaseRequestId))) {
    const d = dataOf(rfq);
    const suppliers = (Array.isArray(d.supplierIds) ? d.supplierIds : []).map((id) => text(byId.get(text(id))?.title) || 'a supplier');
    if (d.sentAt) events.push({ id: `${text(rfq.id)}:sent`, at: text(d.sentAt), stage: 'procurement', title: `${named(rfq, 'RFQ')} sent to ${suppliers.length} supplier${suppliers.length === 1 ? '' : 's'}`, detail: suppliers.join(', '), record: ref(rfq) });
    const bid = byId.get(text(d.awardedBidId));
    if (rfq.status === 'awarded' && bid) {
      const b = dataOf(bid);
      const price = b.price as { amountMinor?: number; currency?: string } | undefined;
      const supplier = text(byId.get(text(b.supplierId))?.title);
      events.push({ id: `${text(rfq.id)}:awarded`, at: text(rfq.updatedAt), stage: 'procurement', title: `Awarded to ${supplier || 'the supplier'} (${named(bid, 'bid')})`, detail: `${price?.amountMinor !== undefined ? formatMoney(price.amountMinor, text(price.currency)) : ''}${d.awardJustification ? ` — justification: ${text(d.awardJustification)}` : ''}`, record: ref(rfq) });
    }
  }
  const order = byId.get(text(data.purchaseOrderId));
  if (order) {
    const d = dataOf(order);
    const total = d.total as { amountMinor?: number; currency?: string } | undefined;
    const supplier = text(byId.get(text(d.supplierId))?.title);
    if (d.sentAt) events.push({ id: `${text(order.id)}:sent`, at: text(d.sentAt), stage: 'procurement', title: `Purchase order ${named(order, '')} sent to ${supplier || 'the supplier'}`, detail: total?.amountMinor !== undefined ? `Total ${formatMoney(total.amountMinor, text(total.currency))}` : '', record: ref(order) });
    const receipts = Array.isArray(d.receipts) ? (d.receipts as Doc[]) : [];
    for (const receipt of receipts.filter((r) => Array.isArray(r.equipmentIds) && (r.equipmentIds as string[]).includes(text(equipment.id)))) {
      events.push({ id: `${text(order.id)}:receipt:${text(receipt.id)}`, at: onDay(text(receipt.receivedOn), text(equipment.createdAt)), stage: 'receipt', title: `Received on ${named(order, 'the order')}`, detail: receipt.deliveryNote ? `Delivery note ${text(receipt.deliveryNote)}` : '', by: names(text(receipt.receivedById)), record: ref(order) });
    }
  }
  return events;
}

const stageOfStatus = (status: string): LifecycleStage =>
  status === 'installed' ? 'installation' : status === 'decommissioned' || status === 'disposed' ? 'decommissioning' : status === 'received' ? 'receipt' : 'status';

function auditEvents(equipment: Doc, audit: readonly AuditLike[], names: HistorySources['names']): Draft[] {
  const events: Draft[] = [];
  for (const entry of audit) {
    const change = (field: string) => entry.changes.find((c) => c.field === field);
    if (entry.operation === 'insert') events.push({ id: `${entry.id}:created`, at: entry.at, stage: 'change', title: `Registered${num(equipment) ? ` as ${num(equipment)}` : ''}`, detail: '', by: entry.actorName });
    const status = change('status');
    if (status && entry.operation !== 'insert') {
      events.push({ id: `${entry.id}:status`, at: entry.at, stage: stageOfStatus(text(status.new)), title: `${equipmentStatusLabel(text(status.old))} → ${equipmentStatusLabel(text(status.new))}`, detail: '', by: entry.actorName });
    }
    const data = change('data');
    if (!data || entry.operation === 'insert') continue;
    const before = (data.old ?? {}) as Doc;
    const after = (data.new ?? {}) as Doc;
    const [from, to] = [locationLine(before.location), locationLine(after.location)];
    if (from !== to) events.push({ id: `${entry.id}:move`, at: entry.at, stage: 'move', title: `Moved to ${to || 'no location'}`, detail: `From ${from || 'no location'}`, by: entry.actorName });
    if (text(before.custodianId) !== text(after.custodianId)) events.push({ id: `${entry.id}:custodian`, at: entry.at, stage: 'change', title: `Custodian: ${names(text(after.custodianId))}`, detail: `Was ${names(text(before.custodianId))}`, by: entry.actorName });
    if (!before.installedOn && after.installedOn) {
      const checklist = Array.isArray(after.siteChecklist) ? (after.siteChecklist as Doc[]) : [];
      events.push({ id: `${entry.id}:installed`, at: onDay(text(after.installedOn), entry.at), stage: 'installation', title: `Installed by ${names(text(after.installedById))}`, detail: `${locationLine(after.location)}${checklist.length ? ` · site requirements ${checklist.filter((c) => c.isMet === true).length} of ${checklist.length} met` : ''}`, by: entry.actorName });
    }
  }
  return events;
}

function childEvents(records: readonly Doc[], equipmentId: string, names: HistorySources['names']): Draft[] {
  const events: Draft[] = [];
  for (const r of records.filter((doc) => text(doc.parentId) === equipmentId)) {
    const d = dataOf(r);
    const id = text(r.id);
    switch (r.kind) {
      case 'calibration': {
        const by = d.provider === 'external' ? text(d.performedByName) : names(text(d.performedById));
        const asFound = d.asFoundResult === 'fail' ? 'out of tolerance as found' : d.asFoundResult === 'pass' ? 'in tolerance as found' : 'as found not measured';
        events.push({ id, at: onDay(text(d.performedOn), text(r.createdAt)), stage: 'calibration', title: `Calibration ${named(r, '')} ${d.result === 'pass' ? 'passed' : 'failed'}${r.status === 'voided' ? ' (voided)' : ''}`, detail: `${asFound}${d.certificateNumber ? ` · certificate ${text(d.certificateNumber)}` : ''}`, by, record: ref(r) });
        break;
      }
      case 'qualification': {
        events.push({ id: `${id}:started`, at: text(r.createdAt), stage: 'qualification', title: `${text(d.stage)} started: ${text(d.protocolTitle)}`, detail: named(r, ''), record: ref(r) });
        const steps = Array.isArray(d.steps) ? (d.steps as Doc[]) : [];
        for (const s of (Array.isArray(d.signatures) ? (d.signatures as Doc[]) : [])) {
          const meaning = text(s.meaning) as QualificationMeaning;
          const failed = steps.filter((step) => step.result === 'fail').length;
          events.push({
            id: `${id}:${meaning}:${text(s.at)}`,
            at: text(s.at),
            stage: 'qualification',
            title: `${text(d.stage)} ${meaning}`,
            detail: meaning === 'executed' ? `${steps.filter((step) => step.result === 'pass').length} passed, ${failed} failed, ${steps.filter((step) => step.result === 'na').length} not applicable` : named(r, ''),
            by: text(s.name),
            record: ref(r),
            signatures: [{ meaning: meaningLabels[meaning] ?? meaning, name: text(s.name), at: text(s.at) }],
          });
        }
        break;
      }
      case 'work_order': {
        events.push({ id: `${id}:opened`, at: text(r.createdAt), stage: 'maintenance', title: `${d.type === 'preventive' ? 'Preventive maintenance' : 'Fault reported'}: ${text(d.summary)}`, detail: `${named(r, '')}${d.faultDescription ? ` — ${text(d.faultDescription)}` : ''}`, record: ref(r) });
        if (r.status === 'verified' || r.status === 'repaired') {
          events.push({ id: `${id}:done`, at: onDay(text(d.completedOn), text(r.updatedAt)) || text(r.updatedAt), stage: 'maintenance', title: `${named(r, 'Work order')} ${r.status === 'verified' ? 'done and verified' : 'done'}`, detail: text(d.repairDescription), record: ref(r) });
        }
        break;
      }
      case 'deviation':
        events.push({ id: `${id}:opened`, at: text(r.createdAt), stage: 'deviation', title: `Deviation ${named(r, '')} opened: ${text(d.title)}`, detail: Array.isArray(d.impacts) && d.impacts.length ? `${d.impacts.length} uses to assess` : text(d.description), record: ref(r) });
        if (r.status === 'closed') events.push({ id: `${id}:closed`, at: onDay(text(d.closedOn), text(r.updatedAt)) || text(r.updatedAt), stage: 'deviation', title: `Deviation ${named(r, '')} closed`, detail: text(d.correctiveAction), record: ref(r) });
        break;
      case 'decommissioning':
        events.push({ id: `${id}:requested`, at: text(r.createdAt), stage: 'decommissioning', title: `Decommissioning requested (${named(r, '')})`, detail: text(d.reason), by: names(text(d.requestedById)), record: ref(r) });
        if (d.bookingsCancelledAt) events.push({ id: `${id}:checks`, at: text(d.bookingsCancelledAt), stage: 'decommissioning', title: 'Open bookings cancelled, data archived', detail: text(d.dataArchiveLocation), record: ref(r) });
        break;
      case 'calibration_plan':
      case 'maintenance_plan':
        events.push({ id, at: text(r.createdAt), stage: r.kind === 'calibration_plan' ? 'calibration' : 'maintenance', title: `${r.kind === 'calibration_plan' ? 'Calibration' : 'Maintenance'} plan ${named(r, '')}: ${text(r.title)}`, detail: '', record: ref(r) });
        break;
    }
  }
  return events;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Bookings and uses, one line per month: how many, by how many people, how many hours; placed at the month's last one. */
function summaries(records: readonly Doc[], equipmentId: string): Draft[] {
  const months = new Map<string, { stage: 'booking' | 'usage'; count: number; people: Set<string>; hours: number; last: string }>();
  for (const r of records) {
    if (text(r.parentId) !== equipmentId) continue;
    const d = dataOf(r);
    const isBooking = r.kind === 'booking' && r.status === 'booked';
    const isUse = r.kind === 'usage_log' && r.status === 'logged';
    if (!isBooking && !isUse) continue;
    const from = text(isBooking ? d.start : d.startedAt);
    const to = text(isBooking ? d.end : d.endedAt) || from;
    const key = `${isBooking ? 'booking' : 'usage'}|${from.slice(0, 7)}`;
    const entry = months.get(key) ?? { stage: isBooking ? 'booking' : 'usage', count: 0, people: new Set<string>(), hours: 0, last: '' };
    entry.count += 1;
    entry.people.add(text(d.personId));
    entry.hours += Math.max(0, (Date.parse(to) - Date.parse(from)) / 3_600_000) || 0;
    if (to > entry.last) entry.last = to;
    months.set(key, entry);
  }
  return [...months].map(([key, m]) => {
    const [year, monthNo] = (key.split('|')[1] ?? '').split('-').map(Number) as [number, number];
    const month = `${MONTHS[monthNo - 1] ?? ''} ${year}`;
    const what = m.stage === 'booking' ? 'booking' : 'use';
    return { id: `${equipmentId}:${key}`, at: m.last, stage: m.stage, title: `${m.count} ${what}${m.count === 1 ? '' : 's'} in ${month}`, detail: `by ${m.people.size} ${m.people.size === 1 ? 'person' : 'people'}, ${Math.round(m.hours * 10) / 10} h` };
  });
}

/** The history card of an instrument, oldest first. */
export function historyCard(sources: HistorySources): EquipmentLifecycleEvent[] {
  const equipmentId = text(sources.equipment.id);
  const drafts = [
    ...procurementEvents(sources.equipment, sources.records, sources.names),
    ...auditEvents(sources.equipment, sources.audit, sources.names),
    ...childEvents(sources.records, equipmentId, sources.names),
    ...summaries(sources.records, equipmentId),
  ];
  return drafts
    .filter((e) => e.at)
    .map((e) => ({ ...e, equipmentId }))
    // Things done in one step (a receipt registering instruments) read in the order of a life.
    .sort((a, b) => a.at.localeCompare(b.at) || lifecycleStages.indexOf(a.stage) - lifecycleStages.indexOf(b.stage) || a.id.localeCompare(b.id));
}
