import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { formatMoney } from '../../src-shared/format/display-format';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';
import { todayLocal } from '../tasks/task-labels';
import { newCommandId } from '../workflows/command-id';

/**
 * Pays an approved claim: the outgoing payment of its total to the claimant is recorded, then the
 * claim's EXPENSE_CLAIM payment step is completed with the same day and reference — the claim is
 * reimbursed and the claimant told. Run again after a failed second half, the payment is found
 * recorded and only the step is left to complete from My work.
 */
export function ReimburseDialog({ claim, claimant, onClose }: { claim: RegisterRow; claimant: string; onClose: (message?: string) => void }) {
  const reimburse = useCommand('finance/expenses/reimburse');
  const advance = useCommand('workflows/instances/advance');
  const [paidOn, setPaidOn] = useState(todayLocal());
  const [reference, setReference] = useState('');
  const total = claim.values.total as { amountMinor: number; currency: string };
  const save = async () => {
    const paid = await reimburse.run({ claimId: claim.id, paidOn, reference });
    if (!paid.ok) return;
    const { payment, instanceId } = paid.value;
    if (!instanceId) return onClose(`Payment ${payment.number} is recorded; complete the claim's "Pay the claim" step in My work.`);
    const done = await advance.run({ commandId: newCommandId(), instanceId, action: 'complete', stepId: 'payment', data: { reimbursed_on: paidOn, payment_reference: reference } });
    if (done.ok) onClose(`${claim.number} is reimbursed: payment ${payment.number} of ${formatMoney(total.amountMinor, total.currency)} to ${claimant}.`);
  };
  const problem = reimburse.error ?? advance.error;
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="sm" fullWidth aria-labelledby="reimburse-title">
      <DialogTitle id="reimburse-title">Reimburse {claim.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{formatMoney(total.amountMinor, total.currency)} to {claimant}, for {String(claim.values.purpose ?? '')}.</Typography>
          <DateField label="Paid on" value={paidOn} onChange={setPaidOn} required />
          <TextField label="Bank payment reference" value={reference} onChange={(e) => setReference(e.target.value)} required slotProps={{ htmlInput: { maxLength: 80 } }}
            error={reimburse.error?.field === 'reference'} />
          {problem && <Alert severity="error">{errorText(problem)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" disabled={!reference.trim() || reimburse.isRunning || advance.isRunning} onClick={() => void save()}>Record the payment</Button>
      </DialogActions>
    </FormDialog>
  );
}
