import { formatDay, formatMoney, formatNumber, majorAmount } from '../../src-shared/format/display-format';
import { parseMoneyAmount } from '../../src-shared/finance/money';
import type { RegisterFilter } from '../../src-shared/records/record-contract';
import type { AnyRecordKind, KindField } from '../../src-shared/records/record-kind';
import { UNKNOWN_PERSON } from '../../src-shared/records/register-cells';

/**
 * The register's filters in a person's words: which conditions each type of field offers, how a
 * condition typed into the filter form becomes a `RegisterFilter` for the host, and how a filter
 * reads back as a chip ("Needed by before 2 Mar 2026"). Pure (datetime days use this PC's zone).
 */

export type FilterOp = RegisterFilter['op'];

export interface FilterCondition {
  op: FilterOp;
  label: string;
  /** Whether the condition needs a value (is empty / not empty do not). */
  hasValue: boolean;
}

const empty: FilterCondition[] = [
  { op: 'is_empty', label: 'is empty', hasValue: false },
  { op: 'not_empty', label: 'is not empty', hasValue: false },
];

/** The conditions a field's filter offers, by its type. */
export function conditionsOf(field: KindField): FilterCondition[] {
  if (field.field === 'status') return [{ op: 'in', label: 'is any of', hasValue: true }];
  switch (field.type) {
    case 'text':
      return [{ op: 'contains', label: 'contains', hasValue: true }, ...empty];
    case 'number':
      return [{ op: 'equals', label: 'equals', hasValue: true }, { op: 'before', label: 'is less than', hasValue: true }, { op: 'after', label: 'is more than', hasValue: true }, ...empty];
    case 'money':
      return [{ op: 'before', label: 'is less than', hasValue: true }, { op: 'after', label: 'is more than', hasValue: true }, ...empty];
    case 'date':
    case 'datetime':
      return [{ op: 'before', label: 'is before', hasValue: true }, { op: 'after', label: 'is after', hasValue: true }, ...empty];
    case 'person':
      return [{ op: 'equals', label: 'is', hasValue: true }, ...empty];
    case 'people':
      return [{ op: 'equals', label: 'includes', hasValue: true }, ...empty];
    case 'choice':
      return [{ op: 'in', label: 'is any of', hasValue: true }, ...empty];
    case 'boolean':
      return [{ op: 'equals', label: 'is', hasValue: true }];
    case 'record':
      return empty;
  }
}

/** Fields a register can filter by: every field of the kind (the number and title are found by the search words). */
export const filterableFields = (kind: AnyRecordKind): KindField[] => kind.fields.filter((f) => f.field !== 'number' && f.field !== 'title');

/** What the filter form holds: text for most types, a list for choices, an id for a person. */
export type FilterInput = string | string[];

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant's filter bound for a calendar day in this PC's time zone: 'before' a day means before
 * it starts, 'after' a day means after it ends, as for date fields.
 */
export function dayBound(day: string, op: 'before' | 'after'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, op === 'before' ? d : d + 1, 0, 0, 0, op === 'before' ? 0 : -1).toISOString();
}

/** The day of an instant's filter bound again (both bounds lie inside their day), in this PC's time zone. */
function dayOfBound(iso: string): string {
  const at = new Date(Date.parse(iso));
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The filter for a condition on a field, or the problem to show at the value. */
export function buildFilter(field: KindField, op: FilterOp, input: FilterInput, currency = 'EUR'): { ok: true; filter: RegisterFilter } | { ok: false; message: string } {
  const base = { field: field.field, op };
  const condition = conditionsOf(field).find((c) => c.op === op);
  if (!condition) return { ok: false, message: 'Choose a condition.' };
  if (!condition.hasValue) return { ok: true, filter: base };
  if (Array.isArray(input)) return input.length > 0 ? { ok: true, filter: { ...base, value: input } } : { ok: false, message: 'Choose at least one.' };
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a value.' };
  switch (field.type) {
    case 'number': {
      const value = Number(text.replace(',', '.'));
      return Number.isFinite(value) ? { ok: true, filter: { ...base, value } } : { ok: false, message: 'Enter a number.' };
    }
    case 'money': {
      const amount = parseMoneyAmount(text, currency);
      return amount.ok ? { ok: true, filter: { ...base, value: amount.amountMinor } } : { ok: false, message: amount.message };
    }
    case 'date':
    case 'datetime': {
      if (!DAY.test(text)) return { ok: false, message: 'Enter a date.' };
      return { ok: true, filter: { ...base, value: field.type === 'datetime' ? dayBound(text, op === 'after' ? 'after' : 'before') : text } };
    }
    case 'boolean':
      return { ok: true, filter: { ...base, value: text === 'true' } };
    default:
      return { ok: true, filter: { ...base, value: text } };
  }
}

/** The form's value for an existing filter (to edit it again). */
export function inputOf(field: KindField, filter: RegisterFilter, currency = 'EUR'): FilterInput {
  const value = filter.value;
  if (Array.isArray(value)) return value;
  if (value === undefined) return '';
  if (field.type === 'money' && typeof value === 'number') return String(majorAmount(value, currency));
  if (field.type === 'datetime' && typeof value === 'string') return dayOfBound(value);
  return String(value);
}

export interface FilterWords {
  personName(id: string): string | undefined;
  currency?: string;
}

/** A filter in words, for its chip: "Status is Draft or Submitted", "Needed by before 2 Mar 2026". */
export function describeFilter(kind: AnyRecordKind, filter: RegisterFilter, words: FilterWords): string {
  const field = kind.fields.find((f) => f.field === filter.field);
  const label = field?.label ?? (filter.field === 'status' ? 'Status' : filter.field);
  if (!field) return `${label} ${filter.op.replace('_', ' ')}`;
  const condition = conditionsOf(field).find((c) => c.op === filter.op);
  const valueText = (v: unknown): string => {
    if (filter.field === 'status') return kind.statuses.find((s) => s.id === v)?.label ?? String(v);
    switch (field.type) {
      case 'choice':
        return field.choices?.find((c) => c.value === v)?.label ?? String(v);
      case 'person':
      case 'people':
        return words.personName(String(v)) ?? UNKNOWN_PERSON;
      case 'money':
        return typeof v === 'number' ? formatMoney(v, words.currency ?? 'EUR') : String(v);
      case 'number':
        return typeof v === 'number' ? formatNumber(v) : String(v);
      case 'date':
        return formatDay(String(v));
      case 'datetime':
        return formatDay(dayOfBound(String(v)));
      case 'boolean':
        return v === true ? 'yes' : 'no';
      default:
        return `“${String(v)}”`;
    }
  };
  if (!condition?.hasValue) return `${label} ${condition?.label ?? filter.op}`;
  const values = Array.isArray(filter.value) ? filter.value.map(valueText) : [valueText(filter.value)];
  const joined = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? '');
  return `${label} ${filter.op === 'in' && values.length === 1 ? 'is' : condition.label} ${joined}`;
}
