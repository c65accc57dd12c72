import { EMPTY_TEXT, formatDateTime, formatDay, formatMoney, formatNumber, majorAmount, type FormatPlace } from '../format/display-format';
import type { RegisterRow } from './record-contract';
import type { AnyRecordKind, KindField } from './record-kind';

/**
 * A register cell as a person reads it: status and choice labels instead of codes, people by name,
 * money with its currency, one date format. The register on screen and its CSV and Excel exports
 * use this, so they say the same. Pure.
 */

export interface CellLookups {
  /** A person's name; undefined for someone this PC's directory does not know. */
  personName(id: string): string | undefined;
  /** A record's title (for `record` fields); undefined when unknown or not shared with the reader. */
  recordTitle?(id: string): string | undefined;
}

/** A cell's text and, for spreadsheets, its typed value. */
export interface Cell {
  text: string;
  /** 'text' for everything a spreadsheet should keep as words (names, labels, codes). */
  type: 'text' | 'number' | 'money' | 'date' | 'datetime';
  /** The number, the money's amount in major units, 'YYYY-MM-DD', or the ISO instant; null when empty. */
  value: string | number | null;
  currency?: string;
}

const empty: Cell = { text: '', type: 'text', value: null };
const text = (t: string): Cell => ({ text: t, type: 'text', value: t });
const isMoney = (v: unknown): v is { amountMinor: number; currency: string } =>
  typeof v === 'object' && v !== null && typeof (v as { amountMinor?: unknown }).amountMinor === 'number' && typeof (v as { currency?: unknown }).currency === 'string';

export const UNKNOWN_PERSON = 'Unknown person';

/** The value of a register field in a row: a record column or a data field. */
export const rowValue = (row: RegisterRow, field: string): unknown =>
  field === 'number' ? row.number : field === 'title' ? row.title : field === 'status' ? row.status : row.values[field];

/** The cell of `field` in `row`; empty values give an empty cell (the UI shows nothing or '—'). */
export const cellOf = (kind: AnyRecordKind, field: KindField, row: RegisterRow, lookups: CellLookups, place: FormatPlace = {}): Cell =>
  valueCell(kind, field, rowValue(row, field.field), lookups, place, row.numberState);

/** The cell of one value of `field` (a record's, or an old one from its history). */
export function valueCell(kind: AnyRecordKind, field: KindField, value: unknown, lookups: CellLookups, place: FormatPlace = {}, numberState: RegisterRow['numberState'] = 'final'): Cell {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (field.field === 'status') return text(kind.statuses.find((s) => s.id === value)?.label ?? String(value));
  // A provisional number is replaced by the team's when the record reaches the sync server.
  if (field.field === 'number') return text(numberState === 'provisional' ? `${String(value)} (provisional)` : String(value));
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? { text: formatNumber(value, place), type: 'number', value } : text(String(value));
    case 'money':
      return isMoney(value) ? { text: formatMoney(value.amountMinor, value.currency, place), type: 'money', value: majorAmount(value.amountMinor, value.currency), currency: value.currency } : empty;
    case 'date':
      return { text: formatDay(String(value), place), type: 'date', value: String(value) };
    case 'datetime':
      return { text: formatDateTime(String(value), place), type: 'datetime', value: String(value) };
    case 'person':
      return text(lookups.personName(String(value)) ?? UNKNOWN_PERSON);
    case 'people':
      return text((Array.isArray(value) ? value : [value]).map((id) => lookups.personName(String(id)) ?? UNKNOWN_PERSON).join(', '));
    case 'record':
      return text(lookups.recordTitle?.(String(value)) ?? String(value));
    case 'choice':
      return text(field.choices?.find((c) => c.value === value)?.label ?? String(value));
    case 'boolean':
      return text(value === true ? 'Yes' : 'No');
    case 'text':
      return text(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

/** The cell's text for a screen: '—' when empty. */
export const cellText = (cell: Cell): string => cell.text || EMPTY_TEXT;

/** The kind's fields to show for `columns` (field paths, in order; unknown ones dropped), or its default columns. */
export function columnsOf(kind: AnyRecordKind, columns: readonly string[] = []): KindField[] {
  const byField = new Map(kind.fields.map((f) => [f.field, f]));
  const chosen = columns.flatMap((c) => (byField.has(c) ? [byField.get(c) as KindField] : []));
  if (chosen.length > 0) return chosen;
  const defaults = kind.fields.filter((f) => f.isDefaultColumn);
  return defaults.length > 0 ? defaults : kind.fields.slice(0, 8);
}
