import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { codeLabel } from '../../src-shared/format/code-label';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDay, formatMoney, todayLocal } from '../tasks/task-labels';
import { BudgetChargeDialog } from './BudgetChargeDialog';
import { ReceiptDialog } from './ReceiptDialog';
import { RecordActions } from './RecordActions';
import { RegisterTable } from './RegisterTable';
import { StatusChip } from './StatusChip';
import { useDocumentDownload } from './use-download';

/**
 * Purchase orders: charged to a project's budget, sent to the supplier (PDF by email), acknowledged,
 * received in one or more goods receipts.
 */
export function PurchaseOrderSection({ supplierName }: { supplierName: (id: unknown) => string }) {
  const register = useLiveQuery('records/register', { kind: 'purchase_order', sort: { field: 'number', direction: 'desc' }, limit: 200 });
  const projects = useLiveQuery('projects/list', { includeArchived: false });
  const send = useCommand('equipment/po/send');
  const update = useCommand('records/update');
  const transition = useCommand('records/transition');
  const pdf = useDocumentDownload();
  const [receiving, setReceiving] = useState<RecordView | null>(null);
  const [charging, setCharging] = useState<RecordView | null>(null);
  const budgetOf = (values: Record<string, unknown>) => {
    const project = projects.data?.find((p) => p.id === values.projectId);
    return project && typeof values.budgetCategory === 'string' ? `${project.code} · ${codeLabel(values.budgetCategory)}` : '—';
  };
  const [sentNote, setSentNote] = useState<string | null>(null);
  const acknowledge = async (id: string) => {
    if ((await update.run({ id, data: { acknowledgedOn: todayLocal() } })).ok) await transition.run({ id, to: 'acknowledged' });
  };
  const problem = send.error ?? update.error ?? transition.error ?? pdf.error;
  return (
    <Stack spacing={1.5}>
      {sentNote && <Alert severity="success" onClose={() => setSentNote(null)}>{sentNote}</Alert>}
      {problem && <Alert severity="error">{errorText(problem)}</Alert>}
      <RegisterTable label="Purchase orders" rows={register.data?.rows ?? []} empty="No purchase orders yet: the award of an RFQ makes one."
        columns={[
          { label: 'Number', value: (r) => r.number },
          { label: 'Supplier', value: (r) => supplierName(r.values.supplierId) },
          { label: 'Items', value: (r) => r.title },
          { label: 'Total', value: (r) => { const t = r.values.total as { amountMinor: number; currency: string } | undefined; return t ? formatMoney(t.amountMinor, t.currency) : '—'; } },
          { label: 'Budget', value: (r) => budgetOf(r.values) },
          { label: 'Delivery due', value: (r) => formatDay(r.values.deliveryDue as string | undefined) },
          { label: 'Status', value: (r) => <StatusChip kind="purchase_order" status={r.status} /> },
          {
            label: 'Actions',
            value: (r) => (
              <RecordActions id={r.id} hidden={['sent', 'acknowledged', 'partly_received', 'received']}>
                {(po) => (
                  <>
                    {po.status === 'draft' && <Button size="small" variant="contained" disabled={send.isRunning} onClick={async () => {
                      const result = await send.run({ id: po.id });
                      if (result.ok) setSentNote(result.value.emailed ? `${po.number} is on its way to the supplier by email.` : `${po.number} is sent; ${result.value.withoutEmail.join(', ')} has no email address: send the PDF by hand.`);
                    }}>Send to supplier</Button>}
                    {['draft', 'sent', 'acknowledged', 'partly_received'].includes(po.status) && <Button size="small" onClick={() => setCharging(po)}>Charge to budget</Button>}
                    {po.status === 'sent' && <Button size="small" variant="outlined" onClick={() => void acknowledge(po.id)}>Supplier acknowledged</Button>}
                    {['sent', 'acknowledged', 'partly_received'].includes(po.status) && <Button size="small" variant="contained" onClick={() => setReceiving(po)}>Record goods receipt</Button>}
                    <Button size="small" startIcon={<PictureAsPdfIcon />} disabled={pdf.isRunning} onClick={() => pdf.download('purchase_order', po.id)}>PDF</Button>
                  </>
                )}
              </RecordActions>
            ),
          },
        ]} />
      {receiving && <ReceiptDialog order={receiving} onClose={() => setReceiving(null)} />}
      {charging && <BudgetChargeDialog order={charging} onClose={() => setCharging(null)} />}
    </Stack>
  );
}
