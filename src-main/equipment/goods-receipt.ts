import { fail, ok, type Result } from '../../src-shared/core/result';
import type { ParsedInputOf } from '../../src-shared/bridge/define';
import type { Contract } from '../../src-shared/bridge/contract';
import { equipmentKind } from '../../src-shared/equipment/equipment-kind';
import { purchaseOrderKind, type PurchaseOrderData } from '../../src-shared/equipment/purchase-order-kind';
import { receiptState, taxOf } from '../../src-shared/equipment/purchase-order-totals';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { CommandContext } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { changeRecord, createRecord, recordOf, reread } from '../records/module-records';
import { advanceRequest } from './request-progress';

type Input = ParsedInputOf<Contract['equipment/po/receive']>;

/**
 * A goods receipt: the quantities are checked against what is still open on each line before
 * anything is written; then each unit of an equipment line becomes an instrument (registered as
 * ordered on this order, then received), the receipt is added to the order with the instruments it
 * made, the order becomes partly received or received, and its request received with it.
 */
export async function receiveGoods(input: Input, context: CommandContext): Promise<Result<{ purchaseOrder: RecordView; equipment: RecordView[] }>> {
  const actor = await recordActorOf(context.db, context.actor.id);
  const order = await recordOf(context.db, purchaseOrderKind, input.id, actor);
  if (order.error) return order.error;
  if (!['sent', 'acknowledged', 'partly_received'].includes(order.value.status)) return fail('invalid_state', 'Goods are received on an order that has been sent and is not yet fully received.');
  const data = order.value.data as PurchaseOrderData;
  for (const [i, received] of input.lines.entries()) {
    const line = data.lines.find((l) => l.id === received.lineId);
    if (!line) return fail('invalid_input', 'That line is not on this order.', { field: `lines.${i}.lineId` });
    const open = line.quantity - line.receivedQuantity;
    if (received.quantity > open) return fail('invalid_input', `Only ${open} of “${line.description}” are still to be received.`, { field: `lines.${i}.quantity` });
  }
  const equipment: RecordView[] = [];
  for (const received of input.lines) {
    const line = data.lines.find((l) => l.id === received.lineId);
    if (!line?.isEquipment) continue;
    for (let unit = 0; unit < received.quantity; unit++) {
      const created = await createRecord(context, equipmentKind, actor, {
        name: line.description,
        serialNumber: received.serialNumbers[unit] ?? '',
        custodianId: input.custodianId,
        location: input.location,
        supplierId: data.supplierId,
        purchaseOrderId: order.value.id,
        ...(data.purchaseRequestId ? { purchaseRequestId: data.purchaseRequestId } : {}),
        cost: { amountMinor: line.unitPriceMinor + taxOf(line.unitPriceMinor, line.taxRatePercent), currency: data.currency },
      });
      if (!created.ok) return created;
      const arrived = await changeRecord(context, equipmentKind, actor, await reread(context.db, created.value.id), { status: 'received' });
      if (!arrived.ok) return arrived;
      equipment.push(arrived.value);
    }
  }
  const lines = data.lines.map((line) => ({ ...line, receivedQuantity: line.receivedQuantity + input.lines.filter((r) => r.lineId === line.id).reduce((n, r) => n + r.quantity, 0) }));
  const receipt = { id: context.newId(), receivedOn: input.receivedOn, receivedById: actor.id, lines: input.lines.map((r) => ({ lineId: r.lineId, quantity: r.quantity })), equipmentIds: equipment.map((e) => e.id), deliveryNote: input.deliveryNote };
  const status = receiptState(lines) === 'all' ? 'received' : 'partly_received';
  const updated = await changeRecord(context, purchaseOrderKind, actor, order.value, { status, data: { lines, receipts: [...data.receipts, receipt] } });
  if (!updated.ok) return updated;
  if (status === 'received') await advanceRequest(context, actor, data.purchaseRequestId, 'ordered', 'received');
  return ok({ purchaseOrder: updated.value, equipment });
}
