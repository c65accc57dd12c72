import { PassThrough } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { minorDigitsOf } from '../../src-shared/finance/money';
import type { Cell } from '../../src-shared/records/register-cells';
import type { ExportTable } from '../../src-shared/records/register-export';

/** Rows written between two breaks for the event loop: a 100,000-row export must not hold up commands for seconds. */
const ROWS_PER_SLICE = 2000;

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Register';

/** A date-only value as Excel's day (exceljs writes a Date by its UTC fields). */
const dayOf = (day: string): Date | string => {
  const [y, m, d] = day.split('-').map(Number);
  return y && m && d ? new Date(Date.UTC(y, m - 1, d)) : day;
};

/** An instant as the wall-clock time in `timeZone`, which is what a spreadsheet cell holds (it has no zones). */
function wallClockOf(iso: string, timeZone: string | undefined): Date | string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')));
}

const moneyFormat = (currency: string) => {
  const digits = minorDigitsOf(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

/** A cell as Excel should hold it: numbers, amounts and dates typed (so sums and sorting work), the rest as words. */
function excelCell(cell: Cell, timeZone: string | undefined): { value: ExcelJS.CellValue; numFmt?: string } {
  if (cell.value === null) return { value: null };
  switch (cell.type) {
    case 'number':
      return { value: cell.value };
    case 'money':
      return { value: cell.value, numFmt: moneyFormat(cell.currency ?? 'EUR') };
    case 'date':
      return { value: dayOf(String(cell.value)), numFmt: 'd mmm yyyy' };
    case 'datetime':
      return { value: wallClockOf(String(cell.value), timeZone), numFmt: 'd mmm yyyy hh:mm' };
    case 'text':
      // Written as a string cell: exceljs only writes a formula when given one, so text never runs.
      return { value: cell.text };
  }
}

/**
 * The table as an .xlsx workbook: one sheet named after the register, a bold frozen header row,
 * typed cells. Written with exceljs's streaming writer, in slices, so a large register neither
 * holds the whole workbook model in memory nor the event loop for long.
 */
export async function workbookOf(table: ExportTable, timeZone: string | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.field, width: c.isMultiline ? 40 : c.type === 'money' || c.type === 'datetime' ? 18 : Math.max(12, c.label.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (let at = 0; at < table.rows.length; at += ROWS_PER_SLICE) {
    for (const cells of table.rows.slice(at, at + ROWS_PER_SLICE)) {
      const typed = cells.map((c) => excelCell(c, timeZone));
      const row = sheet.addRow(typed.map((t) => t.value));
      typed.forEach((t, i) => {
        if (t.numFmt) row.getCell(i + 1).numFmt = t.numFmt;
      });
      row.commit();
    }
    await yieldToEventLoop();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
