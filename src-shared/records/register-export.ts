import type { FormatPlace } from '../format/display-format';
import type { RegisterRow } from './record-contract';
import type { AnyRecordKind, KindField } from './record-kind';
import { cellOf, columnsOf, type Cell, type CellLookups } from './register-cells';

/**
 * A register as a table for export: the chosen columns' labels as headers and each row's cells as
 * the register shows them (register-cells.ts). The host writes it as CSV or as an Excel workbook
 * with typed cells. Pure.
 */

export interface ExportTable {
  title: string;
  columns: KindField[];
  headers: string[];
  rows: Cell[][];
}

export function exportTable(kind: AnyRecordKind, rows: readonly RegisterRow[], columns: readonly string[], lookups: CellLookups, place: FormatPlace = {}): ExportTable {
  const fields = columnsOf(kind, columns);
  return {
    title: kind.pluralLabel,
    columns: fields,
    headers: fields.map((f) => f.label),
    rows: rows.map((row) => fields.map((f) => cellOf(kind, f, row, lookups, place))),
  };
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe, so opening an export never runs what someone typed into a record (CSV injection).
 * Numbers and amounts are the program's own and stay as they are.
 */
const defused = (cell: Cell): string => (cell.type === 'text' && /^[=+\-@\t\r]/.test(cell.text) ? `'${cell.text}` : cell.text);

const quoted = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, quotes where needed, with a byte-order mark so
 * Excel reads accents and currency signs as UTF-8.
 */
export function toCsv(table: Pick<ExportTable, 'headers' | 'rows'>): string {
  const lines = [table.headers.map(quoted).join(','), ...table.rows.map((cells) => cells.map((c) => quoted(defused(c))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The file name of an export made on `day` ('YYYY-MM-DD'): "Purchase requests 2026-03-02.csv". */
export const exportFileName = (kind: AnyRecordKind, day: string, format: 'csv' | 'xlsx'): string => `${kind.pluralLabel} ${day}.${format}`;
