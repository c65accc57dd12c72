import { describe, expect, it } from 'vitest';
import type { StepFormField } from '../../../../src-shared/workflows/step-form';
import { addField, formatChoices, formatLimit, moveField, parseChoices, parseLimit, patchField } from '../../../../src-renderer/workflows/form-field-edit';
import { draftToData, emptyDraft, problemAt, visibleFields } from '../../../../src-renderer/workflows/step-form-values';

/** The step form as a person fills it in, and as an administrator edits it. */

const form: StepFormField[] = [
  { key: 'amount', label: 'Amount', type: 'money', currency: 'EUR', required: true },
  { key: 'count', label: 'Count', type: 'number' },
  { key: 'why', label: 'Why', type: 'text', when: { var: 'count', op: 'gt', value: 3 } },
  { key: 'ok', label: 'Checked', type: 'checkbox' },
  { key: 'reason', label: 'Reason', type: 'text', actions: ['reject'] },
];

describe('a step form being filled in', () => {
  it('turns what was typed into the values the host checks', () => {
    const draft = { ...emptyDraft(form), amount: { amount: '12,50', currency: 'EUR' }, count: '5', why: ' broken ', ok: true, reason: 'not asked' };
    expect(draftToData(form, 'complete', draft)).toEqual({ amount: { amountMinor: 1250, currency: 'EUR' }, count: 5, why: 'broken', ok: true });
    expect(draftToData(form, 'complete', { ...draft, count: '2' })).toEqual({ amount: { amountMinor: 1250, currency: 'EUR' }, count: 2, ok: true });
    // What does not parse goes as typed, so the host names the problem at its field.
    expect(draftToData(form, 'complete', { ...draft, count: 'many' })).toMatchObject({ count: 'many' });
    expect(draftToData(form, 'reject', draft)).toEqual({ reason: 'not asked' });
  });

  it('shows the fields asked now, and any the host named in its refusal', () => {
    const draft = emptyDraft(form);
    expect(visibleFields(form, 'complete', draft, undefined).map((f) => f.key)).toEqual(['amount', 'count', 'ok']);
    expect(visibleFields(form, 'complete', { ...draft, count: '4' }, undefined).map((f) => f.key)).toEqual(['amount', 'count', 'why', 'ok']);
    const refusal = { code: 'invalid_input' as const, message: 'Fill in Amount.', field: 'data.amount', details: [{ field: 'data.amount', message: 'Fill in Amount.' }, { field: 'data.why', message: 'Fill in Why.' }] };
    expect(visibleFields(form, 'complete', draft, refusal).map((f) => f.key)).toEqual(['amount', 'count', 'why', 'ok']);
    expect(problemAt(refusal, 'why')).toBe('Fill in Why.');
  });
});

describe('a step form being edited', () => {
  it('adds, changes, moves and drops settings a new type cannot use', () => {
    let fields = addField(undefined);
    fields = addField(fields, 'number');
    expect(fields.map((f) => f.key)).toEqual(['field_1', 'field_2']);
    fields = patchField(fields, 1, { max: 10, required: true });
    fields = patchField(fields, 1, { type: 'choice' });
    expect(fields[1]).toEqual({ key: 'field_2', label: 'Field 2', type: 'choice', required: true, choices: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] });
    expect(patchField(fields, 1, { required: undefined })[1]).not.toHaveProperty('required');
    expect(moveField(fields, 1, -1).map((f) => f.key)).toEqual(['field_2', 'field_1']);
  });

  it('reads choices and limits as a person types them', () => {
    expect(parseChoices('annual: Annual leave\nSick leave\n\n')).toEqual([{ value: 'annual', label: 'Annual leave' }, { value: 'sick_leave', label: 'Sick leave' }]);
    expect(formatChoices([{ value: 'a', label: 'A' }])).toBe('a: A');
    expect(parseLimit('money', '5000')).toBe(500_000);
    expect(formatLimit('money', 500_000)).toBe('5000.00');
    expect(parseLimit('date', '2026-01-01')).toBe('2026-01-01');
    expect(parseLimit('number', '')).toBeUndefined();
  });
});
