import { Stack, Tab, Tabs, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { recordKindOf } from '../../src-shared/records/record-kinds';
import { ModuleRegisters } from '../records/ModuleRegisters';
import { kindsOfModule } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { financeTabs, type FinanceTabId } from './finance-tabs';
import { InvoicesTab } from './InvoicesTab';
import { PaymentsTab } from './PaymentsTab';
import { ReceivablesTab } from './ReceivablesTab';

/** A register's address names its kind (`#/finance/invoice`), which no tab id is. */
const isFinanceKind = (segment: string | undefined) => recordKindOf(segment)?.module === 'finance';

/**
 * The Finance section: invoices (issue, credit, record a payment), payments, receivables ageing,
 * and the generic registers of every finance kind, as tabs (`#/finance/<tab>`).
 */
export function FinancePage() {
  const { path, go } = useNavigation();
  const [first] = path;
  const current: FinanceTabId = isFinanceKind(first) ? 'registers' : financeTabs.some(([id]) => id === first) ? (first as FinanceTabId) : 'invoices';
  const openTab = (tab: FinanceTabId) => go('finance', [tab === 'registers' ? (kindsOfModule('finance')[0]?.kind ?? tab) : tab]);
  const tabs: Record<FinanceTabId, () => ReactNode> = {
    invoices: () => <InvoicesTab />,
    payments: () => <PaymentsTab />,
    receivables: () => <ReceivablesTab />,
    registers: () => <ModuleRegisters module="finance" path={path} />,
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">Finance</Typography>
      <Tabs value={current} onChange={(_e, tab: FinanceTabId) => openTab(tab)} aria-label="Finance views">
        {financeTabs.map(([id, label]) => <Tab key={id} value={id} label={label} />)}
      </Tabs>
      {tabs[current]()}
    </Stack>
  );
}
