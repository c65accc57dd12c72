import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { StepFormField } from '../../../src-shared/workflows/step-form';
import { askedFields, checkStepForm, valueProblem } from '../../../src-shared/workflows/step-form-check';
import { validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { at, flow, must, people, start, task } from './helpers';

/** Step forms: typed fields checked before a step moves on, with the field each problem is about. */

const field = (type: StepFormField['type'], extra: Partial<StepFormField> = {}): StepFormField => ({ key: 'value', label: 'Value', type, ...extra });
const isPerson = (id: string) => id === 'u-head';

describe('a form field’s value', () => {
  const cases: [string, StepFormField, unknown, string | null][] = [
    ['text', field('text'), 'LOT-1', null],
    ['text that is a number', field('text'), 42, 'Value is text.'],
    ['text too short', field('text', { min_length: 5 }), 'abc', 'Value needs at least 5 characters.'],
    ['text too long', field('text', { max_length: 3 }), 'abcd', 'Value takes at most 3 characters.'],
    ['text matching its pattern', field('text', { pattern: '^LOT-[0-9]{6}$' }), 'LOT-123456', null],
    ['text off its pattern', field('text', { pattern: '^LOT-[0-9]{6}$', pattern_message: 'A lot number looks like LOT-123456.' }), 'LOT-12', 'A lot number looks like LOT-123456.'],
    ['number', field('number', { min: 0, max: 10 }), 7.5, null],
    ['number below its minimum', field('number', { min: 0 }), -1, 'Value is at least 0.'],
    ['number above its maximum', field('number', { max: 10 }), 11, 'Value is at most 10.'],
    ['number that is text', field('number'), '7', 'Value is a number.'],
    ['number that is not finite', field('number'), Number.POSITIVE_INFINITY, 'Value is a number.'],
    ['money', field('money', { currency: 'EUR', max: 500_000 }), { amountMinor: 12_345, currency: 'EUR' }, null],
    ['money in another currency', field('money', { currency: 'EUR' }), { amountMinor: 100, currency: 'USD' }, 'Value is in EUR.'],
    ['money above its limit', field('money', { max: 500_000 }), { amountMinor: 500_001, currency: 'EUR' }, 'Value is at most 5000.00 EUR.'],
    ['money in fractions of a cent', field('money'), { amountMinor: 1.5, currency: 'EUR' }, 'Value is an amount with its currency.'],
    ['money without a currency', field('money'), { amountMinor: 100 }, 'Value is an amount with its currency.'],
    ['date', field('date', { min: '2025-01-01', max: '2025-12-31' }), '2025-02-28', null],
    ['date that does not exist', field('date'), '2025-02-30', 'Value is a date (YYYY-MM-DD).'],
    ['date before its earliest day', field('date', { min: '2025-01-01' }), '2024-12-31', 'Value is 2025-01-01 or later.'],
    ['date after its latest day', field('date', { max: '2025-12-31' }), '2026-01-01', 'Value is 2025-12-31 or earlier.'],
    ['choice', field('choice', { choices: [{ value: 'a', label: 'A' }] }), 'a', null],
    ['choice not offered', field('choice', { choices: [{ value: 'a', label: 'A' }] }), 'b', 'Choose one of the options for Value.'],
    ['person of the directory', field('person'), 'u-head', null],
    ['person not in the directory', field('person'), 'u-ghost', 'Value must be an active person of the directory.'],
    ['file (an attachment id)', field('file'), 'att-01HZX3', null],
    ['file that is a path', field('file'), '../etc/passwd', 'Value must be an attached file.'],
    ['checkbox', field('checkbox'), false, null],
    ['checkbox that is text', field('checkbox'), 'yes', 'Value is ticked or not.'],
  ];
  it.each(cases)('%s', (_, definition, value, problem) => {
    expect(valueProblem(definition, value, isPerson)).toBe(problem);
  });

  it('file: only one of the instance’s own attachments, when the runtime says which they are', () => {
    const isAttachment = (id: string) => id === 'att-own';
    expect(valueProblem(field('file'), 'att-own', isPerson, isAttachment)).toBeNull();
    expect(valueProblem(field('file'), 'att-elsewhere', isPerson, isAttachment)).toBe('Value must be a file attached to this workflow; attach it here first.');
  });
});

describe('a step’s form', () => {
  const form: StepFormField[] = [
    { key: 'amount', label: 'Amount', type: 'money', required: true, to: 'record.estimatedCost' },
    { key: 'reason', label: 'Reason', type: 'text', required: true, when: { var: 'amount.amountMinor', op: 'gt', value: 100_000 } },
    { key: 'confirmed', label: 'I checked the quote', type: 'checkbox', required: true },
    { key: 'why_not', label: 'Why not', type: 'text', required: true, actions: ['reject'] },
    { key: 'note', label: 'Note', type: 'text', to: 'remarks' },
  ];
  const context = { context: {} };

  it('sends each value where the form says and leaves out what the action does not ask', () => {
    const values = must(checkStepForm(form, 'approve', { amount: { amountMinor: 5_000, currency: 'EUR' }, confirmed: true, note: '  fine ' }, context));
    expect(values).toEqual({ variables: { confirmed: true, remarks: 'fine' }, recordFields: { estimatedCost: { amountMinor: 5_000, currency: 'EUR' } } });
    expect(askedFields(form, 'reject', {}, {}).map((f) => f.key)).toEqual(['why_not']);
  });

  it('lists every problem with its field, the first as the error', () => {
    const result = checkStepForm(form, 'approve', { amount: { amountMinor: 200_000, currency: 'EUR' }, confirmed: false, extra: 1 }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.extra' } });
    const details = (result as { error: { details: { field: string; message: string }[] } }).error.details;
    expect(details).toEqual([
      { field: 'data.extra', message: '“extra” is not a field of this step’s form.' },
      { field: 'data.reason', message: 'Fill in Reason.' },
      { field: 'data.confirmed', message: 'Tick “I checked the quote”.' },
    ]);
  });

  it('asks a conditional field only while its condition holds, also over the record', () => {
    expect(must(checkStepForm(form, 'approve', { amount: { amountMinor: 50, currency: 'EUR' }, confirmed: true }, context)).variables).toEqual({ confirmed: true });
    const byRecord: StepFormField[] = [{ key: 'hr_ok', label: 'HR agrees', type: 'checkbox', required: true, when: { var: 'record.days', op: 'gt', value: 10 } }];
    expect(checkStepForm(byRecord, 'complete', {}, { context: { record: { days: 12 } } })).toMatchObject({ ok: false, error: { field: 'data.hr_ok' } });
    expect(checkStepForm(byRecord, 'complete', {}, { context: { record: { days: 2 } } })).toMatchObject({ ok: true });
  });

  it('is checked by the engine before the step completes, and nothing changes when it fails', () => {
    const def = flow([task('check', ['done'], 'member', { form: [{ key: 'batch', label: 'Batch', type: 'text', required: true, pattern: '^B[0-9]+$' }] }), { step_id: 'done', name: 'Done', type: 'end' }]);
    const { instance } = start(def);
    expect(advance(def, instance, { commandId: 'c1', action: 'complete', data: { batch: 'X1' } }, people.requester, at(1))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.batch', message: 'Batch does not have the expected form.' } });
    expect(advance(def, instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1))).toMatchObject({ ok: false, error: { field: 'data.batch' } });
    const done = must(advance(def, instance, { commandId: 'c1', action: 'complete', data: { batch: 'B12' } }, people.requester, at(1)));
    expect(done.instance).toMatchObject({ status: 'completed', variables: { batch: 'B12' } });
    // Someone else's refusal comes first: a stranger learns nothing about the form.
    expect(advance(def, instance, { commandId: 'c2', action: 'complete', data: {} }, people.hr, at(1))).toMatchObject({ ok: false, error: { code: 'not_your_role' } });
  });
});

describe('a definition’s forms and record effects', () => {
  const base = (steps: Parameters<typeof flow>[0], extra = {}) => ({ ...flow(steps, extra), status: 'draft' as const });
  const problems = (definition: unknown) => validateDefinition(definition).map((p) => `${p.path}: ${p.message}`);

  it('refuses forms that cannot be filled in', () => {
    const bad = base([
      task('a', ['done'], 'member', {
        form: [
          { key: 'x', label: 'X', type: 'choice' },
          { key: 'x', label: 'X again', type: 'number', min: 'soon' },
          { key: 'y', label: 'Y', type: 'text', pattern: '(' },
          { key: 'z', label: 'Z', type: 'date', actions: ['approve'] },
          { key: 'w', label: 'W', type: 'text', to: 'record.hrNote' },
        ],
      }),
      { step_id: 'done', name: 'Done', type: 'end' },
    ]);
    expect(problems(bad)).toEqual([
      'steps[0].form[0].choices: A choice field needs its choices.',
      'steps[0].form[1].key: The field key “x” is used twice.',
      'steps[0].form[1].to: Two fields send their value to “x”.',
      'steps[0].form[1].min: The smallest value of a number field is a number.',
      'steps[0].form[2].pattern: This pattern is not a regular expression LabFlow can use.',
      'steps[0].form[3].actions: “Task a” takes “complete”, not “approve”.',
      'steps[0].form[4].to: A value goes to the record only when the workflow is about a record kind (record_kind).',
    ]);
  });

  it('refuses record effects the record kind cannot make', () => {
    const approval = {
      step_id: 'decide',
      name: 'Decide',
      type: 'approval' as const,
      assignee_type: 'role' as const,
      assignee_value: 'hr',
      conditions: { approve: ['done'], reject: [] },
      record_effects: { approve: { status: 'granted' }, reject: { status: 'draft' }, escalate: { set: { mood: 'sad' } } },
      form: [{ key: 'note', label: 'Note', type: 'text' as const, to: 'record.hrNotes' }],
    };
    expect(problems(base([approval, { step_id: 'done', name: 'Done', type: 'end' }], { record_kind: 'leave_request' }))).toEqual([
      'steps[0].form[0].to: A leave request has no field “hrNotes”.',
      'steps[0].record_effects.approve.status: A leave request has no status “granted”; it has draft, submitted, approved, rejected, cancelled.',
      'steps[0].record_effects.reject.status: No transition of a leave request leads to “draft”.',
      'steps[0].record_effects.escalate: “Decide” takes “approve”, “reject”, not “escalate”.',
      'steps[0].record_effects.escalate.set.mood: A leave request has no field “mood”.',
    ]);
    expect(problems(base([approval, { step_id: 'done', name: 'Done', type: 'end' }], { record_kind: 'flux_capacitor' }))[0]).toBe('record_kind: LabFlow has no record kind “flux_capacitor”.');
    expect(problems(base([{ ...approval, form: undefined }, { step_id: 'done', name: 'Done', type: 'end' }]))).toEqual([
      'steps[0].record_effects: Say which record kind the workflow is about (record_kind) before its steps change the record.',
    ]);
  });
});
