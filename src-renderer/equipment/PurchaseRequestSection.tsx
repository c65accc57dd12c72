import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDay, formatMoney } from '../tasks/task-labels';
import { parseAmount } from './equipment-labels';
import { RecordActions } from './RecordActions';
import { RegisterTable } from './RegisterTable';
import { RfqDialog } from './RfqDialog';
import { StatusChip } from './StatusChip';
import { WorkflowApproval } from './WorkflowApproval';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

function RequestDialog({ requesterId, onClose }: { requesterId: string; onClose: () => void }) {
  const create = useCommand('records/create');
  const [itemName, setItemName] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [cost, setCost] = useState('');
  const [justification, setJustification] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const save = async () => {
    const amount = parseAmount(cost);
    const data = { itemName, quantity: Number(quantity), justification, requesterId, ...(amount !== null ? { estimatedCost: { amountMinor: amount, currency: 'EUR' } } : {}), ...(neededBy ? { neededBy } : {}) };
    if ((await create.run({ kind: 'purchase_request', data })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>New purchase request</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="Item" value={itemName} onChange={(e) => setItemName(e.target.value)} autoFocus />
          <Stack direction="row" spacing={2}>
            <TextField label="Quantity" type="number" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
            <TextField label="Estimated cost (EUR)" value={cost} onChange={(e) => setCost(e.target.value)} />
            <DateField label="Needed by" value={neededBy} onChange={setNeededBy} />
          </Stack>
          <TextField label="Justification" value={justification} onChange={(e) => setJustification(e.target.value)} multiline minRows={2} />
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={create.isRunning} onClick={() => void save()}>Create request</Button>
      </DialogActions>
    </FormDialog>
  );
}

/** Purchase requests: raised by anyone for themselves, approved by the EQUIPMENT_PROCUREMENT workflow, quoted through RFQs. */
export function PurchaseRequestSection({ suppliers }: { suppliers: RegisterRow[] }) {
  const status = useLiveQuery('auth/status', {});
  const register = useLiveQuery('records/register', { kind: 'purchase_request', sort: { field: 'number', direction: 'desc' }, limit: 200 });
  const [isCreating, setIsCreating] = useState(false);
  const [rfqFor, setRfqFor] = useState<RegisterRow | null>(null);
  const personId = status.data?.session?.person.id ?? '';
  return (
    <Stack spacing={1.5}>
      <Button sx={{ alignSelf: 'flex-start' }} variant="outlined" disabled={!personId} onClick={() => setIsCreating(true)}>New purchase request</Button>
      <RegisterTable label="Purchase requests" rows={register.data?.rows ?? []} empty="No purchase requests yet."
        columns={[
          { label: 'Number', value: (r) => r.number },
          { label: 'Item', value: (r) => `${r.title} × ${String(r.values.quantity ?? 1)}` },
          { label: 'Estimate', value: (r) => { const c = r.values.estimatedCost as { amountMinor: number; currency: string } | undefined; return c ? formatMoney(c.amountMinor, c.currency) : '—'; } },
          { label: 'Needed by', value: (r) => formatDay(r.values.neededBy as string | undefined) },
          { label: 'Status', value: (r) => <StatusChip kind="purchase_request" status={r.status} /> },
          {
            label: 'Actions',
            value: (r) => (
              <RecordActions id={r.id} hidden={['ordered', 'received']}>
                {(record) => (
                  <>
                    {record.status === 'submitted' && <WorkflowApproval recordId={record.id} kind="purchase_request" code="EQUIPMENT_PROCUREMENT" />}
                    {record.status === 'approved' && <Button size="small" variant="contained" onClick={() => setRfqFor(r)}>New RFQ</Button>}
                  </>
                )}
              </RecordActions>
            ),
          },
        ]} />
      {isCreating && <RequestDialog requesterId={personId} onClose={() => setIsCreating(false)} />}
      {rfqFor && <RfqDialog request={rfqFor} suppliers={suppliers} onClose={() => setRfqFor(null)} />}
    </Stack>
  );
}
