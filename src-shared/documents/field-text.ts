import type { KindField } from '../records/record-kind';
import { formatDocumentDay, formatDocumentMoney, formatDocumentTime } from './signature-lines';

/**
 * A record field's value as a document prints it, by the field's declared type: people by name,
 * money with its currency, days and times in the document's one format, choices by their label.
 * Pure; `names` maps person ids to names, `timeZone` is where times are printed.
 */
type Doc = Record<string, unknown>;

const RECORD_COLUMNS = new Set(['number', 'title', 'status', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

export function fieldValue(record: Doc, field: string): unknown {
  if (RECORD_COLUMNS.has(field)) return record[field];
  let value: unknown = record.data;
  for (const part of field.split('.')) value = value && typeof value === 'object' ? (value as Doc)[part] : undefined;
  return value;
}

export function fieldText(field: KindField, value: unknown, context: { names: ReadonlyMap<string, string>; timeZone: string; statusLabel?: string }): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.field === 'status' && context.statusLabel) return context.statusLabel;
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('en-GB') : String(value);
    case 'date':
      return formatDocumentDay(String(value));
    case 'datetime':
      return formatDocumentTime(String(value), context.timeZone);
    case 'money': {
      const money = value as { amountMinor?: unknown; currency?: unknown };
      return typeof money.amountMinor === 'number' && typeof money.currency === 'string' ? formatDocumentMoney(money.amountMinor, money.currency) : '';
    }
    case 'person':
      return context.names.get(String(value)) ?? String(value);
    case 'people':
      return Array.isArray(value) ? value.map((id) => context.names.get(String(id)) ?? String(id)).join(', ') : '';
    case 'choice':
      return field.choices?.find((c) => c.value === value)?.label ?? String(value);
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
