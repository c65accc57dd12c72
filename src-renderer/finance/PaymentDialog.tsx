import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { InvoiceRow } from '../../src-shared/finance/invoice-contract';
import { formatMoney } from '../../src-shared/format/display-format';
import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';
import { todayLocal } from '../tasks/task-labels';

/**
 * Records money received against one invoice: the amount (what it still owes, to start with), the
 * day and the bank reference. Up to what the invoice owes settles it; any more stays on the payment
 * unallocated (an advance or an overpayment to refund) — the host refuses nothing silently.
 */
export function PaymentDialog({ invoice, onClose }: { invoice: InvoiceRow; onClose: (message?: string) => void }) {
  const record = useCommand('finance/payments/record');
  const [amount, setAmount] = useState(majorAmountText(invoice.outstandingMinor, invoice.currency));
  const [paidOn, setPaidOn] = useState(todayLocal());
  const [reference, setReference] = useState(invoice.number);
  const parsed = parseMoneyAmount(amount, invoice.currency);
  const save = async () => {
    if (!parsed.ok) return;
    const allocated = Math.min(parsed.amountMinor, invoice.outstandingMinor);
    const result = await record.run({ direction: 'incoming', organisationId: invoice.customerId, amount: { amountMinor: parsed.amountMinor, currency: invoice.currency }, paidOn, reference, allocations: [{ invoiceId: invoice.id, amountMinor: allocated }] });
    if (result.ok) onClose(`Payment ${result.value.payment.number} of ${formatMoney(parsed.amountMinor, invoice.currency)} is recorded against ${invoice.number}.`);
  };
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="sm" fullWidth aria-labelledby="payment-title">
      <DialogTitle id="payment-title">Record payment for {invoice.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{invoice.customerName} still owes {formatMoney(invoice.outstandingMinor, invoice.currency)} of {formatMoney(invoice.totalMinor, invoice.currency)}.</Typography>
          <TextField label={`Amount received (${invoice.currency})`} value={amount} onChange={(e) => setAmount(e.target.value)} error={!parsed.ok} helperText={parsed.ok ? (parsed.amountMinor > invoice.outstandingMinor ? 'More than it owes: the rest stays on the payment, unallocated.' : ' ') : parsed.message} />
          <DateField label="Received on" value={paidOn} onChange={setPaidOn} required />
          <TextField label="Bank reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          {record.error && <Alert severity="error">{errorText(record.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" disabled={!parsed.ok || parsed.amountMinor <= 0 || record.isRunning} onClick={() => void save()}>Record payment</Button>
      </DialogActions>
    </FormDialog>
  );
}
