import { z } from 'zod';
import { moneySchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { expenseCategories, type ExpenseCategory } from './expense-categories';
import { finance } from './finance-who';

/**
 * Finance's settings: the mileage rate and, per category, the most a line may claim and the
 * amount above which it needs a receipt; the days after the due date on which customers are
 * reminded of an overdue invoice. One record (parent `finance`), so it syncs, is
 * audited and only finance changes it — here and on the sync server. Claims' invariant reads it
 * with `byParent('expense_settings', 'finance')`; before anyone saved it the defaults apply.
 */
export const expenseSettingsParent = 'finance';

const minor = z.number().int('Money is whole minor units (e.g. cents).').min(0).max(Number.MAX_SAFE_INTEGER);

export const categoryPolicySchema = z.object({
  category: z.enum(expenseCategories),
  /** The most one line may claim; null: no limit. */
  limitMinor: minor.nullable().default(null),
  /** A line above this amount needs a receipt; 0: every line; null: never. */
  receiptAboveMinor: minor.nullable().default(null),
});
export type CategoryPolicy = z.infer<typeof categoryPolicySchema>;

/** Sensible starting limits in the settings' currency (EUR by default); finance changes them. */
export const defaultCategoryPolicies: readonly CategoryPolicy[] = [
  { category: 'travel', limitMinor: null, receiptAboveMinor: 2_500 },
  { category: 'mileage', limitMinor: null, receiptAboveMinor: null },
  { category: 'accommodation', limitMinor: 20_000, receiptAboveMinor: 0 },
  { category: 'meals', limitMinor: 6_000, receiptAboveMinor: 2_500 },
  { category: 'consumables', limitMinor: 50_000, receiptAboveMinor: 2_500 },
  { category: 'equipment', limitMinor: 50_000, receiptAboveMinor: 0 },
  { category: 'training', limitMinor: 150_000, receiptAboveMinor: 0 },
  { category: 'services', limitMinor: 50_000, receiptAboveMinor: 2_500 },
  { category: 'other', limitMinor: 25_000, receiptAboveMinor: 2_500 },
];

export const expenseSettingsData = z.object({
  scope: z.literal(expenseSettingsParent).default(expenseSettingsParent),
  /** The currency of the limits and of the mileage rate. */
  currency: moneySchema.shape.currency.default('EUR'),
  /** Minor units paid per kilometre driven in one's own car (30 = €0.30). */
  mileageRateMinorPerKm: minor.max(100_000).default(30),
  policies: z.array(categoryPolicySchema).max(expenseCategories.length).default([...defaultCategoryPolicies]),
  /** Days after an invoice's due date on which the customer is reminded by email (overdue-reminders.ts). */
  overdueReminderDays: z
    .array(z.number().int('Whole days.').min(1, 'At least 1 day after the due date.').max(365, 'At most 365 days.'))
    .max(10, 'At most 10 reminders.')
    .refine((days) => new Set(days).size === days.length, 'Each interval once.')
    .default([7, 14, 30]),
});
export type ExpenseSettings = z.infer<typeof expenseSettingsData>;

/** The settings in force: the stored record's data, or the defaults before finance saved any. */
export const expenseSettingsOf = (stored: readonly Record<string, unknown>[]): ExpenseSettings => {
  const parsed = expenseSettingsData.safeParse(stored[0]?.data ?? {});
  return parsed.success ? parsed.data : expenseSettingsData.parse({});
};

/** The policy of a category (no limit and no receipt rule when finance left it out). */
export const policyOf = (settings: ExpenseSettings, category: ExpenseCategory): CategoryPolicy =>
  settings.policies.find((p) => p.category === category) ?? { category, limitMinor: null, receiptAboveMinor: null };

export const expenseSettingsKind = defineRecordKind<ExpenseSettings>({
  kind: 'expense_settings',
  module: 'finance',
  label: 'Expense settings',
  pluralLabel: 'Expense settings',
  version: 1,
  data: expenseSettingsData as z.ZodType<ExpenseSettings>,
  title: () => 'Expense settings',
  statuses: [{ id: 'active', label: 'In force' }],
  initialStatus: 'active',
  transitions: [],
  columns: { parentId: (d) => d.scope },
  fields: [
    { field: 'mileageRateMinorPerKm', label: 'Mileage rate (cents per km)', type: 'number', isDefaultColumn: true, isEditable: true },
    { field: 'currency', label: 'Currency of the limits', type: 'text', isDefaultColumn: true, isEditable: true },
  ],
  create: finance,
  edit: [{ fields: ['currency', 'mileageRateMinorPerKm', 'policies', 'overdueReminderDays'], who: finance }],
  invariant: {
    reads: () => ({ byParent: [{ kind: 'expense_settings', parentId: expenseSettingsParent }] }),
    check: ({ record, lookup }) =>
      lookup.byParent('expense_settings', expenseSettingsParent).some((other) => other.id !== record.id)
        ? { message: 'The expense settings exist already; change those instead.' }
        : null,
  },
});
