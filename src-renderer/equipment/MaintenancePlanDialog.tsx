import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { intervalUnits } from '../../src-shared/equipment/interval';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

/** A preventive maintenance plan: what, how often, from when, and how many days ahead its work orders are opened. */
export function MaintenancePlanDialog({ equipmentId, onClose }: { equipmentId: string; onClose: () => void }) {
  const add = useCommand('equipment/add-record');
  const [name, setName] = useState('');
  const [count, setCount] = useState('3');
  const [unit, setUnit] = useState<(typeof intervalUnits)[number]>('months');
  const [firstDueDate, setFirstDueDate] = useState('');
  const [leadDays, setLeadDays] = useState('7');
  const [tasks, setTasks] = useState('');
  const save = async () => {
    const data = { name, interval: { count: Number(count), unit }, firstDueDate, leadDays: Number(leadDays), tasks: tasks.split('\n').map((t) => t.trim()).filter(Boolean) };
    if ((await add.run({ kind: 'maintenance_plan', equipmentId, data })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Maintenance plan</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="Maintenance" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <Stack direction="row" spacing={2}>
            <TextField label="Every" type="number" value={count} onChange={(e) => setCount(e.target.value)} sx={{ width: 110 }} />
            <TextField select label="Interval unit" value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)} sx={{ width: 150 }}>
              {intervalUnits.map((u) => <MenuItem key={u} value={u}>{u}</MenuItem>)}
            </TextField>
            <DateField label="First due" value={firstDueDate} onChange={setFirstDueDate} />
            <TextField label="Open days ahead" type="number" value={leadDays} onChange={(e) => setLeadDays(e.target.value)} sx={{ width: 150 }} />
          </Stack>
          <TextField label="Tasks, one per line" value={tasks} onChange={(e) => setTasks(e.target.value)} multiline minRows={3} />
          {add.error && <Alert severity="error">{errorText(add.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={add.isRunning} onClick={() => void save()}>Save plan</Button>
      </DialogActions>
    </FormDialog>
  );
}
