import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { ExportFile, SavedView } from '../../../src-shared/records/register-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value, type Client } from '../tasks/project-fixture';

/**
 * A register's export and saved views on a real host and SQLite file: the whole filtered, sorted
 * register as the person sees it (their records only, the screen's labels) as CSV and as an Excel
 * workbook read back with exceljs; saved views per person; bad input refused with the field.
 */
let host: Host;
let addPerson: Awaited<ReturnType<typeof openLab>>['addPerson'];
let ben: SignedInPerson;
let hana: SignedInPerson;

const exportOnce = async (client: Client, input: Record<string, unknown>) => client.subscribe('records/export', input).next<ExportFile>();

beforeAll(async () => {
  ({ host, addPerson } = await openLab());
  ben = await addPerson('Ben Bench', 'ben@lab.org', ['member']);
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  const file = (data: Record<string, unknown>) => ben.client.call<RecordView>('records/create', { kind: 'purchase_request', data: { quantity: 1, requesterId: ben.id, ...data } });
  value(await file({ itemName: 'Analytical balance', quantity: 2, estimatedCost: { amountMinor: 450_000, currency: 'EUR' }, neededBy: '2026-05-04', supplierName: 'Sartorius' }));
  value(await file({ itemName: '=HYPERLINK("http://evil.example")', estimatedCost: { amountMinor: 1_200, currency: 'EUR' } }));
  value(await file({ itemName: 'Centrifuge, benchtop', estimatedCost: { amountMinor: 1_200_050, currency: 'EUR' }, description: 'Line one\nline "two"' }));
  value(await ben.client.call('records/create', { kind: 'leave_request', data: { personId: ben.id, startDate: '2026-07-06', endDate: '2026-07-08', days: 3 } }));
});
afterAll(async () => host?.close());

