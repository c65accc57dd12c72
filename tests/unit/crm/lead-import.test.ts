import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-shared/crm/csv-parse';
import { batchesOf, guessMapping, previewLeadImport } from '../../../src-shared/crm/lead-import';

describe('CSV as spreadsheets save it', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and skips blank lines', () => {
    const table = parseCsv('\uFEFFCompany,Notes\r\n"Acme, Inc.","He said ""yes""\nthen left"\r\n\r\nBeta,\r\n');
    expect(table.headers).toEqual(['Company', 'Notes']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Acme, Inc.', 'He said "yes"\nthen left'] },
      { line: 5, cells: ['Beta', ''] },
    ]);
  });

  it('takes a semicolon as the separator when the header has more of them', () => {
    expect(parseCsv('Firma;E-Mail\nMüller, Labor;a@b.de').rows).toEqual([{ line: 2, cells: ['Müller, Labor', 'a@b.de'] }]);
  });

  it('gives back every field it was given (round trip through quoting)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const text = ['h1,h2', ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
        expect(parseCsv(text).rows.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});

describe('the lead import', () => {
  it('guesses the mapping from usual headers, each field once', () => {
    expect(guessMapping(['Company Name', 'First_Name', 'Surname', 'E-mail', 'Phone number', 'Lead source', 'Unrelated', 'Email'])).toEqual({ 0: 'companyName', 1: 'firstName', 2: 'lastName', 3: 'email', 4: 'phone', 5: 'source' });
  });

  it('previews each row: valid rows parsed as leads, errors with their line and field, repeated emails caught', () => {
    const table = parseCsv(['Company,Last name,Email,Source', 'Acme,Doe,jo@acme.com,Trade show', ',,,', 'Beta,Roe,not-an-email,web', 'Gamma,Poe,JO@acme.com,'].join('\n'));
    const preview = previewLeadImport(table, guessMapping(table.headers), { ownerId: 'sam' });
    expect(preview.valid).toEqual([{ line: 2, data: expect.objectContaining({ companyName: 'Acme', lastName: 'Doe', email: 'jo@acme.com', source: 'trade_show', ownerId: 'sam' }) }]);
    expect(preview.errors).toEqual([
      { line: 3, field: 'companyName', message: 'Enter at least a company, a last name or an email address.' },
      { line: 4, field: 'email', message: 'Enter an email address like orders@example.com.' },
      { line: 5, field: 'email', message: 'Same email as line 2.' },
    ]);
    expect(preview.invalidRows).toBe(3);
  });

  it('marks rows with an unknown source as other and rows without one as imported', () => {
    const table = parseCsv('Last name,Source\nDoe,web\nRoe,');
    expect(previewLeadImport(table, { 0: 'lastName', 1: 'source' }, {}).valid.map((v) => v.data.source)).toEqual(['other', 'import']);
  });

  it('writes in batches that together are every row once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const batches = batchesOf(items, size);
        expect(batches.flat()).toEqual(items);
        expect(batches.every((b, i) => b.length === (i < batches.length - 1 ? size : b.length) && b.length >= 1 && b.length <= size)).toBe(true);
      }),
    );
    expect(() => batchesOf([1], 0)).toThrow(RangeError);
  });
});
