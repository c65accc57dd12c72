import { describe, expect, it } from 'vitest';
import { invoiceKind } from '../../../src-shared/finance/invoice-kind';
import { availableTransitions } from '../../../src-shared/records/record-rules';

const fay = { id: 'fay', roles: ['finance'], isActive: true };
const invoice = (status: string) => ({ id: 'i1', kind: 'invoice', status, data: {} });

describe('the moves an invoice offers', () => {
  it('never offers the payment states as buttons: they follow the payments (a paid invoice offered "Mark as partly paid")', () => {
    expect(availableTransitions(invoiceKind, fay, invoice('paid') as never)).toEqual([]);
    expect(availableTransitions(invoiceKind, fay, invoice('issued') as never).map((t) => t.to)).toEqual([]);
    expect(availableTransitions(invoiceKind, fay, invoice('draft') as never).map((t) => t.to).sort()).toEqual(['cancelled', 'issued']);
  });
});
