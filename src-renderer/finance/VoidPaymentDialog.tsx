import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PaymentRow } from '../../src-shared/finance/invoice-contract';
import { formatMoney } from '../../src-shared/format/display-format';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/** Voids a payment recorded by mistake, with the reason its history keeps; the invoices it settled owe again. */
export function VoidPaymentDialog({ payment, onClose }: { payment: PaymentRow; onClose: (message?: string) => void }) {
  const voidPayment = useCommand('finance/payments/void');
  const [reason, setReason] = useState('');
  const save = async () => {
    const result = await voidPayment.run({ id: payment.id, reason });
    if (!result.ok) return;
    const owing = result.value.invoices.map((i) => i.number).join(', ');
    onClose(`${payment.number} is voided${owing ? `; ${owing} ${result.value.invoices.length === 1 ? 'owes' : 'owe'} that money again` : ''}.`);
  };
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="sm" fullWidth aria-labelledby="void-title">
      <DialogTitle id="void-title">Void payment {payment.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            {formatMoney(payment.amount.amountMinor, payment.amount.currency)} from {payment.organisationName}
            {payment.invoiceNumbers.length > 0 ? `, settling ${payment.invoiceNumbers.join(', ')}` : ''}. A voided payment stays on record, marked voided.
          </Typography>
          <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={2} error={voidPayment.error?.field === 'reason'} />
          {voidPayment.error && <Alert severity="error">{errorText(voidPayment.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" color="error" disabled={!reason.trim() || voidPayment.isRunning} onClick={() => void save()}>Void payment</Button>
      </DialogActions>
    </FormDialog>
  );
}
