import { Stack, Tab, Tabs, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { BudgetsTab } from './BudgetsTab';
import { ExchangeRatesTab } from './ExchangeRatesTab';
import { ExpensePolicyTab } from './ExpensePolicyTab';
import { ExpenseReportTab } from './ExpenseReportTab';
import { financeTabsFor, isFinanceKind, type FinanceTabId } from './finance-tabs';
import { InvoicesTab } from './InvoicesTab';
import { MyExpenses } from './MyExpenses';
import { PaymentsTab } from './PaymentsTab';
import { ReceivablesTab } from './ReceivablesTab';
import { ReportsTab } from './ReportsTab';
import { SupplierInvoicesTab } from './SupplierInvoicesTab';

/**
 * The Finance section: for finance staff and administrators, invoices (issue, credit, record a
 * payment), payments, supplier invoices (approve, pay) and receivables ageing; for everyone, their own expense claims, the expense
 * report, finance's expense policy, budgets and the reports (cash received by month for finance, budget versus actual); and every finance record kind's register (`#/finance/<kind>`,
 * where a record page's "where it belongs" link leads). Approvals are in Workflows → My work, as
 * every approval is.
 */
export function FinancePage({ personId, personName, roles }: { personId: string; personName: string; roles: readonly string[] }) {
  const { path, go } = useNavigation();
  const [first] = path;
  const tabs = financeTabsFor({ id: personId, roles });
  const current: FinanceTabId = isFinanceKind(first) ? 'registers' : tabs.some(([id]) => id === first) ? (first as FinanceTabId) : (tabs[0]?.[0] ?? 'expenses');
  const openTab = (tab: FinanceTabId) => go('finance', [tab === 'registers' ? (kindsOfModule('finance')[0]?.kind ?? tab) : tab]);
  const views: Record<FinanceTabId, () => ReactNode> = {
    invoices: () => <InvoicesTab />,
    payments: () => <PaymentsTab />,
    'supplier-invoices': () => <SupplierInvoicesTab />,
    receivables: () => <ReceivablesTab />,
    'exchange-rates': () => <ExchangeRatesTab canEnter={roles.includes('finance')} />,
    expenses: () => <MyExpenses personId={personId} personName={personName} />,
    'expense-report': () => <ExpenseReportTab />,
    'expense-policy': () => <ExpensePolicyTab isFinance={roles.includes('finance')} />,
    budgets: () => <BudgetsTab personId={personId} personName={personName} />,
    reports: () => <ReportsTab seesPayments={tabs.some(([id]) => id === 'receivables')} />,
    registers: () => <ModuleRegisters module="finance" path={path} />,
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">Finance</Typography>
      <Tabs value={current} onChange={(_e, tab: FinanceTabId) => openTab(tab)} aria-label="Finance views" variant="scrollable" allowScrollButtonsMobile>
        {tabs.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {views[current]()}
    </Stack>
  );
}
