import { Stack, Tab, Tabs, Typography } from '@mui/material';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { FINANCE_TABS, isFinanceKind, type FinanceTabId } from './finance-tabs';
import { ExpensePolicyTab } from './ExpensePolicyTab';
import { ExpenseReportTab } from './ExpenseReportTab';
import { MyExpenses } from './MyExpenses';

/**
 * The Finance section: the signed-in person's expense claims, the expense report, finance's expense policy, and every finance record kind's
 * register (`#/finance/<kind>`, where a record page's "where it belongs" link leads). Approvals
 * are in Workflows → My work, as every approval is.
 */
export function FinancePage({ personId, personName, roles }: { personId: string; personName: string; roles: readonly string[] }) {
  const { path, go } = useNavigation();
  const [first] = path;
  const current: FinanceTabId = isFinanceKind(first) ? 'registers' : FINANCE_TABS.some(([id]) => id === first) ? (first as FinanceTabId) : 'expenses';
  const openTab = (tab: FinanceTabId) => go('finance', [tab === 'registers' ? (kindsOfModule('finance')[0]?.kind ?? tab) : tab]);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">Finance</Typography>
      <Tabs value={current} onChange={(_e, tab: FinanceTabId) => openTab(tab)} aria-label="Finance views">
        {FINANCE_TABS.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {current === 'expenses' && <MyExpenses personId={personId} personName={personName} />}
      {current === 'expense-report' && <ExpenseReportTab />}
      {current === 'expense-policy' && <ExpensePolicyTab isFinance={roles.includes('finance')} />}
      {current === 'registers' && <ModuleRegisters module="finance" path={path} />}
    </Stack>
  );
}
