import type { BudgetCategory } from '../projects/plan-item-model';

/**
 * What an expense line is for. Each category rolls up into one budget category of a project or
 * department budget (src-shared/projects/plan-item-model.ts), so approved expenses count against
 * the right budget line. `mileage` lines are paid per kilometre at the configured rate.
 */
export const expenseCategories = ['travel', 'mileage', 'accommodation', 'meals', 'consumables', 'equipment', 'training', 'services', 'other'] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];

export const expenseCategoryLabels: Record<ExpenseCategory, string> = {
  travel: 'Travel (tickets, taxis)',
  mileage: 'Mileage (own car)',
  accommodation: 'Accommodation',
  meals: 'Meals',
  consumables: 'Lab consumables',
  equipment: 'Small equipment',
  training: 'Training and conferences',
  services: 'Services',
  other: 'Other',
};

export const budgetCategoryOfExpense: Record<ExpenseCategory, BudgetCategory> = {
  travel: 'travel',
  mileage: 'travel',
  accommodation: 'travel',
  meals: 'travel',
  consumables: 'consumables',
  equipment: 'equipment',
  training: 'services',
  services: 'services',
  other: 'other',
};
