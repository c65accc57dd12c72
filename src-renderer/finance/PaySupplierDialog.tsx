import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { SupplierInvoiceRow } from '../../src-shared/finance/payables-contract';
import { formatMoney } from '../../src-shared/format/display-format';
import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';
import { todayLocal } from '../tasks/task-labels';

/**
 * Records money paid to a supplier against one approved supplier invoice: the amount (what it still
 * owes, to start with), the day and the bank reference; the invoice is paid once settled.
 */
export function PaySupplierDialog({ invoice, onClose }: { invoice: SupplierInvoiceRow; onClose: (message?: string) => void }) {
  const pay = useCommand('finance/supplier-invoices/pay');
  const [amount, setAmount] = useState(majorAmountText(invoice.outstandingMinor, invoice.currency));
  const [paidOn, setPaidOn] = useState(todayLocal());
  const [reference, setReference] = useState(invoice.supplierReference);
  const parsed = parseMoneyAmount(amount, invoice.currency);
  const save = async () => {
    if (!parsed.ok) return;
    const result = await pay.run({ id: invoice.id, amount: { amountMinor: parsed.amountMinor, currency: invoice.currency }, paidOn, reference });
    if (result.ok) onClose(`Payment ${result.value.payment.number} of ${formatMoney(parsed.amountMinor, invoice.currency)} to ${invoice.supplierName} is recorded against ${invoice.number}.`);
  };
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="sm" fullWidth aria-labelledby="pay-supplier-title">
      <DialogTitle id="pay-supplier-title">Pay {invoice.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">The lab still owes {invoice.supplierName} {formatMoney(invoice.outstandingMinor, invoice.currency)} of {formatMoney(invoice.totalMinor, invoice.currency)} (their invoice {invoice.supplierReference}).</Typography>
          <TextField label={`Amount paid (${invoice.currency})`} value={amount} onChange={(e) => setAmount(e.target.value)} error={!parsed.ok} helperText={parsed.ok ? (parsed.amountMinor > invoice.outstandingMinor ? 'More than is owed: the rest stays on the payment, unallocated.' : ' ') : parsed.message} />
          <DateField label="Paid on" value={paidOn} onChange={setPaidOn} required />
          <TextField label="Bank reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          {pay.error && <Alert severity="error">{errorText(pay.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" disabled={!parsed.ok || parsed.amountMinor <= 0 || pay.isRunning} onClick={() => void save()}>Record payment</Button>
      </DialogActions>
    </FormDialog>
  );
}
