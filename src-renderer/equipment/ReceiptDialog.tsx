import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { PurchaseOrderData } from '../../src-shared/equipment/purchase-order-kind';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { todayLocal } from '../tasks/task-labels';
import { emptyLocation, LocationFields } from './LocationFields';
import { PersonPicker } from './PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

/** A goods receipt: what arrived, with serial numbers; each unit of equipment becomes an instrument in the custodian's care. */
export function ReceiptDialog({ order, onClose }: { order: RecordView; onClose: () => void }) {
  const { go } = useNavigation();
  const receive = useCommand('equipment/po/receive');
  const data = order.data as PurchaseOrderData;
  const open = data.lines.filter((l) => l.receivedQuantity < l.quantity);
  const [receivedOn, setReceivedOn] = useState(todayLocal());
  const [deliveryNote, setDeliveryNote] = useState('');
  const [custodianId, setCustodianId] = useState('');
  const [location, setLocation] = useState(emptyLocation);
  const [lines, setLines] = useState(() => open.map((l) => ({ lineId: l.id, quantity: String(l.quantity - l.receivedQuantity), serials: '' })));
  const submit = async () => {
    const result = await receive.run({
      id: order.id, receivedOn, deliveryNote, custodianId, location,
      lines: lines.filter((l) => Number(l.quantity) > 0).map((l) => ({ lineId: l.lineId, quantity: Number(l.quantity), serialNumbers: l.serials.split(/[,\n]/).map((s) => s.trim()).filter(Boolean) })),
    });
    if (!result.ok) return;
    onClose();
    const first = result.value.equipment[0];
    if (first) go('equipment', [first.id]);
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>Goods receipt for {order.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Stack direction="row" spacing={2}>
            <DateField label="Received on" value={receivedOn} onChange={setReceivedOn} />
            <TextField label="Delivery note" value={deliveryNote} onChange={(e) => setDeliveryNote(e.target.value)} />
            <div style={{ flex: 1 }}><PersonPicker label="Custodian" value={custodianId} onChange={setCustodianId} /></div>
          </Stack>
          <LocationFields value={location} onChange={setLocation} />
          {open.map((line, i) => (
            <Stack key={line.id} spacing={1}>
              <Typography variant="subtitle2">{line.description} ({line.quantity - line.receivedQuantity} of {line.quantity} still to come)</Typography>
              <Stack direction="row" spacing={2}>
                <TextField size="small" label={`Received, line ${i + 1}`} type="number" value={lines[i]?.quantity ?? ''} onChange={(e) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, quantity: e.target.value } : l)))} sx={{ width: 160 }} />
                <TextField size="small" label={`Serial numbers, line ${i + 1}`} value={lines[i]?.serials ?? ''} onChange={(e) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, serials: e.target.value } : l)))} helperText="Separated by commas, one per unit" fullWidth />
              </Stack>
            </Stack>
          ))}
          {receive.error && <Alert severity="error">{errorText(receive.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!custodianId || receive.isRunning} onClick={() => void submit()}>Record receipt</Button>
      </DialogActions>
    </FormDialog>
  );
}
