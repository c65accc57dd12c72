import { describe, expect, it } from 'vitest';
import { purchaseRequestKind as kind } from '../../../src-shared/equipment/purchase-request-kind';
import type { RegisterRow } from '../../../src-shared/records/record-contract';
import { cellOf, columnsOf, valueCell } from '../../../src-shared/records/register-cells';
import { exportFileName, exportTable, toCsv } from '../../../src-shared/records/register-export';

const gb = { locale: 'en-GB', timeZone: 'Europe/London' };
const names = { personName: (id: string) => ({ p1: 'Barbara McClintock' })[id] };
const row = (values: Record<string, unknown>, extra: Partial<RegisterRow> = {}): RegisterRow => ({ id: 'r1', number: 'PR-2026-0001', numberState: 'final', title: 'x', status: 'submitted', values, ...extra });
const field = (name: string) => kind.fields.find((f) => f.field === name)!;

describe('register cells', () => {
  it('say what a person reads: labels, names, money, one date format', () => {
    const r = row({ requesterId: 'p1', estimatedCost: { amountMinor: 450_000, currency: 'EUR' }, neededBy: '2026-05-04', quantity: 1200, updatedAt: '2026-03-02T13:05:00.000Z' });
    expect(cellOf(kind, field('status'), r, names, gb)).toEqual({ text: 'Submitted', type: 'text', value: 'Submitted' });
    expect(cellOf(kind, field('requesterId'), r, names, gb).text).toBe('Barbara McClintock');
    expect(cellOf(kind, field('estimatedCost'), r, names, gb)).toEqual({ text: '€4,500.00', type: 'money', value: 4500, currency: 'EUR' });
    expect(cellOf(kind, field('neededBy'), r, names, gb)).toEqual({ text: '4 May 2026', type: 'date', value: '2026-05-04' });
    expect(cellOf(kind, field('quantity'), r, names, gb)).toEqual({ text: '1,200', type: 'number', value: 1200 });
    expect(cellOf(kind, field('updatedAt'), r, names, gb).text).toBe('2 Mar 2026, 13:05');
    expect(cellOf(kind, field('supplierName'), r, names, gb)).toEqual({ text: '', type: 'text', value: null });
  });

  it('name a person the directory does not know, and mark a provisional number', () => {
    expect(cellOf(kind, field('requesterId'), row({ requesterId: 'gone' }), names).text).toBe('Unknown person');
    expect(cellOf(kind, field('number'), row({}, { number: 'PR-2026-PA7K-0003', numberState: 'provisional' }), names).text).toBe('PR-2026-PA7K-0003 (provisional)');
    expect(valueCell(kind, { field: 'ok', label: 'OK', type: 'boolean' }, false, names).text).toBe('No');
    expect(valueCell(kind, { field: 'kind', label: 'Kind', type: 'choice', choices: [{ value: 'a', label: 'Annual' }] }, 'a', names).text).toBe('Annual');
  });

  it('use the kind’s default columns when none (or only unknown ones) are chosen', () => {
    expect(columnsOf(kind).map((f) => f.field)).toEqual(['number', 'itemName', 'quantity', 'estimatedCost', 'neededBy', 'requesterId', 'status']);
    expect(columnsOf(kind, ['nonsense']).map((f) => f.field)).toEqual(columnsOf(kind).map((f) => f.field));
    expect(columnsOf(kind, ['status', 'itemName', 'nonsense']).map((f) => f.field)).toEqual(['status', 'itemName']);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas in text, not in numbers', () => {
    const table = exportTable(kind, [row({ itemName: 'Balance, analytical', description: 'say "hi"\nthen go', quantity: -1 }), row({ itemName: '=SUM(A1)', supplierName: '@cmd' })], ['itemName', 'description', 'quantity', 'supplierName'], names, gb);
    expect(toCsv(table)).toBe('\uFEFFItem,Description,Quantity,Supplier\r\n"Balance, analytical","say ""hi""\nthen go",-1,\r\n\'=SUM(A1),,,\'@cmd\r\n');
  });

  it('names the file after the register and the day', () => {
    expect(exportFileName(kind, '2026-04-01', 'xlsx')).toBe('Purchase requests 2026-04-01.xlsx');
  });
});
