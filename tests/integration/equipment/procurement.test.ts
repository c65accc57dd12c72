import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BidMatrixView, RenderedDocument } from '../../../src-shared/equipment/equipment-views';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { value } from '../tasks/project-fixture';
import { openEquipmentWorld, type EquipmentWorld } from './equipment-world';

/** A PDF's text as a reader sees it (poppler's pdftotext), whitespace collapsed. */
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

/**
 * Buying an instrument on a real host: suppliers, a purchase request approved by its workflow,
 * an RFQ emailed to three suppliers through the outbox with its PDF, bids, the evaluators' scores
 * and the matrix, the award (a justification when it is not the top score), the purchase order and
 * the goods receipts that create the instruments.
 */
const day = 86_400_000;
let world: EquipmentWorld;
beforeAll(async () => {
  world = await openEquipmentWorld();
});
afterAll(async () => world?.close());

// It renders three PDFs (the RFQ, the order mailed, the order downloaded), CPU-bound with the
// documents' font: on a loaded 2-core machine that passed 60 s. The limit is a hang guard, not a speed check.
describe('procurement', { timeout: 240_000 }, () => {
  it('runs from the purchase request to the instruments received', async () => {
    const { pia, ben, hugo, cara, quinn } = world;
    const suppliers = [];
    for (const [name, email] of [['Sartorius', 'sales@sartorius.example'], ['Mettler Toledo', 'orders@mt.example'], ['Ohaus', '']] as const) {
      const supplier = await world.record(pia.client, 'supplier', { name, email, contactName: `${name} sales` });
      suppliers.push(await world.transition(pia.client, supplier.id, 'approved'));
    }
    expect(suppliers.map((s) => s.number)).toEqual(['SUP-0001', 'SUP-0002', 'SUP-0003']);

    const request = await world.record(ben.client, 'purchase_request', { itemName: 'Analytical balance XPR205', quantity: 2, requesterId: ben.id, justification: 'Second balance for the stability lab' });
    await world.transition(ben.client, request.id, 'submitted');
    world.moveClock(day);
    const rfqData = { purchaseRequestId: request.id, subject: 'Analytical balance, 220 g × 0.01 mg', quantity: 2, supplierIds: suppliers.map((s) => s.id), responseDue: '2026-04-20', evaluatorIds: [pia.id, quinn.id] };
    expect(await pia.client.call('records/create', { kind: 'rfq', data: rfqData })).toMatchObject({ ok: false, error: { message: expect.stringContaining('approved purchase request') } });
    expect(await ben.client.call('equipment/apply-workflow-decision', { recordId: request.id })).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringContaining('has not decided') } });
    const approved = await world.approveThroughWorkflow('EQUIPMENT_PROCUREMENT', request.id, 'purchase_request', ben, [
      { who: pia, action: 'complete' },
      { who: hugo, action: 'approve', meaning: 'approved' },
    ]);
    expect(approved.status).toBe('approved');
    world.moveClock(day);

    const rfq = await world.record(pia.client, 'rfq', rfqData);
    const sent = value(await pia.client.call<{ rfq: RecordView; emailed: number; withoutEmail: string[] }>('equipment/rfq/send', { id: rfq.id }));
    expect(sent).toMatchObject({ rfq: { status: 'sent', number: 'RFQ-2026-0001' }, emailed: 2, withoutEmail: ['Ohaus'] });
    const outbox = (await world.host.db.notifications.find({ selector: { kind: 'outbox' } }).exec()).map((d) => d.toJSON() as { data: { to: string; subject: string; attachments?: { filename: string; contentBase64: string }[] } });
    expect(outbox.map((o) => o.data.to).sort()).toEqual(['orders@mt.example', 'sales@sartorius.example']);
    expect(outbox[0]?.data.attachments?.[0]?.filename).toBe('RFQ-RFQ-2026-0001.pdf');
    expect(Buffer.from(outbox[0]!.data.attachments![0]!.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Sending again changes nothing: the RFQ is no longer a draft.
    expect(await pia.client.call('equipment/rfq/send', { id: rfq.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    world.moveClock(14 * day);
    const bid = (supplier: RecordView, amountMinor: number, deliveryDays: number) =>
      world.record(pia.client, 'bid', { rfqId: rfq.id, supplierId: supplier.id, receivedOn: '2026-04-15', price: { amountMinor, currency: 'EUR' }, deliveryDays, warrantyMonths: 24 });
    const [cheap, fast, third] = [await bid(suppliers[0]!, 1_150_000, 30), await bid(suppliers[1]!, 1_290_000, 10), await bid(suppliers[2]!, 990_000, 60)];
    expect(await pia.client.call('records/create', { kind: 'bid', data: { rfqId: rfq.id, supplierId: suppliers[0]!.id, receivedOn: '2026-04-15', price: { amountMinor: 1, currency: 'EUR' }, deliveryDays: 1 } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('has a bid on the RFQ already') } });
    await world.transition(pia.client, rfq.id, 'evaluation');

    const score = (values: Record<string, [number, number, number, number]>) => Object.entries(values).flatMap(([bidId, s]) => ['price', 'specification', 'delivery', 'warranty'].map((criterionId, i) => ({ bidId, criterionId, score: s[i] })));
    expect(await ben.client.call('records/create', { kind: 'bid_evaluation', data: { rfqId: rfq.id, evaluatorId: ben.id, scores: [] } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not an evaluator') } });
    const piaScores = await world.record(pia.client, 'bid_evaluation', { rfqId: rfq.id, evaluatorId: pia.id, scores: score({ [cheap.id]: [8, 8, 6, 7], [fast.id]: [6, 9, 9, 8], [third.id]: [9, 4, 3, 5] }) });
    await world.transition(pia.client, piaScores.id, 'submitted');
    await world.record(quinn.client, 'bid_evaluation', { rfqId: rfq.id, evaluatorId: quinn.id, scores: score({ [cheap.id]: [8, 8, 6, 7], [fast.id]: [6, 10, 9, 8], [third.id]: [9, 3, 3, 5] }) });
    const matrix = value(await pia.client.subscribe('equipment/bid-matrix', { rfqId: rfq.id }).next<BidMatrixView>());
    expect(matrix.matrix.rows.map((r) => [matrix.bids.find((b) => b.id === r.bidId)?.supplierName, r.rank])).toEqual([['Mettler Toledo', 1], ['Sartorius', 2], ['Ohaus', 3]]);
    expect(matrix).toMatchObject({ canAward: true, matrix: { isComplete: true }, mine: { status: 'submitted' } });

    expect(await pia.client.call('equipment/rfq/award', { id: rfq.id, bidId: cheap.id })).toMatchObject({ ok: false, error: { field: 'justification' } });
    const award = value(await pia.client.call<{ rfq: RecordView; purchaseOrder: RecordView }>('equipment/rfq/award', { id: rfq.id, bidId: cheap.id, justification: 'Sartorius service engineer is on site weekly; Mettler has none in our region.', taxRatePercent: 19 }));
    expect(award.rfq).toMatchObject({ status: 'awarded', data: { awardedBidId: cheap.id } });
    expect(award.purchaseOrder).toMatchObject({ kind: 'purchase_order', status: 'draft', number: 'PO-2026-0001', data: { supplierId: suppliers[0]!.id, total: { amountMinor: 2_737_000, currency: 'EUR' } } });
    const bids = await world.host.db.records.find({ selector: { kind: 'bid' } }).exec();
    expect(bids.map((b) => b.get('status')).sort()).toEqual(['awarded', 'not_awarded', 'not_awarded']);

    world.moveClock(day);
    const po = value(await pia.client.call<{ purchaseOrder: RecordView; emailed: number }>('equipment/po/send', { id: award.purchaseOrder.id }));
    expect(po).toMatchObject({ purchaseOrder: { status: 'sent' }, emailed: 1 });
    expect((await world.host.db.records.findOne(request.id).exec())?.get('status')).toBe('ordered');
    const document = value(await pia.client.subscribe('equipment/document', { kind: 'purchase_order', id: award.purchaseOrder.id }).next<RenderedDocument>());
    expect(document.fileName).toBe('PO-PO-2026-0001.pdf');
    // Printed through the shared documents mechanism: its frame and page footer, the order's supplier, lines and totals.
    const printed = pdfText(Buffer.from(document.base64, 'base64'));
    for (const part of ['Purchase order PO-2026-0001', 'Supplier', 'Total', 'Generated by Pia Procure', 'Page 1 of 1']) expect(printed).toContain(part);
    // The Print / PDF action offers the order's own template first.
    const templates = value(await pia.client.subscribe('documents/templates', { subjectType: 'records', subjectId: award.purchaseOrder.id }).next<{ id: string }[]>());
    expect(templates.map((t) => t.id)).toEqual(['purchase_order', 'record_summary']);

    expect(await cara.client.call('equipment/po/receive', { id: award.purchaseOrder.id, receivedOn: '2026-04-28', custodianId: cara.id, lines: [{ lineId: 'line-1', quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await pia.client.call('equipment/po/receive', { id: award.purchaseOrder.id, receivedOn: '2026-04-28', custodianId: cara.id, lines: [{ lineId: 'line-1', quantity: 3 }] })).toMatchObject({ ok: false, error: { field: 'lines.0.quantity', message: 'Only 2 of “Analytical balance, 220 g × 0.01 mg” are still to be received.' } });
    world.moveClock(10 * day);
    const first = value(await pia.client.call<{ purchaseOrder: RecordView; equipment: RecordView[] }>('equipment/po/receive', { id: award.purchaseOrder.id, receivedOn: '2026-04-28', deliveryNote: 'DN-1', custodianId: cara.id, location: { site: 'Main', building: 'B', room: 'Store', bench: '' }, lines: [{ lineId: 'line-1', quantity: 1, serialNumbers: ['B123'] }] }));
    expect(first.purchaseOrder.status).toBe('partly_received');
    expect(first.equipment).toEqual([expect.objectContaining({ kind: 'equipment', status: 'received', number: 'EQ-0001', ownerId: cara.id, data: expect.objectContaining({ serialNumber: 'B123', purchaseOrderId: award.purchaseOrder.id, purchaseRequestId: request.id, cost: { amountMinor: 1_368_500, currency: 'EUR' } }) })]);
    world.moveClock(7 * day);
    const second = value(await pia.client.call<{ purchaseOrder: RecordView; equipment: RecordView[] }>('equipment/po/receive', { id: award.purchaseOrder.id, receivedOn: '2026-05-05', custodianId: cara.id, lines: [{ lineId: 'line-1', quantity: 1, serialNumbers: ['B124'] }] }));
    expect(second.purchaseOrder).toMatchObject({ status: 'received', data: { receipts: [expect.objectContaining({ deliveryNote: 'DN-1' }), expect.objectContaining({ receivedOn: '2026-05-05' })] } });
    expect((await world.host.db.records.findOne(request.id).exec())?.get('status')).toBe('received');
    const history = value(await ben.client.subscribe('equipment/history', { id: first.equipment[0]!.id }).next<{ events: { title: string }[] }>());
    expect(history.events.slice(0, 5).map((e) => e.title)).toEqual([
      'Purchase request PR-2026-0001 raised',
      'RFQ-2026-0001 sent to 3 suppliers',
      'Awarded to Sartorius (BID-2026-0001)',
      'Purchase order PO-2026-0001 sent to Sartorius',
      'Received on PO-2026-0001',
    ]);
  });
});
