import { describe, expect, it } from 'vitest';
import { customerAccount, type InvoiceDoc, type PaymentDoc } from '../../../src-shared/crm/customer-account';

const invoice = (id: string, status: string, currency: string, amountMinor: number, extra: Partial<InvoiceDoc['data']> = {}): InvoiceDoc => ({ id, number: status === 'draft' ? '' : `INV-${id}`, status, data: { currency, total: { amountMinor }, issuedOn: '2026-05-01', dueOn: '2026-05-31', ...extra } });
const payment = (id: string, currency: string, allocations: { invoiceId: string; amountMinor: number }[], status = 'recorded'): PaymentDoc => ({ id, number: `PAY-${id}`, status, data: { amount: { amountMinor: allocations.reduce((s, a) => s + a.amountMinor, 0) + 1, currency }, paidOn: '2026-05-10', allocations } });

describe('a customer’s account', () => {
  const invoices = [invoice('1', 'partly_paid', 'EUR', 100_00, { salesOrderId: 'SO1' }), invoice('2', 'issued', 'EUR', 50_00), invoice('3', 'issued', 'CHF', 70_00), invoice('4', 'draft', 'EUR', 999_00, { issuedOn: undefined, dueOn: undefined }), invoice('5', 'cancelled', 'EUR', 10_00)];
  const payments = [payment('a', 'EUR', [{ invoiceId: '1', amountMinor: 40_00 }, { invoiceId: 'elsewhere', amountMinor: 5_00 }]), payment('v', 'EUR', [{ invoiceId: '2', amountMinor: 50_00 }], 'voided')];
  const creditNotes = [{ id: 'c', number: 'CN-1', status: 'issued', data: { invoiceId: '1', total: { amountMinor: 10_00 } } }];

  it('keeps what is open per currency, never adding francs to euros; drafts owe nothing yet, cancelled and voided count for nothing', () => {
    const account = customerAccount({ invoices, payments, creditNotes, today: '2026-05-20' });
    expect(account.open).toEqual([
      { currency: 'CHF', invoicedMinor: 70_00, paidMinor: 0, creditedMinor: 0, outstandingMinor: 70_00 },
      { currency: 'EUR', invoicedMinor: 150_00, paidMinor: 40_00, creditedMinor: 10_00, outstandingMinor: 100_00 },
    ]);
    expect(account.invoices.map((i) => i.id).sort()).toEqual(['1', '2', '3', '4']);
    expect(account.invoices.find((i) => i.id === '4')).toMatchObject({ standing: 'draft', outstandingMinor: 0 });
    // Only what a payment allocates to these invoices is shown against them.
    expect(account.payments).toEqual([expect.objectContaining({ id: 'a', allocatedMinor: 40_00, invoiceNumbers: ['INV-1'] })]);
  });

  it('says overdue once the due date has passed with money owed', () => {
    expect(customerAccount({ invoices, payments, creditNotes, today: '2026-06-01' }).invoices.find((i) => i.id === '2')?.standing).toBe('overdue');
    expect(customerAccount({ invoices, payments, creditNotes, today: '2026-05-31' }).invoices.find((i) => i.id === '2')?.standing).toBe('issued');
  });

  it('narrows to one sales order’s invoices', () => {
    const order = customerAccount({ invoices, payments, creditNotes, today: '2026-05-20', salesOrderId: 'SO1' });
    expect(order.invoices.map((i) => i.id)).toEqual(['1']);
    expect(order.open).toEqual([{ currency: 'EUR', invoicedMinor: 100_00, paidMinor: 40_00, creditedMinor: 10_00, outstandingMinor: 50_00 }]);
  });
});
