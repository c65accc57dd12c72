import { describe, expect, it } from 'vitest';
import { orderFromQuotation, orderLinesProblem } from '../../../src-shared/crm/order-from-quotation';
import { quotationKind, type QuotationData } from '../../../src-shared/crm/quotation-kind';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { fulfilmentOf, salesOrderKind } from '../../../src-shared/crm/sales-order-kind';
import { parseData } from '../../../src-shared/records/record-data';

const lines = [{ id: 'l1', description: 'Stability study', quantity: 2, unitPriceMinor: 1500_00, discountPercent: 5, taxRatePercent: 19 }];
const quotation = (status: string, extra: Partial<QuotationData> = {}) => {
  const parsed = parseData(quotationKind, { organisationId: 'org1', opportunityId: 'opp1', ownerId: 'sam', currency: 'EUR', lines, total: { amountMinor: quotationTotals(lines, 'per_line').grossMinor, currency: 'EUR' }, validUntil: '2026-03-31', ...extra });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { id: 'Q1', status, data: parsed.value as QuotationData };
};

describe('an order from an accepted quotation', () => {
  it('copies the lines with nothing delivered, the total and the customer, and points back to the quotation', () => {
    const result = orderFromQuotation(quotation('accepted'), '2026-02-10', 'PO-778');
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ organisationId: 'org1', opportunityId: 'opp1', quotationId: 'Q1', currency: 'EUR', customerReference: 'PO-778', orderedOn: '2026-02-10', total: quotation('accepted').data.total });
    expect(result.data.lines).toEqual([{ ...quotation('accepted').data.lines[0], deliveredQuantity: 0 }]);
    // What it makes is an order the kind accepts (the total still adds up).
    expect(parseData(salesOrderKind, result.data).ok).toBe(true);
  });

  it('is refused for a quotation that is not accepted, or has an order already', () => {
    expect(orderFromQuotation(quotation('sent'), '2026-02-10')).toEqual({ ok: false, message: 'Only an accepted quotation becomes an order.' });
    expect(orderFromQuotation(quotation('accepted', { orderId: 'SO1' }), '2026-02-10')).toEqual({ ok: false, message: 'This quotation has an order already.' });
  });
});

describe('an order', () => {
  const line = { id: 'l1', description: 'x', quantity: 2, unitPriceMinor: 100, deliveredQuantity: 0 };
  it('changes only the delivered quantities of its lines', () => {
    expect(orderLinesProblem([line], [{ ...line, deliveredQuantity: 1 }])).toBeNull();
    expect(orderLinesProblem([line], [{ ...line, unitPriceMinor: 90 }])).toBe('Line 1: only the delivered quantity changes on an order.');
    expect(orderLinesProblem([line], [line, { ...line, id: 'l2' }])).toBe('Lines cannot be added to or removed from an order; make a new quotation.');
  });

  it('is fulfilled when every line is delivered in full', () => {
    expect(fulfilmentOf([{ quantity: 2, deliveredQuantity: 0 }])).toBe('none');
    expect(fulfilmentOf([{ quantity: 2, deliveredQuantity: 2 }, { quantity: 1, deliveredQuantity: 0 }])).toBe('partly');
    expect(fulfilmentOf([{ quantity: 2, deliveredQuantity: 2 }, { quantity: 1, deliveredQuantity: 1 }])).toBe('all');
  });

  it('refuses more delivered than ordered', () => {
    const order = orderFromQuotation(quotation('accepted'), '2026-02-10');
    if (!order.ok) throw new Error(order.message);
    const over = { ...order.data, lines: order.data.lines.map((l) => ({ ...l, deliveredQuantity: 3 })) };
    expect(parseData(salesOrderKind, over)).toMatchObject({ ok: false, error: { message: 'Line 1: more delivered than ordered.' } });
  });
});
