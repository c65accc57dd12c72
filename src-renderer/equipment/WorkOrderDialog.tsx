import { Alert, Button, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { WorkOrderData } from '../../src-shared/equipment/work-order-kind';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { StatusChip } from './StatusChip';
import { TransitionButtons } from './TransitionButtons';
import { DateField } from '../format/DateField';
import { formatDay } from '../../src-shared/format/display-format';
import { FormDialog } from '../shell/FormDialog';

const FIELDS = [['diagnosis', 'Diagnosis'], ['repairDescription', 'Work done'], ['completedOn', 'Completed on'], ['verificationNotes', 'Verification']] as const;

/** A work order: fault, diagnosis, work done, verification — each saved, then the status moved on. */
export function WorkOrderDialog({ workOrderId, onClose }: { workOrderId: string; onClose: () => void }) {
  const record = useLiveQuery('records/get', { id: workOrderId });
  const update = useCommand('records/update');
  const [draft, setDraft] = useState<Record<string, string>>({});
  const order = record.data;
  useEffect(() => {
    if (!order) return;
    const d = order.data as WorkOrderData;
    setDraft({ diagnosis: d.diagnosis, repairDescription: d.repairDescription, completedOn: d.completedOn ?? '', verificationNotes: d.verificationNotes });
  }, [order]);
  const data = order?.data as WorkOrderData | undefined;
  const editable = FIELDS.filter(([f]) => order?.editableFields.includes(f));
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{order ? `${order.number}: ${order.title}` : 'Work order'}</DialogTitle>
      <DialogContent>
        {!order || !data ? <LinearProgress aria-label="Loading the work order" /> : (
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><StatusChip kind="work_order" status={order.status} /><Typography variant="body2">{data.type === 'preventive' ? `Preventive, due ${formatDay(data.dueDate)}` : 'Corrective'}</Typography></Stack>
            {data.faultDescription && <Typography variant="body2">Fault: {data.faultDescription}</Typography>}
            {data.tasks.length > 0 && <Typography variant="body2">Tasks: {data.tasks.map((t) => t.text).join('; ')}</Typography>}
            {editable.map(([field, label]) => (
              field === 'completedOn'
                ? <DateField key={field} label={label} value={draft[field] ?? ''} onChange={(day) => setDraft((d) => ({ ...d, [field]: day }))} />
                : <TextField key={field} label={label} value={draft[field] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))} multiline minRows={2} />
            ))}
            {editable.length > 0 && <Button sx={{ alignSelf: 'flex-start' }} variant="outlined" disabled={update.isRunning}
              onClick={() => void update.run({ id: order.id, data: Object.fromEntries(editable.map(([f]) => [f, draft[f] || null])) })}>Save</Button>}
            {update.error && <Alert severity="error">{errorText(update.error)}</Alert>}
            <TransitionButtons record={order} />
          </Stack>
        )}
        {record.error && <Alert severity="error">{errorText(record.error)}</Alert>}
      </DialogContent>
      <DialogActions><Button onClick={onClose}>Close</Button></DialogActions>
    </FormDialog>
  );
}
