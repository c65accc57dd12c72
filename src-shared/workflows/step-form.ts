import { z } from 'zod';
import { conditionSchema } from './routing-rules';

/**
 * Step forms (the spec's "generate forms from workflow steps"): the typed fields a person fills in
 * when they act on a step. The UI renders them where people act (My work, the instance page); the
 * engine checks the values before the step moves on (step-form-check.ts) and sends each one to an
 * instance variable or a field of the record the workflow is about. Plain data, like routing: a
 * definition from another PC cannot run anything.
 */

export const formFieldTypes = ['text', 'number', 'money', 'date', 'choice', 'person', 'file', 'checkbox'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

const fieldKeySchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'A field key is a name like amount or start_date.');

/** Where a value goes: an instance variable (by name) or a data field of the record (`record.<field>`). */
const targetSchema = z.string().regex(/^(record\.)?[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'Send a value to a variable name, or to a record field as record.<field>.');

const actionSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'An action is a lower-case word like approve.');

export const formFieldSchema = z
  .object({
    key: fieldKeySchema,
    label: z.string().trim().min(1, 'Give the field a label.').max(200),
    type: z.enum(formFieldTypes),
    help: z.string().max(500).optional(),
    required: z.boolean().optional(),
    /** number: the smallest value; money: the smallest amount in minor units (500000 = 5,000.00); date: the earliest day (YYYY-MM-DD). */
    min: z.union([z.number(), z.string().max(10)]).optional(),
    /** The largest value, amount (minor units) or latest day, like `min`. */
    max: z.union([z.number(), z.string().max(10)]).optional(),
    /** text: fewest and most characters. */
    min_length: z.number().int().min(0).max(10_000).optional(),
    max_length: z.number().int().min(1).max(10_000).optional(),
    /** text: a regular expression the whole value must match (e.g. `^LOT-[0-9]{6}$`). */
    pattern: z.string().min(1).max(200).optional(),
    /** What a person reads when the pattern does not match ("A lot number looks like LOT-123456."). */
    pattern_message: z.string().max(200).optional(),
    /** choice: the values a person picks from. */
    choices: z.array(z.object({ value: z.string().min(1).max(80), label: z.string().trim().min(1).max(200) }).strict()).min(1).max(100).optional(),
    /** money: the only currency taken (ISO 4217). */
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. EUR.').optional(),
    /** text: several lines. */
    multiline: z.boolean().optional(),
    /** Asked (and checked) only while this holds, over the form's other fields by key, the variables and `record.<field>`. */
    when: conditionSchema.optional(),
    /** The actions that take this field; every action but `reject` when absent. */
    actions: z.array(actionSchema).min(1).max(20).optional(),
    /** Where the value goes: the variable named `key` when absent. */
    to: targetSchema.optional(),
  })
  .strict();
export type StepFormField = z.infer<typeof formFieldSchema>;

export const stepFormSchema = z.array(formFieldSchema).max(50);

/** Whether `field` is asked for `action`. */
export const isAskedFor = (field: StepFormField, action: string): boolean => (field.actions ? field.actions.includes(action) : action !== 'reject');

/** The fields of a form that `action` asks for (before their `when` conditions). */
export const fieldsForAction = (form: readonly StepFormField[] | undefined, action: string): StepFormField[] => (form ?? []).filter((f) => isAskedFor(f, action));

/** The record field a value goes to, or undefined when it goes to a variable. */
export const recordFieldOf = (field: StepFormField): string | undefined => (field.to?.startsWith('record.') ? field.to.slice('record.'.length) : undefined);

/** The variable a value goes to, or undefined when it goes to the record. */
export const variableOf = (field: StepFormField): string | undefined => (recordFieldOf(field) === undefined ? (field.to ?? field.key) : undefined);

/** Whether a form value counts as not given (a checkbox left unticked is `false`, a given answer). */
export const isEmptyValue = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
