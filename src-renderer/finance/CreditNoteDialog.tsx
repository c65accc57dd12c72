import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { quotationTotals } from '../../src-shared/crm/quotation-money';
import type { InvoiceRow } from '../../src-shared/finance/invoice-contract';
import { formatMoney } from '../../src-shared/format/display-format';
import { parseMoneyAmount } from '../../src-shared/finance/money';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';
import { todayLocal } from '../tasks/task-labels';

/**
 * Corrects an issued invoice with a credit note (an issued invoice is never edited): what is
 * credited, the net amount and its tax rate, and why. The gross it takes off is shown as typed; the
 * host refuses more than the invoice still owes.
 */
export function CreditNoteDialog({ invoice, onClose }: { invoice: InvoiceRow; onClose: (message?: string) => void }) {
  const credit = useCommand('finance/invoices/credit');
  const [description, setDescription] = useState('');
  const [net, setNet] = useState('');
  const [tax, setTax] = useState('19');
  const [reason, setReason] = useState('');
  const parsed = parseMoneyAmount(net, invoice.currency);
  const taxPercent = Number(tax.replace(',', '.'));
  const taxOk = tax.trim() !== '' && Number.isFinite(taxPercent) && taxPercent >= 0 && taxPercent <= 100;
  const gross = parsed.ok && taxOk ? quotationTotals([{ id: 'c', quantity: 1, unitPriceMinor: parsed.amountMinor, discountPercent: 0, taxRatePercent: taxPercent }], 'per_line').grossMinor : null;
  const save = async () => {
    if (!parsed.ok || !taxOk) return;
    const result = await credit.run({ id: invoice.id, description, netMinor: parsed.amountMinor, taxRatePercent: taxPercent, reason, issuedOn: todayLocal() });
    if (result.ok) onClose(`Credit note ${result.value.creditNote.number} takes ${formatMoney(gross ?? 0, invoice.currency)} off ${invoice.number}.`);
  };
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="sm" fullWidth aria-labelledby="credit-title">
      <DialogTitle id="credit-title">Credit note for {invoice.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">It still owes {formatMoney(invoice.outstandingMinor, invoice.currency)}; a credit note may take off at most that.</Typography>
          <TextField label="What is credited" value={description} onChange={(e) => setDescription(e.target.value)} />
          <Stack direction="row" spacing={2}>
            <TextField label={`Net amount (${invoice.currency})`} value={net} onChange={(e) => setNet(e.target.value)} error={net !== '' && !parsed.ok} helperText={net !== '' && !parsed.ok ? parsed.message : ' '} sx={{ flex: 1 }} />
            <TextField label="Tax %" value={tax} onChange={(e) => setTax(e.target.value)} error={!taxOk} helperText={taxOk ? ' ' : '0 to 100.'} sx={{ width: 110 }} />
          </Stack>
          <Typography variant="body2" data-testid="credit-gross">Takes off: {gross === null ? '—' : formatMoney(gross, invoice.currency)}</Typography>
          <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
          {credit.error && <Alert severity="error">{errorText(credit.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" disabled={gross === null || gross <= 0 || !description.trim() || !reason.trim() || credit.isRunning} onClick={() => void save()}>Issue credit note</Button>
      </DialogActions>
    </FormDialog>
  );
}
