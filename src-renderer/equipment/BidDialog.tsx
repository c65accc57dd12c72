import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { complianceLevels } from '../../src-shared/equipment/bid-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { todayLocal } from '../tasks/task-labels';
import { parseAmount } from './equipment-labels';
import { FormDialog } from '../shell/FormDialog';

/** A supplier's bid as received: unit price, delivery time, warranty, how far it meets the specification. */
export function BidDialog({ rfqId, currency, suppliers, onClose }: { rfqId: string; currency: string; suppliers: { id: string; name: string }[]; onClose: () => void }) {
  const create = useCommand('records/create');
  const [supplierId, setSupplierId] = useState('');
  const [price, setPrice] = useState('');
  const [deliveryDays, setDeliveryDays] = useState('');
  const [warrantyMonths, setWarrantyMonths] = useState('12');
  const [compliance, setCompliance] = useState('full');
  const [reference, setReference] = useState('');
  const [priceError, setPriceError] = useState<string | null>(null);
  const save = async () => {
    const amount = parseAmount(price);
    if (amount === null) return setPriceError('Enter the unit price, e.g. 11500.00.');
    setPriceError(null);
    const data = { rfqId, supplierId, receivedOn: todayLocal(), price: { amountMinor: amount, currency }, deliveryDays: Number(deliveryDays), warrantyMonths: Number(warrantyMonths), specificationCompliance: compliance, supplierReference: reference };
    if ((await create.run({ kind: 'bid', data })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Record a bid</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label="Supplier" value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
            {suppliers.map((s) => <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>)}
          </TextField>
          <Stack direction="row" spacing={2}>
            <TextField label={`Unit price (${currency})`} value={price} onChange={(e) => setPrice(e.target.value)} error={Boolean(priceError)} helperText={priceError} />
            <TextField label="Delivery (days)" type="number" value={deliveryDays} onChange={(e) => setDeliveryDays(e.target.value)} />
            <TextField label="Warranty (months)" type="number" value={warrantyMonths} onChange={(e) => setWarrantyMonths(e.target.value)} />
          </Stack>
          <TextField select label="Specification" value={compliance} onChange={(e) => setCompliance(e.target.value)}>
            {complianceLevels.map((c) => <MenuItem key={c.value} value={c.value}>{c.label}</MenuItem>)}
          </TextField>
          <TextField label="Supplier’s quotation number" value={reference} onChange={(e) => setReference(e.target.value)} />
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!supplierId || create.isRunning} onClick={() => void save()}>Record bid</Button>
      </DialogActions>
    </FormDialog>
  );
}
