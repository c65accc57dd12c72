import { Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { PurchaseOrderSection } from './PurchaseOrderSection';
import { PurchaseRequestSection } from './PurchaseRequestSection';
import { RfqSection } from './RfqSection';
import { SupplierSection } from './SupplierSection';

/** Buying equipment: suppliers, purchase requests and their approval, RFQs with bid evaluation, purchase orders and goods receipts. */
export function ProcurementTab() {
  const suppliers = useLiveQuery('records/register', { kind: 'supplier', sort: { field: 'number', direction: 'asc' }, limit: 500 });
  const supplierName = (id: unknown) => suppliers.data?.rows.find((s) => s.id === id)?.title ?? '—';
  return (
    <Stack spacing={4}>
      <Stack spacing={1.5}><Typography variant="h6" component="h3">Purchase requests</Typography><PurchaseRequestSection suppliers={suppliers.data?.rows ?? []} /></Stack>
      <Stack spacing={1.5}><Typography variant="h6" component="h3">Requests for quotation</Typography><RfqSection /></Stack>
      <Stack spacing={1.5}><Typography variant="h6" component="h3">Purchase orders</Typography><PurchaseOrderSection supplierName={supplierName} /></Stack>
      <Stack spacing={1.5}><Typography variant="h6" component="h3">Suppliers</Typography><SupplierSection rows={suppliers.data?.rows ?? []} /></Stack>
    </Stack>
  );
}
