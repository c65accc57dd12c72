import { fail, ok, type Result } from '../core/result';
import { evaluateCondition } from './routing-rules';
import { fieldsForAction, isEmptyValue, recordFieldOf, variableOf, type StepFormField } from './step-form';

/**
 * Checks what a person filled in on a step's form before the step moves on: each field the action
 * asks for (and whose `when` holds) by its type and limits. Pure; the UI shows each problem next to
 * its field (`data.<key>`).
 */

export interface FormProblem {
  /** `data.<key>`, as the advance command names its input. */
  field: string;
  message: string;
}

/** The checked values, split by where they go. */
export interface FormValues {
  variables: Record<string, unknown>;
  recordFields: Record<string, unknown>;
}

export interface FormContext {
  /** The instance's variables and `record` (record-binding.ts `routingContext`), for `when` conditions. */
  context: Readonly<Record<string, unknown>>;
  /** Whether an id names an active person of the directory; any id is taken when absent. */
  isPerson?: (id: string) => boolean;
  /** Whether an id names a file attached to the instance; any well-formed id is taken when absent. */
  isAttachment?: (id: string) => boolean;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const attachmentId = /^[A-Za-z0-9_.-]{1,80}$/;

function isDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const minorToText = (amount: number) => (amount / 100).toFixed(2);

/** Why a given value does not fit its field, or null when it does. */
export function valueProblem(field: StepFormField, value: unknown, isPerson?: (id: string) => boolean, isAttachment?: (id: string) => boolean): string | null {
  const label = field.label;
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return `${label} is text.`;
      const text = value.trim();
      if (field.min_length !== undefined && text.length < field.min_length) return `${label} needs at least ${field.min_length} characters.`;
      if (text.length > (field.max_length ?? 4000)) return `${label} takes at most ${field.max_length ?? 4000} characters.`;
      if (field.pattern && !safeTest(field.pattern, text)) return field.pattern_message ?? `${label} does not have the expected form.`;
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} is a number.`;
      if (typeof field.min === 'number' && value < field.min) return `${label} is at least ${field.min}.`;
      if (typeof field.max === 'number' && value > field.max) return `${label} is at most ${field.max}.`;
      return null;
    }
    case 'money': {
      const money = value as { amountMinor?: unknown; currency?: unknown } | null;
      if (!money || typeof money !== 'object' || !Number.isSafeInteger(money.amountMinor) || (money.amountMinor as number) < 0 || typeof money.currency !== 'string' || !/^[A-Z]{3}$/.test(money.currency)) {
        return `${label} is an amount with its currency.`;
      }
      if (field.currency && money.currency !== field.currency) return `${label} is in ${field.currency}.`;
      const amount = money.amountMinor as number;
      if (typeof field.min === 'number' && amount < field.min) return `${label} is at least ${minorToText(field.min)} ${money.currency}.`;
      if (typeof field.max === 'number' && amount > field.max) return `${label} is at most ${minorToText(field.max)} ${money.currency}.`;
      return null;
    }
    case 'date': {
      if (typeof value !== 'string' || !isDate(value)) return `${label} is a date (YYYY-MM-DD).`;
      if (typeof field.min === 'string' && value < field.min) return `${label} is ${field.min} or later.`;
      if (typeof field.max === 'string' && value > field.max) return `${label} is ${field.max} or earlier.`;
      return null;
    }
    case 'choice':
      return typeof value === 'string' && (field.choices ?? []).some((c) => c.value === value) ? null : `Choose one of the options for ${label}.`;
    case 'person':
      if (typeof value !== 'string' || value.length > 40) return `Choose a person for ${label}.`;
      return isPerson && !isPerson(value) ? `${label} must be an active person of the directory.` : null;
    case 'file':
      // Attachments are activity documents of kind `attachment`; the field holds the attachment's id,
      // which must be a file of this workflow (not another instance's, nor one removed since).
      if (typeof value !== 'string' || !attachmentId.test(value)) return `${label} must be an attached file.`;
      return isAttachment && !isAttachment(value) ? `${label} must be a file attached to this workflow; attach it here first.` : null;
    case 'checkbox':
      return typeof value === 'boolean' ? null : `${label} is ticked or not.`;
  }
}

/** A definition's pattern (checked to compile when saved); one that does not compile matches nothing. */
function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** Whether a pattern compiles (checked when a definition is saved). */
export function isUsablePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** The fields `action` asks for now: those of the action whose `when` holds over the values given and the context. */
export function askedFields(form: readonly StepFormField[] | undefined, action: string, data: Readonly<Record<string, unknown>>, context: Readonly<Record<string, unknown>>): StepFormField[] {
  const scope = { ...context, ...data };
  return fieldsForAction(form, action).filter((field) => !field.when || evaluateCondition(field.when, scope));
}

/**
 * The values of a step's form for one action, checked: every problem (`invalid_input` with the
 * first one's field, all of them in `details`), or the values split into variables and record
 * fields. Keys that are no field of the form are refused; fields the action does not ask for now
 * are left out.
 */
export function checkStepForm(form: readonly StepFormField[], action: string, data: Readonly<Record<string, unknown>> | undefined, input: FormContext): Result<FormValues> {
  const given = data ?? {};
  const problems: FormProblem[] = [];
  const known = new Set(form.map((f) => f.key));
  for (const key of Object.keys(given)) if (!known.has(key)) problems.push({ field: `data.${key}`, message: `“${key}” is not a field of this step’s form.` });
  const values: FormValues = { variables: {}, recordFields: {} };
  for (const field of askedFields(form, action, given, input.context)) {
    const value = typeof given[field.key] === 'string' ? (given[field.key] as string).trim() : given[field.key];
    const isMissing = isEmptyValue(value) || (field.type === 'checkbox' && field.required === true && value !== true);
    if (isMissing) {
      if (field.required) problems.push({ field: `data.${field.key}`, message: field.type === 'checkbox' ? `Tick “${field.label}”.` : `Fill in ${field.label}.` });
      continue;
    }
    const problem = valueProblem(field, value, input.isPerson, input.isAttachment);
    if (problem) {
      problems.push({ field: `data.${field.key}`, message: problem });
      continue;
    }
    const recordField = recordFieldOf(field);
    if (recordField !== undefined) values.recordFields[recordField] = value;
    else values.variables[variableOf(field) as string] = value;
  }
  const [first] = problems;
  if (first) return fail('invalid_input', first.message, { field: first.field, details: problems });
  return ok(values);
}
