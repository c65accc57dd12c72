import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { quotationDiscountApproval } from '../../src-shared/crm/discount-approval-workflow';
import { quotationKind } from '../../src-shared/crm/quotation-kind';
import { salesOrderKind } from '../../src-shared/crm/sales-order-kind';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import type { RecordView, RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { RecordActions } from '../equipment/RecordActions';
import { RegisterTable } from '../equipment/RegisterTable';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { useSignedInPerson } from '../records/use-people';
import { StatusChip } from '../records/StatusChip';
import { todayLocal } from '../tasks/task-labels';
import { newCommandId } from '../workflows/command-id';
import { QuotationEditor } from './QuotationEditor';

const totalOf = (r: RegisterRow) => {
  const t = r.values.total as { amountMinor: number; currency: string } | undefined;
  return t ? formatMoney(t.amountMinor, t.currency) : '—';
};
const inDays = (days: number) => new Date(Date.parse(`${todayLocal()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Quotations and the orders made from them (finance makes an order's invoice here: Create invoice): a draft is edited and sent (PDF by email through the
 * outbox) — one discounted above the threshold once a sales manager approved it through the
 * QUOTATION_DISCOUNT workflow —; a sent one is accepted, rejected or revised; an accepted one becomes a sales order.
 * Open leads to the record page, whose Print / PDF action prints the quotation template.
 */
export function QuotationsTab() {
  const quotations = useLiveQuery('records/register', { kind: 'quotation', sort: { field: 'number', direction: 'desc' }, limit: 500 });
  const orders = useLiveQuery('records/register', { kind: 'sales_order', sort: { field: 'number', direction: 'desc' }, limit: 500 });
  const send = useCommand('crm/quotations/send');
  const revise = useCommand('crm/quotations/revise');
  const order = useCommand('crm/quotations/order');
  const update = useCommand('records/update');
  const startApproval = useCommand('workflows/instances/start');
  const transition = useCommand('records/transition');
  const invoice = useCommand('finance/invoices/from-order');
  // Invoicing is finance's (the command refuses everyone else); sales staff see the orders only.
  const canInvoice = (useSignedInPerson()?.roles ?? []).some((role) => role === 'finance' || role === 'admin');
  const nav = useRecordNav();
  const [editing, setEditing] = useState<RecordView | 'new' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const customer = (r: RegisterRow, titles: Record<string, string> | undefined) => titles?.[String(r.values.organisationId ?? '')] ?? '—';
  const accept = async (id: string) => {
    if ((await update.run({ id, data: { decidedOn: todayLocal() } })).ok) await transition.run({ id, to: 'accepted' });
  };
  // The workflow starts first: if it cannot (not published), the quotation stays a draft instead of waiting for nobody.
  const askApproval = async (id: string, number: string) => {
    send.clearError(); // the refused send that led here is answered now
    const started = await startApproval.run({ commandId: newCommandId(), code: quotationDiscountApproval.workflow_code, entityType: 'quotation', entityId: id });
    if (started.ok && (await transition.run({ id, to: 'in_approval' })).ok) setNote(`${number} waits for a sales manager to approve its discount (Workflows → My work).`);
  };
  const problem = send.error ?? revise.error ?? order.error ?? update.error ?? transition.error ?? startApproval.error ?? invoice.error;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>New quotation</Button>
      </Stack>
      {note && <Alert severity="success" onClose={() => setNote(null)}>{note}</Alert>}
      {problem && <Alert severity="error">{errorText(problem)}</Alert>}
      <RegisterTable label="Quotations" rows={quotations.data?.rows ?? []} empty="No quotations yet: make one with New quotation."
        columns={[
          { label: 'Number', value: (r) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{r.number}{Number(r.values.revision ?? 1) > 1 ? ` v${String(r.values.revision)}` : ''}</Box> },
          { label: 'Customer', value: (r) => customer(r, quotations.data?.titles) },
          { label: 'Offer', value: (r) => r.title },
          { label: 'Total', value: totalOf },
          { label: 'Valid until', value: (r) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{formatDay(r.values.validUntil as string | undefined)}</Box> },
          { label: 'Status', value: (r) => <StatusChip kind={quotationKind} status={r.status} /> },
          {
            label: 'Actions',
            value: (r) => (
              <RecordActions id={r.id} hidden={['in_approval', 'sent', 'accepted', 'superseded', 'expired']}>
                {(q) => (
                  <>
                    {q.status === 'draft' && <Button size="small" variant="outlined" onClick={() => setEditing(q)}>Edit</Button>}
                    {q.status === 'draft' && q.transitions.some((t) => t.to === 'in_approval') && <Button size="small" variant="outlined" disabled={startApproval.isRunning}
                      onClick={() => void askApproval(q.id, q.number)}>Ask for discount approval</Button>}
                    {(q.status === 'draft' || q.status === 'approved') && <Button size="small" variant="contained" disabled={send.isRunning} onClick={async () => {
                      const sent = await send.run({ id: q.id });
                      if (sent.ok) setNote(sent.value.emailedTo ? `${q.number} is on its way to ${sent.value.emailedTo} by email.` : `${q.number} is sent; the customer has no email address: send the PDF by hand.`);
                    }}>Send to customer</Button>}
                    {q.status === 'sent' && <Button size="small" variant="contained" onClick={() => void accept(q.id)}>Customer accepted</Button>}
                    {['sent', 'rejected', 'expired'].includes(q.status) && <Button size="small" variant="outlined" onClick={async () => {
                      const revised = await revise.run({ id: q.id, validUntil: inDays(30) });
                      if (revised.ok) setEditing(revised.value);
                    }}>Revise</Button>}
                    {q.status === 'accepted' && !(q.data as { orderId?: string }).orderId && <Button size="small" variant="contained" onClick={async () => {
                      const made = await order.run({ id: q.id, orderedOn: todayLocal() });
                      if (made.ok) setNote(`Sales order ${made.value.order.number} is made from ${q.number}.`);
                    }}>Make order</Button>}
                    <Button size="small" onClick={() => nav.openRecord(q.id)}>Open</Button>
                  </>
                )}
              </RecordActions>
            ),
          },
        ]} />
      <Typography variant="h6" component="h3">Sales orders</Typography>
      <RegisterTable label="Sales orders" rows={orders.data?.rows ?? []} empty="No orders yet: an accepted quotation becomes one with Make order."
        columns={[
          { label: 'Number', value: (r) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{r.number}</Box> },
          { label: 'Customer', value: (r) => customer(r, orders.data?.titles) },
          { label: 'Order', value: (r) => r.title },
          { label: 'Total', value: totalOf },
          { label: 'Status', value: (r) => <StatusChip kind={salesOrderKind} status={r.status} /> },
          ...(canInvoice ? [{
            label: 'Actions',
            value: (r: RegisterRow) => r.status !== 'cancelled' && <Button size="small" variant="outlined" disabled={invoice.isRunning} onClick={async () => {
              const made = await invoice.run({ orderId: r.id });
              if (made.ok) setNote(`A draft invoice is made from ${r.number}: check and issue it in Finance → Invoices.`);
            }}>Create invoice</Button>,
          }] : []),
        ]} />
      {editing && <QuotationEditor quotation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
