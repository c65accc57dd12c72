import type { FormFieldType, StepFormField } from '../../src-shared/workflows/step-form';

/**
 * Immutable edits of a step's form for the definition editor, keeping every other setting as it
 * was (so the JSON view shows exactly what the form did), and the text forms of choices and
 * money limits a person types. Pure.
 */

type Patch = Partial<{ [K in keyof StepFormField]: StepFormField[K] | undefined }>;

/** A new field with a key no other field of the form uses. */
export function addField(form: readonly StepFormField[] | undefined, type: FormFieldType = 'text'): StepFormField[] {
  const keys = new Set((form ?? []).map((f) => f.key));
  let n = (form ?? []).length + 1;
  while (keys.has(`field_${n}`)) n += 1;
  return [...(form ?? []), { key: `field_${n}`, label: `Field ${n}`, type }];
}

/** A patch of one field; `undefined` removes a setting. Changing the type drops settings the new type has no use for. */
export function patchField(form: readonly StepFormField[], index: number, patch: Patch): StepFormField[] {
  return form.map((field, i) => {
    if (i !== index) return field;
    const next: Record<string, unknown> = { ...field, ...patch };
    if (patch.type && patch.type !== field.type) {
      for (const key of ['min', 'max', 'min_length', 'max_length', 'pattern', 'pattern_message', 'choices', 'currency', 'multiline']) delete next[key];
      if (patch.type === 'choice') next.choices = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
    }
    for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
    return next as StepFormField;
  });
}

export const removeField = (form: readonly StepFormField[], index: number): StepFormField[] => form.filter((_, i) => i !== index);

/** Moves a field up (-1) or down (+1); the form keeps its order on screen. */
export function moveField(form: readonly StepFormField[], index: number, by: -1 | 1): StepFormField[] {
  const to = index + by;
  if (to < 0 || to >= form.length) return [...form];
  const next = [...form];
  [next[index], next[to]] = [next[to] as StepFormField, next[index] as StepFormField];
  return next;
}

/** Choices as a person types them: one per line, `value: Label` (or just a label, whose value is made from it). */
export function parseChoices(text: string): { value: string; label: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      const label = (at > 0 ? line.slice(at + 1) : line).trim();
      const value = (at > 0 ? line.slice(0, at) : line).trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_|_$/g, '');
      return { value: value || label, label };
    });
}

export const formatChoices = (choices: readonly { value: string; label: string }[] | undefined): string => (choices ?? []).map((c) => `${c.value}: ${c.label}`).join('\n');

/** A limit as typed: money in major units (12.50 → 1250 minor units), numbers as they are, dates as text. */
export function parseLimit(type: FormFieldType, text: string): number | string | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  if (type === 'date') return t;
  const n = Number(t);
  if (!Number.isFinite(n)) return t;
  return type === 'money' ? Math.round(n * 100) : n;
}

export function formatLimit(type: FormFieldType, value: number | string | undefined): string {
  if (value === undefined) return '';
  return type === 'money' && typeof value === 'number' ? (value / 100).toFixed(2) : String(value);
}
