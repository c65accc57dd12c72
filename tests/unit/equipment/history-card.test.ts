import { describe, expect, it } from 'vitest';
import { historyCard, type AuditLike } from '../../../src-shared/equipment/history-card';

type Doc = Record<string, unknown>;
const names: Record<string, string> = { cara: 'Cara Custodian', ben: 'Ben Bench', pia: 'Pia Procure', quinn: 'Quinn QA' };
const rec = (kind: string, id: string, status: string, data: Doc, fields: Doc = {}): Doc => ({ id, kind, status, number: '', title: id, parentId: '', createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-01T09:00:00.000Z', data, ...fields });

const equipment = rec('equipment', 'EQ1', 'in_service', { name: 'Balance', custodianId: 'cara', purchaseRequestId: 'PR1', purchaseOrderId: 'PO1', location: { site: 'Main', building: 'B', room: '2.14', bench: '' } }, { number: 'EQ-0001' });
const audit: AuditLike[] = [
  { id: 'a1', at: '2026-02-10T10:00:00.000Z', actorName: 'Pia Procure', command: 'equipment/po/receive', operation: 'insert', changes: [] },
  { id: 'a2', at: '2026-02-10T10:00:01.000Z', actorName: 'Pia Procure', command: 'equipment/po/receive', operation: 'update', changes: [{ field: 'status', old: 'ordered', new: 'received' }] },
  {
    id: 'a3', at: '2026-02-12T08:00:00.000Z', actorName: 'Cara Custodian', command: 'equipment/install', operation: 'update',
    changes: [
      { field: 'status', old: 'received', new: 'installed' },
      { field: 'data', old: { custodianId: 'cara', location: { site: 'Main', room: 'Store' } }, new: { custodianId: 'cara', installedOn: '2026-02-12', installedById: 'cara', siteChecklist: [{ isMet: true }, { isMet: false }], location: { site: 'Main', building: 'B', room: '2.14' } } },
    ],
  },
  { id: 'a4', at: '2026-03-01T08:00:00.000Z', actorName: 'Quinn QA', command: 'records/transition', operation: 'update', changes: [{ field: 'status', old: 'in_qualification', new: 'in_service' }] },
];
const records: Doc[] = [
  equipment,
  rec('purchase_request', 'PR1', 'received', { itemName: 'Balance', quantity: 1, requesterId: 'ben' }, { number: 'PR-2026-0001', createdAt: '2026-01-05T09:00:00.000Z' }),
  rec('supplier', 'S1', 'approved', {}, { title: 'Sartorius' }),
  rec('rfq', 'R1', 'awarded', { purchaseRequestId: 'PR1', supplierIds: ['S1'], sentAt: '2026-01-10T09:00:00.000Z', awardedBidId: 'B1', awardJustification: '' }, { number: 'RFQ-2026-0001', updatedAt: '2026-01-20T09:00:00.000Z' }),
  rec('bid', 'B1', 'awarded', { supplierId: 'S1', price: { amountMinor: 450_000, currency: 'EUR' } }, { number: 'BID-2026-0001' }),
  rec('purchase_order', 'PO1', 'received', { supplierId: 'S1', sentAt: '2026-01-21T09:00:00.000Z', total: { amountMinor: 535_500, currency: 'EUR' }, receipts: [{ id: 'r1', receivedOn: '2026-02-10', receivedById: 'pia', equipmentIds: ['EQ1'], deliveryNote: 'DN-77' }] }, { number: 'PO-2026-0001' }),
  rec('qualification', 'Q1', 'approved', { stage: 'SAT', protocolTitle: 'Balance SAT', steps: [{ result: 'pass' }, { result: 'na' }], signatures: [{ meaning: 'executed', name: 'Cara Custodian', at: '2026-02-20T10:00:00.000Z' }, { meaning: 'approved', name: 'Quinn QA', at: '2026-02-25T10:00:00.000Z' }] }, { parentId: 'EQ1', number: 'QUAL-2026-0001', createdAt: '2026-02-15T09:00:00.000Z' }),
  rec('calibration', 'C1', 'recorded', { performedOn: '2026-03-05', result: 'pass', asFoundResult: 'fail', certificateNumber: 'CERT-9', provider: 'external', performedByName: 'Mettler Service' }, { parentId: 'EQ1', number: 'CAL-2026-0001' }),
  rec('booking', 'BK1', 'booked', { personId: 'ben', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T11:00:00.000Z' }, { parentId: 'EQ1' }),
  rec('booking', 'BK2', 'booked', { personId: 'cara', start: '2026-03-12T09:00:00.000Z', end: '2026-03-12T10:30:00.000Z' }, { parentId: 'EQ1' }),
  rec('booking', 'BK3', 'cancelled', { personId: 'cara', start: '2026-03-13T09:00:00.000Z', end: '2026-03-13T10:30:00.000Z' }, { parentId: 'EQ1' }),
];

describe('history card', () => {
  it('tells the whole life in order, from the request to the bookings, with who and the signatures', () => {
    const card = historyCard({ equipment, audit, records, names: (id) => names[id] ?? id });
    expect(card.map((e) => [e.stage, e.title])).toEqual([
      ['procurement', 'Purchase request PR-2026-0001 raised'],
      ['procurement', 'RFQ-2026-0001 sent to 1 supplier'],
      ['procurement', 'Awarded to Sartorius (BID-2026-0001)'],
      ['procurement', 'Purchase order PO-2026-0001 sent to Sartorius'],
      ['receipt', 'Received on PO-2026-0001'],
      ['change', 'Registered as EQ-0001'],
      ['receipt', 'Ordered → Received'],
      ['installation', 'Installed by Cara Custodian'],
      ['installation', 'Received → Installed'],
      ['move', 'Moved to Main · B · 2.14'],
      ['qualification', 'SAT started: Balance SAT'],
      ['qualification', 'SAT executed'],
      ['qualification', 'SAT approved'],
      ['status', 'In qualification → In service'],
      ['calibration', 'Calibration CAL-2026-0001 passed'],
      ['booking', '2 bookings in March 2026'],
    ]);
    const byTitle = (title: string) => card.find((e) => e.title === title);
    expect(byTitle('Installed by Cara Custodian')?.detail).toBe('Main · B · 2.14 · site requirements 1 of 2 met');
    expect(byTitle('SAT approved')?.signatures).toEqual([{ meaning: 'Approved by', name: 'Quinn QA', at: '2026-02-25T10:00:00.000Z' }]);
    expect(byTitle('2 bookings in March 2026')?.detail).toBe('by 2 people, 3.5 h');
    expect(byTitle('Calibration CAL-2026-0001 passed')).toMatchObject({ detail: 'out of tolerance as found · certificate CERT-9', by: 'Mettler Service' });
    expect(byTitle('Awarded to Sartorius (BID-2026-0001)')?.detail).toBe('4,500.00 EUR');
    expect(new Set(card.map((e) => e.id)).size).toBe(card.length);
  });
});
