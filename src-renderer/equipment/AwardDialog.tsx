import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { needsAwardJustification } from '../../src-shared/equipment/bid-evaluation';
import type { BidMatrixView } from '../../src-shared/equipment/equipment-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatMoney } from '../tasks/task-labels';
import { FormDialog } from '../shell/FormDialog';

/** The award: which bid, why when it is not the top score, the tax rate of the purchase order it makes. */
export function AwardDialog({ view, onClose }: { view: BidMatrixView; onClose: (outcome?: string) => void }) {
  const award = useCommand('equipment/rfq/award');
  const top = view.matrix.rows[0]?.bidId ?? '';
  const [bidId, setBidId] = useState(top);
  const [justification, setJustification] = useState('');
  const [taxRate, setTaxRate] = useState('19');
  const needsWhy = bidId !== '' && needsAwardJustification(view.matrix, bidId);
  const submit = async () => {
    const result = await award.run({ id: view.rfq.id, bidId, justification, taxRatePercent: Number(taxRate) });
    if (result.ok) onClose(`Awarded: purchase order ${result.value.purchaseOrder.number} drafted under Procurement.`);
  };
  return (
    <FormDialog open onClose={() => onClose()} fullWidth maxWidth="sm">
      <DialogTitle>Award {view.rfq.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label="Bid" value={bidId} onChange={(e) => setBidId(e.target.value)}>
            {view.matrix.rows.map((r) => {
              const bid = view.bids.find((b) => b.id === r.bidId);
              return <MenuItem key={r.bidId} value={r.bidId}>#{r.rank} {bid?.supplierName} — {bid ? formatMoney(bid.priceMinor, bid.currency) : ''} per unit, score {r.weightedTotal.toFixed(2)}</MenuItem>;
            })}
          </TextField>
          {needsWhy && <Alert severity="warning">This bid is not the top score: say why it is awarded.</Alert>}
          <TextField label="Justification" value={justification} onChange={(e) => setJustification(e.target.value)} multiline minRows={3} required={needsWhy} />
          <TextField label="Tax rate (%)" value={taxRate} onChange={(e) => setTaxRate(e.target.value)} sx={{ width: 160 }} />
          {award.error && <Alert severity="error">{errorText(award.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" disabled={!bidId || award.isRunning} onClick={() => void submit()}>Award and draft the order</Button>
      </DialogActions>
    </FormDialog>
  );
}
