import { fail, ok } from '../../src-shared/core/result';
import { evaluationMatrix, needsAwardJustification, type Score } from '../../src-shared/equipment/bid-evaluation';
import { bidKind, type BidData } from '../../src-shared/equipment/bid-kind';
import { purchaseOrderKind } from '../../src-shared/equipment/purchase-order-kind';
import { orderTotals } from '../../src-shared/equipment/purchase-order-totals';
import { rfqKind, type RfqData } from '../../src-shared/equipment/rfq-kind';
import { supplierKind, type SupplierData } from '../../src-shared/equipment/supplier-kind';
import { availableTransitions } from '../../src-shared/records/record-rules';
import type { CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { renderEquipmentDocument } from './documents/render-equipment-document';
import { changeRecord, childrenOf, createRecord, recordOf, reread } from '../records/module-records';
import { receiveGoods } from './goods-receipt';
import { advanceRequest } from './request-progress';
import { queueSupplierEmail } from './supplier-email';

type Names = 'equipment/rfq/send' | 'equipment/rfq/award' | 'equipment/po/send' | 'equipment/po/receive';

/**
 * Procurement: an RFQ goes to its (approved) suppliers as a PDF by email through the outbox; the
 * award marks the bids and makes the purchase order (a justification when the bid is not the top
 * score: checked here before anything is written, and by the RFQ's invariant on host and server);
 * the order goes to its supplier the same way; goods receipts create the instruments.
 */
export const procurementCommandHandlers: CommandHandlers<Names> = {
  async 'equipment/rfq/send'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const rfq = await recordOf(context.db, rfqKind, input.id, actor);
    if (rfq.error) return rfq.error;
    if (rfq.value.status !== 'draft') return fail('invalid_state', `${rfq.value.number} has been sent already.`);
    const data = rfq.value.data as RfqData;
    const suppliers = [];
    for (const supplierId of data.supplierIds) {
      const supplier = await recordOf(context.db, supplierKind, supplierId, actor);
      if (supplier.error) return fail('invalid_input', 'One of the suppliers no longer exists; choose the suppliers again.', { field: 'data.supplierIds' });
      if (supplier.value.status !== 'approved') return fail('invalid_state', `${(supplier.value.data as SupplierData).name} is not an approved supplier yet.`, { field: 'data.supplierIds' });
      suppliers.push({ id: supplier.value.id, data: supplier.value.data as SupplierData });
    }
    const sent = await changeRecord(context, rfqKind, actor, rfq.value, { status: 'sent', data: { sentAt: context.clock().toISOString() } });
    if (!sent.ok) return sent;
    const document = await renderEquipmentDocument(context.db, 'rfq', rfq.value.id, context.actor.id, context.clock());
    if (!document.ok) return document;
    const withoutEmail: string[] = [];
    let emailed = 0;
    for (const supplier of suppliers) {
      const text = `Please find attached our request for quotation ${sent.value.number}: ${data.subject} (quantity ${data.quantity}).\n\nWe would be glad to receive your bid by ${data.responseDue}.`;
      const queued = await queueSupplierEmail(context, { supplier, subject: `Request for quotation ${sent.value.number}: ${data.subject}`, text, document: document.value, key: `rfq:${rfq.value.id}` });
      if (queued) emailed += 1;
      else withoutEmail.push(supplier.data.name);
    }
    return ok({ rfq: sent.value, emailed, withoutEmail });
  },

  async 'equipment/rfq/award'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const rfq = await recordOf(context.db, rfqKind, input.id, actor);
    if (rfq.error) return rfq.error;
    if (rfq.value.status !== 'evaluation') return fail('invalid_state', 'Close the bidding first: an RFQ is awarded from its evaluation.');
    // Checked before the order is made: only a procurement manager awards.
    if (!availableTransitions(rfqKind, actor, rfq.value).some((t) => t.to === 'awarded')) return fail('forbidden', 'Only a procurement manager can award an RFQ.');
    const data = rfq.value.data as RfqData;
    const bids = (await childrenOf(context.db, 'bid', rfq.value.id)).filter((b) => b.status !== 'withdrawn');
    const bid = bids.find((b) => b.id === input.bidId);
    if (!bid) return fail('invalid_input', 'Choose one of the bids received for this RFQ.', { field: 'bidId' });
    const evaluations = (await childrenOf(context.db, 'bid_evaluation', rfq.value.id)).map((e) => ({ evaluatorId: e.personId, scores: ((e.data as { scores?: Score[] }).scores ?? []) }));
    const matrix = evaluationMatrix(data.criteria, bids.map((b) => b.id), evaluations);
    if (needsAwardJustification(matrix, bid.id) && input.justification.length < 20) {
      return fail('invalid_input', 'This bid is not the top score of the evaluation: write why it is awarded (at least 20 characters).', { field: 'justification' });
    }
    const offer = bid.data as BidData;
    // The request's project pays for what it asked for: the order is charged to its equipment budget
    // (procurement may charge another category or project before or after sending).
    const request = data.purchaseRequestId ? await context.db.records.findOne(data.purchaseRequestId).exec() : null;
    const requestedFor = (request?.get('data') as { projectId?: string } | undefined)?.projectId;
    const projectId = requestedFor && (await context.db.projects.findOne(requestedFor).exec()) ? requestedFor : undefined;
    const line = { id: 'line-1', description: data.subject, quantity: data.quantity, unitPriceMinor: offer.price.amountMinor, taxRatePercent: input.taxRatePercent, receivedQuantity: 0, isEquipment: true };
    const order = await createRecord(context, purchaseOrderKind, actor, {
      supplierId: offer.supplierId,
      purchaseRequestId: data.purchaseRequestId,
      rfqId: rfq.value.id,
      bidId: bid.id,
      ...(projectId ? { projectId, budgetCategory: 'equipment' as const } : {}),
      currency: offer.price.currency,
      lines: [line],
      total: { amountMinor: orderTotals([line]).grossMinor, currency: offer.price.currency },
      deliveryAddress: data.deliveryAddress,
    });
    if (!order.ok) return order;
    const awarded = await changeRecord(context, rfqKind, actor, rfq.value, { status: 'awarded', data: { awardedBidId: bid.id, awardJustification: input.justification, purchaseOrderId: order.value.id } });
    if (!awarded.ok) return awarded;
    for (const other of bids) {
      if (other.status !== 'received') continue;
      const marked = await changeRecord(context, bidKind, actor, await reread(context.db, other.id), { status: other.id === bid.id ? 'awarded' : 'not_awarded' });
      if (!marked.ok) return marked;
    }
    return ok({ rfq: awarded.value, purchaseOrder: order.value });
  },

  async 'equipment/po/send'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const order = await recordOf(context.db, purchaseOrderKind, input.id, actor);
    if (order.error) return order.error;
    if (order.value.status !== 'draft') return fail('invalid_state', `${order.value.number} has been sent already.`);
    const data = order.value.data as { supplierId: string; purchaseRequestId?: string };
    const supplier = await recordOf(context.db, supplierKind, data.supplierId, actor);
    if (supplier.error) return fail('invalid_input', 'The order’s supplier no longer exists.', { field: 'data.supplierId' });
    const sent = await changeRecord(context, purchaseOrderKind, actor, order.value, { status: 'sent', data: { sentAt: context.clock().toISOString() } });
    if (!sent.ok) return sent;
    await advanceRequest(context, actor, data.purchaseRequestId, 'approved', 'ordered');
    const document = await renderEquipmentDocument(context.db, 'purchase_order', order.value.id, context.actor.id, context.clock());
    if (!document.ok) return document;
    const supplierData = supplier.value.data as SupplierData;
    const text = `Please find attached our purchase order ${sent.value.number}.\n\nKindly acknowledge it and quote its number on the delivery note and invoice.`;
    const queued = await queueSupplierEmail(context, { supplier: { id: supplier.value.id, data: supplierData }, subject: `Purchase order ${sent.value.number}`, text, document: document.value, key: `po:${order.value.id}` });
    return ok({ purchaseOrder: sent.value, emailed: queued ? 1 : 0, withoutEmail: queued ? [] : [supplierData.name] });
  },

  'equipment/po/receive': (input, context) => receiveGoods(input, context),
};
