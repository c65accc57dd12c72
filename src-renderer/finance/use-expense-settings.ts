import { expenseSettingsOf, type ExpenseSettings } from '../../src-shared/finance/expense-settings-kind';
import { useLiveQuery } from '../bridge/BridgeProvider';

/** Finance's expense settings in force (the one settings record, or the defaults before finance saved any), live. */
export function useExpenseSettings(): ExpenseSettings | undefined {
  const found = useLiveQuery('records/register', { kind: 'expense_settings', text: '', filters: [], offset: 0, limit: 1 });
  const id = found.data?.rows[0]?.id;
  const record = useLiveQuery('records/get', { id: id ?? '-' });
  if (!found.data) return undefined;
  if (!id) return expenseSettingsOf([]);
  return record.data ? expenseSettingsOf([{ data: record.data.data }]) : undefined;
}
