import { parseCsv } from '../crm/csv-parse';
import { parseMoneyAmount } from './money';
import { isPlanDate } from '../projects/plan-dates';

/**
 * Bank statement import: a statement saved as CSV from the bank, read with the person's column
 * mapping (the CRM lead import's CSV reader), and for each money-in line the invoices it probably
 * pays — by an invoice number in the reference, by an amount equal to what an invoice still owes,
 * best when both agree. Nothing is recorded here: a person confirms each suggestion, which records a
 * payment (finance/payments/record). Pure.
 */

export const statementFields = ['bookedOn', 'amount', 'reference', 'counterparty'] as const;
export type StatementField = (typeof statementFields)[number];
export const statementFieldLabels: Record<StatementField, string> = { bookedOn: 'Booking date', amount: 'Amount', reference: 'Reference', counterparty: 'Payer / payee' };

/** Guesses a statement column per field from the headers' words (German and English banks). */
export function guessStatementColumns(headers: readonly string[]): Partial<Record<StatementField, number>> {
  const words: Record<StatementField, RegExp> = { bookedOn: /date|datum|buchung|booked/i, amount: /amount|betrag|sum/i, reference: /reference|text|zweck|purpose|details/i, counterparty: /payer|payee|name|auftrag|empf|counterparty/i };
  const mapping: Partial<Record<StatementField, number>> = {};
  for (const field of statementFields) {
    const index = headers.findIndex((h, i) => words[field].test(h) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

export interface StatementLine {
  /** Stable for the same line of the same statement (date, amount, reference, line): recorded once only. */
  key: string;
  line: number;
  bookedOn: string;
  /** Positive for money in, negative for money out. */
  amountMinor: number;
  currency: string;
  reference: string;
  counterparty: string;
}

/** Day first (31.12.2026, 31/12/2026) or ISO. */
function dayOf(text: string): string | null {
  const t = text.trim();
  if (isPlanDate(t)) return t;
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (!m) return null;
  const day = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isPlanDate(day) ? day : null;
}

/** "1.190,00" (German banks) as "1190.00"; "1,190.00" and "1190,00" are read by parseMoneyAmount as they are. */
const decimalPointText = (text: string): string => (text.includes('.') && /,\d{1,3}$/.test(text) ? text.replace(/\./g, '').replace(',', '.') : text);

/** The statement's lines with the mapping (field → column index), and the lines that could not be read. */
export function readStatement(csv: string, mapping: Partial<Record<StatementField, number>>, currency: string): { lines: StatementLine[]; problems: { line: number; message: string }[] } {
  const table = parseCsv(csv);
  const lines: StatementLine[] = [];
  const problems: { line: number; message: string }[] = [];
  const cell = (cells: string[], field: StatementField) => (mapping[field] === undefined ? '' : (cells[mapping[field]!] ?? '').trim());
  for (const row of table.rows) {
    const bookedOn = dayOf(cell(row.cells, 'bookedOn'));
    const rawAmount = decimalPointText(cell(row.cells, 'amount').replace(/^\+/, ''));
    const negative = rawAmount.startsWith('-');
    const amount = parseMoneyAmount(negative ? rawAmount.slice(1) : rawAmount, currency);
    if (!bookedOn) { problems.push({ line: row.line, message: 'The booking date is not a date.' }); continue; }
    if (!amount.ok) { problems.push({ line: row.line, message: amount.message }); continue; }
    const reference = cell(row.cells, 'reference');
    const amountMinor = negative ? -amount.amountMinor : amount.amountMinor;
    lines.push({ key: `${bookedOn}|${amountMinor}|${reference}|${row.line}`.slice(0, 200), line: row.line, bookedOn, amountMinor, currency, reference, counterparty: cell(row.cells, 'counterparty') });
  }
  return { lines, problems };
}

export interface MatchableInvoice {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  currency: string;
  outstandingMinor: number;
  dueOn: string;
}

export type MatchReason = 'reference_and_amount' | 'reference' | 'amount';

export interface MatchSuggestion {
  invoiceId: string;
  customerId: string;
  reason: MatchReason;
  /** What the confirmation would allocate: the line's amount, at most what the invoice owes. */
  amountMinor: number;
}

const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');
const NUMBER_IN_TEXT = /([A-Z]{2,5})[\s-]?(\d{4})[\s-]?(\d{3,6})/g;

/**
 * For each money-in line, the invoices it may pay, best first: an invoice number in the reference
 * whose debt equals the amount, then an invoice number alone, then invoices owing exactly the amount
 * (the payer's name agreeing with the customer's first). Invoices are indexed once by number and by
 * currency + amount, so a statement of thousands of lines against tens of thousands of open invoices
 * takes one pass.
 */
export function suggestMatches(lines: readonly StatementLine[], invoices: readonly MatchableInvoice[], perLine = 3): Map<string, MatchSuggestion[]> {
  const byNumber = new Map<string, MatchableInvoice>();
  const byAmount = new Map<string, MatchableInvoice[]>();
  for (const invoice of invoices) {
    if (invoice.outstandingMinor <= 0) continue;
    if (invoice.number) byNumber.set(compact(invoice.number), invoice);
    const key = `${invoice.currency}|${invoice.outstandingMinor}`;
    const same = byAmount.get(key);
    if (same) same.push(invoice);
    else byAmount.set(key, [invoice]);
  }
  const result = new Map<string, MatchSuggestion[]>();
  for (const line of lines) {
    if (line.amountMinor <= 0) continue;
    const suggestions: MatchSuggestion[] = [];
    const seen = new Set<string>();
    const add = (invoice: MatchableInvoice, reason: MatchReason) => {
      if (seen.has(invoice.id) || invoice.currency !== line.currency) return;
      seen.add(invoice.id);
      suggestions.push({ invoiceId: invoice.id, customerId: invoice.customerId, reason, amountMinor: Math.min(line.amountMinor, invoice.outstandingMinor) });
    };
    const named = [...line.reference.toUpperCase().matchAll(NUMBER_IN_TEXT)].map((m) => byNumber.get(`${m[1]}${m[2]}${m[3]}`)).filter((i): i is MatchableInvoice => i !== undefined);
    for (const invoice of named) if (invoice.outstandingMinor === line.amountMinor) add(invoice, 'reference_and_amount');
    for (const invoice of named) add(invoice, 'reference');
    const payer = line.counterparty.toLowerCase();
    const owingThat = [...(byAmount.get(`${line.currency}|${line.amountMinor}`) ?? [])].sort((a, b) => Number(payer !== '' && b.customerName.toLowerCase().includes(payer)) - Number(payer !== '' && a.customerName.toLowerCase().includes(payer)) || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    for (const invoice of owingThat) {
      if (suggestions.length >= perLine) break;
      add(invoice, 'amount');
    }
    result.set(line.key, suggestions.slice(0, perLine));
  }
  return result;
}