describe('records/export', () => {
  it('writes the whole filtered, sorted register as CSV with the register’s labels', async () => {
    const file = value(await exportOnce(ben.client, {
      kind: 'purchase_request', format: 'csv', filters: [{ field: 'estimatedCost', op: 'after', value: 100_000 }], sort: { field: 'estimatedCost', direction: 'desc' },
      columns: ['number', 'itemName', 'estimatedCost', 'neededBy', 'requesterId', 'status', 'description'], locale: 'en-GB', timeZone: 'Europe/London',
    }));
    expect(file).toMatchObject({ fileName: 'Purchase requests 2026-04-01.csv', mimeType: 'text/csv', encoding: 'text', rowCount: 2 });
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content.slice(1).split('\r\n')).toEqual([
      'Number,Item,Estimated cost,Needed by,Requested by,Status,Description',
      'PR-2026-0003,"Centrifuge, benchtop","€12,000.50",,Ben Bench,Draft,"Line one\nline ""two"""',
      'PR-2026-0001,Analytical balance,"€4,500.00",4 May 2026,Ben Bench,Draft,',
      '',
    ]);
  });

  it('never lets a cell run as a spreadsheet formula', async () => {
    const file = value(await exportOnce(ben.client, { kind: 'purchase_request', format: 'csv', text: 'hyperlink', columns: ['itemName'] }));
    expect(file.content.slice(1).split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://evil.example"")"');
  });

  it('writes a workbook with typed cells that Excel can add up', async () => {
    const file = value(await exportOnce(ben.client, { kind: 'purchase_request', format: 'xlsx', sort: { field: 'number', direction: 'asc' }, columns: ['number', 'itemName', 'quantity', 'estimatedCost', 'neededBy', 'status'], timeZone: 'Europe/London' }));
    expect(file).toMatchObject({ fileName: 'Purchase requests 2026-04-01.xlsx', encoding: 'base64', rowCount: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Purchase requests');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Number', 'Item', 'Quantity', 'Estimated cost', 'Needed by', 'Status']);
    const first = sheet?.getRow(2);
    expect(first?.getCell(1).value).toBe('PR-2026-0001');
    expect(first?.getCell(3).value).toBe(2);
    expect(first?.getCell(4).value).toBe(4500);
    expect(first?.getCell(4).numFmt).toBe('#,##0.00 "EUR"');
    expect(first?.getCell(5).value).toEqual(new Date(Date.UTC(2026, 4, 4)));
    expect(first?.getCell(6).value).toBe('Draft');
    // Text that looks like a formula stays text.
    expect(sheet?.getRow(3).getCell(2).value).toBe('=HYPERLINK("http://evil.example")');
    expect(sheet?.rowCount).toBe(4);
  });

  it('exports only what the person may read', async () => {
    const own = value(await exportOnce(ben.client, { kind: 'leave_request', format: 'csv' }));
    expect(own.rowCount).toBe(1);
    const other = (await addPerson('Olga Other', 'olga@lab.org', ['member'])).client;
    const hidden = value(await exportOnce(other, { kind: 'leave_request', format: 'csv' }));
    expect(hidden.rowCount).toBe(0);
    expect(hidden.content.slice(1).trim()).toBe('Number,Person,Type,First day,Last day,Working days,Status');
    expect(value(await exportOnce(hana.client, { kind: 'leave_request', format: 'csv' })).rowCount).toBe(1);
  });

  it('refuses unknown kinds, columns, formats, languages and time zones', async () => {
    expect(await exportOnce(ben.client, { kind: 'flux_capacitor', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'kind' } });
    expect(await exportOnce(ben.client, { kind: 'purchase_request', format: 'csv', columns: ['passwordHash'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'columns' } });
    expect(await exportOnce(ben.client, { kind: 'purchase_request', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await exportOnce(ben.client, { kind: 'purchase_request', format: 'csv', timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'timeZone' } });
    expect(await exportOnce(ben.client, { kind: 'purchase_request', format: 'csv', locale: 'not a locale!' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'locale' } });
  });
});

describe('saved views', () => {
  it('keeps each person’s views per kind, replaces one saved under the same name, and removes one', async () => {
    const views = ben.client.subscribe('records/views', { kind: 'purchase_request' });
    expect(value(await views.next<SavedView[]>())).toEqual([]);
    const saved = value(await ben.client.call<SavedView>('records/save-view', { kind: 'purchase_request', name: 'Big purchases', columns: ['number', 'itemName'], filters: [{ field: 'estimatedCost', op: 'after', value: 100_000 }], sort: { field: 'estimatedCost', direction: 'desc' } }));
    expect(saved).toMatchObject({ name: 'Big purchases', text: '', savedAt: '2026-04-01T09:00:00.000Z' });
    let list = value(await views.next<SavedView[]>());
    expect(list.map((v) => v.name)).toEqual(['Big purchases']);
    const replaced = value(await ben.client.call<SavedView>('records/save-view', { kind: 'purchase_request', name: 'big purchases', columns: ['number'], text: 'balance' }));
    expect(replaced.id).toBe(saved.id);
    list = value(await views.next<SavedView[]>());
    expect(list).toEqual([expect.objectContaining({ id: saved.id, name: 'big purchases', columns: ['number'], text: 'balance', filters: [] })]);
    // Hana has none of Ben's views.
    expect(value(await hana.client.subscribe('records/views', { kind: 'purchase_request' }).next<SavedView[]>())).toEqual([]);
    value(await ben.client.call('records/remove-view', { kind: 'purchase_request', id: saved.id }));
    expect(value(await views.next<SavedView[]>())).toEqual([]);
  });

  it('refuses a view without a name, on fields the kind does not have, and removing one that is gone', async () => {
    expect(await ben.client.call('records/save-view', { kind: 'purchase_request', name: '  ', columns: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(await ben.client.call('records/save-view', { kind: 'purchase_request', name: 'Sneaky', columns: ['managerIds'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'columns' } });
    expect(await ben.client.call('records/save-view', { kind: 'nope', name: 'X', columns: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'kind' } });
    expect(await ben.client.call('records/remove-view', { kind: 'purchase_request', id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
