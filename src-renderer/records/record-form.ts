import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';
import { dataValue } from '../../src-shared/records/record-document';
import type { AnyRecordKind, KindField } from '../../src-shared/records/record-kind';

/**
 * The record forms (create dialog, details tab) generated from a kind's `fields`: which fields a
 * form shows, what each input holds, and the data sent to `records/create` / `records/update`. The
 * kind's schema on the host has the last word (its messages come back at the field as `data.<name>`);
 * here only what an input cannot express is caught (letters in a number, a missing amount). Pure.
 */

/** What an input holds while it is edited. */
export type FormValue = string | boolean | string[] | { amount: string; currency: string };
export type FormValues = Record<string, FormValue>;

/** Record columns a kind may list among its fields; they are not data and no form edits them. */
const RECORD_COLUMNS = new Set(['number', 'title', 'status', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'date', 'personId', 'ownerId', 'parentId']);

/** The top-level names of the kind's data schema, when it is a zod object (it always is today). */
const dataNamesOf = (kind: AnyRecordKind): Set<string> | undefined => {
  const shape = (kind.data as unknown as { shape?: unknown }).shape;
  return shape && typeof shape === 'object' ? new Set(Object.keys(shape)) : undefined;
};

/** Whether the field is one of the record's data fields (not a record column such as its number or status). */
export function isDataField(kind: AnyRecordKind, field: KindField): boolean {
  const names = dataNamesOf(kind);
  return names ? names.has(field.field.split('.')[0] ?? '') : !RECORD_COLUMNS.has(field.field);
}

/**
 * The fields of a create form: people fields (the requester, the person on leave), which start as
 * the person creating the record — the kind's rules decide whether they may file it for someone
 * else — and the editable fields `maySet` allows (those the person could change in a new record of
 * theirs: an HR note is left to HR).
 */
export const createFieldsOf = (kind: AnyRecordKind, maySet: (field: string) => boolean = () => true): KindField[] =>
  kind.fields.filter((f) => isDataField(kind, f) && (f.type === 'person' || (f.isEditable === true && maySet(f.field))));

/** The fields of the details tab: every editable field (editable now or not), then the rest of the data fields. */
export const detailFieldsOf = (kind: AnyRecordKind): KindField[] => kind.fields.filter((f) => isDataField(kind, f));

export const DEFAULT_CURRENCY = 'EUR';

/** The input's value for a stored value. */
export function formValueOf(field: KindField, value: unknown): FormValue {
  switch (field.type) {
    case 'boolean':
      return value === true;
    case 'people':
      return Array.isArray(value) ? value.map(String) : [];
    case 'money': {
      const money = value as { amountMinor?: unknown; currency?: unknown } | undefined;
      return typeof money?.amountMinor === 'number' && typeof money.currency === 'string'
        ? { amount: majorAmountText(money.amountMinor, money.currency), currency: money.currency }
        : { amount: '', currency: DEFAULT_CURRENCY };
    }
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

/** The inputs' first values: the record's data, or for a new record people fields set to `me`. */
export function initialValues(fields: readonly KindField[], data: Record<string, unknown> | null, me: string): FormValues {
  return Object.fromEntries(fields.map((f) => [f.field, data ? formValueOf(f, dataValue(data, f.field)) : f.type === 'person' ? me : formValueOf(f, undefined)]));
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };
const isBlank = (v: FormValue) => (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) ? v.length === 0 : typeof v === 'object' ? v.amount.trim() === '' : false);

/** An input's value as data; `undefined` for an empty input. */
function convert(field: KindField, value: FormValue): Converted {
  if (field.type === 'boolean') return { ok: true, value: value === true };
  if (isBlank(value)) return field.isRequired && field.type !== 'text' ? { ok: false, message: `Fill in ${field.label.toLowerCase()}.` } : { ok: true, value: field.type === 'text' ? '' : undefined };
  switch (field.type) {
    case 'number': {
      const n = Number(String(value).trim().replace(',', '.'));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'Enter a number.' };
    }
    case 'money': {
      const money = value as { amount: string; currency: string };
      const currency = money.currency.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, message: 'Use a three-letter currency code, e.g. EUR.' };
      const parsed = parseMoneyAmount(money.amount, currency);
      return parsed.ok ? { ok: true, value: { amountMinor: parsed.amountMinor, currency } } : { ok: false, message: parsed.message };
    }
    case 'people':
      return { ok: true, value: value as string[] };
    default:
      return { ok: true, value: String(value) };
  }
}

export type FormResult = { ok: true; data: Record<string, unknown> } | { ok: false; field: string; message: string };

/** The data of a new record: every field with a value (empty optional ones left to the kind's defaults). */
export function createData(fields: readonly KindField[], values: FormValues): FormResult {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const converted = convert(field, values[field.field] ?? '');
    if (!converted.ok) return { ok: false, field: field.field, message: converted.message };
    if (converted.value !== undefined) data[field.field] = converted.value;
  }
  return { ok: true, data };
}

/** The changed fields of a record (a cleared field as null, which `records/update` removes). */
export function changedData(fields: readonly KindField[], values: FormValues, data: Record<string, unknown>): FormResult {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.field];
    if (value === undefined) continue;
    const converted = convert(field, value);
    if (!converted.ok) return { ok: false, field: field.field, message: converted.message };
    const before = dataValue(data, field.field);
    const after = converted.value === undefined ? null : converted.value;
    if (JSON.stringify(before ?? null) !== JSON.stringify(after) && !(after === '' && (before === undefined || before === ''))) changes[field.field] = after;
  }
  return { ok: true, data: changes };
}

/** The data field a host error names (`data.itemName` → `itemName`), if any. */
export const errorFieldOf = (field: string | undefined): string | undefined => (field?.startsWith('data.') ? field.slice(5).split('.')[0] : undefined);
