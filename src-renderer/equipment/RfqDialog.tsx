import { Alert, Button, Checkbox, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, FormLabel, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { PeoplePicker } from './PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

/** An RFQ for an approved purchase request: what, how many, to which approved suppliers, bids due when, evaluated by whom. */
export function RfqDialog({ request, suppliers, onClose }: { request: RegisterRow; suppliers: RegisterRow[]; onClose: () => void }) {
  const { go } = useNavigation();
  const create = useCommand('records/create');
  const approved = suppliers.filter((s) => s.status === 'approved');
  const [subject, setSubject] = useState(request.title);
  const [specification, setSpecification] = useState(String(request.values.description ?? ''));
  const [quantity, setQuantity] = useState(String(request.values.quantity ?? 1));
  const [supplierIds, setSupplierIds] = useState<string[]>(approved.map((s) => s.id));
  const [responseDue, setResponseDue] = useState('');
  const [evaluatorIds, setEvaluatorIds] = useState<string[]>([]);
  const save = async () => {
    const result = await create.run({ kind: 'rfq', data: { purchaseRequestId: request.id, subject, specification, quantity: Number(quantity), supplierIds, responseDue, evaluatorIds } });
    if (result.ok) go('equipment', ['rfq', result.value.id]);
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>New RFQ for {request.number}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} fullWidth />
            <TextField label="Quantity" type="number" value={quantity} onChange={(e) => setQuantity(e.target.value)} sx={{ width: 120 }} />
            <DateField label="Bids due" value={responseDue} onChange={setResponseDue} />
          </Stack>
          <TextField label="Specification" value={specification} onChange={(e) => setSpecification(e.target.value)} multiline minRows={3} />
          <FormGroup>
            <FormLabel>Send to (approved suppliers)</FormLabel>
            {approved.length === 0 && <Alert severity="info">Approve suppliers first.</Alert>}
            {approved.map((s) => (
              <FormControlLabel key={s.id} label={s.title} control={<Checkbox checked={supplierIds.includes(s.id)} onChange={(e) => setSupplierIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))} />} />
            ))}
          </FormGroup>
          <PeoplePicker label="Evaluators" value={evaluatorIds} onChange={setEvaluatorIds} />
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={create.isRunning} onClick={() => void save()}>Create RFQ</Button>
      </DialogActions>
    </FormDialog>
  );
}
