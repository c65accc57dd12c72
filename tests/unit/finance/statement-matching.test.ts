import { describe, expect, it } from 'vitest';
import { guessStatementColumns, readStatement, suggestMatches, type MatchableInvoice } from '../../../src-shared/finance/statement-matching';

const invoice = (id: string, number: string, outstandingMinor: number, customerName = 'Kemi AB', currency = 'EUR'): MatchableInvoice => ({ id, number, customerId: `c-${customerName}`, customerName, currency, outstandingMinor, dueOn: '2026-05-01' });

describe('reading a bank statement', () => {
  it('reads the mapped columns, day-first dates, signed amounts with a decimal comma, and names lines it cannot read', () => {
    const csv = 'Buchungstag;Betrag;Verwendungszweck;Auftraggeber\r\n04.05.2026;1.190,00;INV-2026-0001;Kemi AB\r\n2026-05-05;-250,5;Rent;Landlord\r\nsoon;10;x;y\r\n06.05.2026;12,345;x;y\r\n';
    const { lines, problems } = readStatement(csv, { bookedOn: 0, amount: 1, reference: 2, counterparty: 3 }, 'EUR');
    expect(lines.map((l) => [l.bookedOn, l.amountMinor, l.reference, l.counterparty])).toEqual([['2026-05-04', 119_000, 'INV-2026-0001', 'Kemi AB'], ['2026-05-05', -25_050, 'Rent', 'Landlord']]);
    expect(problems).toEqual([{ line: 4, message: 'The booking date is not a date.' }, { line: 5, message: 'At most 2 decimals in EUR.' }]);
  });
});

describe('suggesting matches', () => {
  const open = [invoice('i1', 'INV-2026-0001', 119_000), invoice('i2', 'INV-2026-0002', 50_000), invoice('i3', 'INV-2026-0003', 50_000, 'Brno Bio'), invoice('i4', 'INV-2026-0004', 7_000, 'Kemi AB', 'USD')];
  const line = (key: string, amountMinor: number, reference: string, counterparty = '', currency = 'EUR') => ({ key, line: 2, bookedOn: '2026-05-04', amountMinor, currency, reference, counterparty });

  it('puts an invoice named in the reference with the exact amount first', () => {
    expect(suggestMatches([line('a', 119_000, 'Payment inv 2026 0001, thanks')], open).get('a')).toEqual([{ invoiceId: 'i1', customerId: 'c-Kemi AB', reason: 'reference_and_amount', amountMinor: 119_000 }]);
  });

  it('suggests the named invoice for a part payment, allocating only what was paid', () => {
    expect(suggestMatches([line('a', 20_000, 'INV-2026-0001')], open).get('a')).toEqual([{ invoiceId: 'i1', customerId: 'c-Kemi AB', reason: 'reference', amountMinor: 20_000 }]);
  });

  it('falls back to invoices owing exactly the amount, the payer’s own first, never in another currency', () => {
    expect(suggestMatches([line('a', 50_000, 'Transfer', 'BRNO BIO')], open).get('a')?.map((s) => [s.invoiceId, s.reason])).toEqual([['i3', 'amount'], ['i2', 'amount']]);
    expect(suggestMatches([line('a', 7_000, 'INV-2026-0004')], open).get('a')).toEqual([]);
  });

  it('leaves money out and settled invoices alone', () => {
    const result = suggestMatches([line('out', -119_000, 'INV-2026-0001'), line('b', 5, 'INV-2026-0009')], [...open, invoice('i9', 'INV-2026-0009', 0)]);
    expect(result.has('out')).toBe(false);
    expect(result.get('b')).toEqual([]);
  });
});

describe('guessing the statement columns from the headers', () => {
  it('finds each field in an English and a German bank export, a column at most once', () => {
    expect(guessStatementColumns(['Booked on', 'Payer', 'Details', 'Amount'])).toEqual({ bookedOn: 0, counterparty: 1, reference: 2, amount: 3 });
    expect(guessStatementColumns(['Buchungstag', 'Auftraggeber/Empfänger', 'Verwendungszweck', 'Betrag (EUR)'])).toEqual({ bookedOn: 0, counterparty: 1, reference: 2, amount: 3 });
  });

  it('leaves a field unmapped when no header names it', () => {
    expect(guessStatementColumns(['Date', 'Value'])).toEqual({ bookedOn: 0 });
  });
});
