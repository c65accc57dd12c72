import type { AppError } from '../../src-shared/core/result';
import { isAskedFor, type StepFormField } from '../../src-shared/workflows/step-form';
import { askedFields } from '../../src-shared/workflows/step-form-check';

/**
 * A step form as the person fills it in: text as typed, boxes ticked, amounts with their currency.
 * Turned into the typed values the host checks (src-shared/workflows/step-form-check.ts) only on
 * submit, so half-typed numbers never jump about. Pure.
 */
export type FormDraftValue = string | boolean | { amount: string; currency: string };
export type FormDraft = Record<string, FormDraftValue>;

export const defaultCurrency = 'EUR';

/** An empty draft: boxes unticked, amounts in the field's currency. */
export function emptyDraft(fields: readonly StepFormField[]): FormDraft {
  return Object.fromEntries(fields.map((f) => [f.key, f.type === 'checkbox' ? false : f.type === 'money' ? { amount: '', currency: f.currency ?? defaultCurrency } : '']));
}

/** One value as the host takes it; undefined when nothing was entered. A value that does not parse goes as typed, for the host to name the problem. */
export function typedValue(field: StepFormField, value: FormDraftValue | undefined): unknown {
  if (field.type === 'checkbox') return value === true;
  if (value === undefined || value === false) return undefined;
  if (typeof value === 'object') {
    const amount = value.amount.trim().replace(',', '.');
    if (amount === '') return undefined;
    const number = Number(amount);
    return { amountMinor: Number.isFinite(number) ? Math.round(number * 100) : amount, currency: value.currency };
  }
  const text = String(value).trim();
  if (text === '') return undefined;
  if (field.type === 'number') {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/** The values of the fields `action` asks for now, as the advance command's `data`. */
export function draftToData(fields: readonly StepFormField[], action: string, draft: FormDraft): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    if (!isAskedFor(field, action)) continue;
    const value = typedValue(field, draft[field.key]);
    if (value !== undefined) data[field.key] = value;
  }
  // Fields whose condition does not hold are left out, as the host would leave them out.
  const asked = new Set(askedFields(fields, action, data, {}).map((f) => f.key));
  return Object.fromEntries(Object.entries(data).filter(([key]) => asked.has(key)));
}

/** The fields to show for `action` with what is filled in so far (and any the host named in an error). */
export function visibleFields(fields: readonly StepFormField[], action: string, draft: FormDraft, error: AppError | undefined): StepFormField[] {
  const data = Object.fromEntries(fields.map((f) => [f.key, typedValue(f, draft[f.key])]).filter(([, v]) => v !== undefined));
  const asked = new Set(askedFields(fields, action, data, {}).map((f) => f.key));
  const named = new Set(problemsOf(error).map((p) => p.field));
  return fields.filter((f) => isAskedFor(f, action) && (asked.has(f.key) || named.has(`data.${f.key}`)));
}

/** Every problem the host reported with its field (`details` of a step form refusal, or the error itself). */
export function problemsOf(error: AppError | undefined): { field: string; message: string }[] {
  if (!error) return [];
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const listed = details.flatMap((d) => (d && typeof d === 'object' && 'field' in d && 'message' in d ? [{ field: String(d.field), message: String(d.message) }] : []));
  return listed.length > 0 ? listed : error.field ? [{ field: error.field, message: error.message }] : [];
}

/** The problem with one form field, if the host named it. */
export const problemAt = (error: AppError | undefined, key: string): string | undefined => problemsOf(error).find((p) => p.field === `data.${key}`)?.message;
