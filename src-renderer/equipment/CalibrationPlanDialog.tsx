import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { intervalUnits } from '../../src-shared/equipment/interval';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

interface PointDraft { name: string; unit: string; nominal: string; tolerance: string }

/** A calibration schedule: interval, first due date, measurement points with tolerance, method, provider, reminder lead times. */
export function CalibrationPlanDialog({ equipmentId, onClose }: { equipmentId: string; onClose: () => void }) {
  const add = useCommand('equipment/add-record');
  const [name, setName] = useState('Annual calibration');
  const [count, setCount] = useState('12');
  const [unit, setUnit] = useState<(typeof intervalUnits)[number]>('months');
  const [firstDueDate, setFirstDueDate] = useState('');
  const [method, setMethod] = useState('');
  const [provider, setProvider] = useState<'internal' | 'external'>('internal');
  const [providerName, setProviderName] = useState('');
  const [leadDays, setLeadDays] = useState('30, 7, 1');
  const [points, setPoints] = useState<PointDraft[]>([{ name: '', unit: '', nominal: '', tolerance: '' }]);
  const setPoint = (i: number, key: keyof PointDraft, value: string) => setPoints((list) => list.map((p, j) => (j === i ? { ...p, [key]: value } : p)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = {
      name, interval: { count: Number(count), unit }, firstDueDate, method, provider, providerName,
      reminderLeadDays: leadDays.split(/[,\s]+/).filter(Boolean).map(Number),
      points: points.map((p, i) => ({ id: `p${i + 1}`, name: p.name, unit: p.unit, nominal: Number(p.nominal), tolerance: Number(p.tolerance) })),
    };
    if ((await add.run({ kind: 'calibration_plan', equipmentId, data })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="md">
      <form onSubmit={submit} noValidate aria-label="Calibration plan">
        <DialogTitle>Calibration plan</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Calibration" value={name} onChange={(e) => setName(e.target.value)} />
            <Stack direction="row" spacing={2}>
              <TextField label="Every" type="number" value={count} onChange={(e) => setCount(e.target.value)} sx={{ width: 120 }} />
              <TextField select label="Interval unit" value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)} sx={{ width: 160 }}>
                {intervalUnits.map((u) => <MenuItem key={u} value={u}>{u}</MenuItem>)}
              </TextField>
              <DateField label="First due" value={firstDueDate} onChange={setFirstDueDate} />
              <TextField label="Remind days ahead" value={leadDays} onChange={(e) => setLeadDays(e.target.value)} helperText="e.g. 30, 7, 1" />
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField select label="Calibrated" value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)} sx={{ width: 180 }}>
                <MenuItem value="internal">In house</MenuItem>
                <MenuItem value="external">By a provider</MenuItem>
              </TextField>
              <TextField label="Provider" value={providerName} onChange={(e) => setProviderName(e.target.value)} fullWidth />
              <TextField label="Method / SOP" value={method} onChange={(e) => setMethod(e.target.value)} fullWidth />
            </Stack>
            <Typography variant="subtitle2">Measurement points</Typography>
            {points.map((p, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <TextField size="small" label={`Point ${i + 1}`} value={p.name} onChange={(e) => setPoint(i, 'name', e.target.value)} fullWidth />
                <TextField size="small" label="Nominal" value={p.nominal} onChange={(e) => setPoint(i, 'nominal', e.target.value)} sx={{ width: 130 }} />
                <TextField size="small" label="± Tolerance" value={p.tolerance} onChange={(e) => setPoint(i, 'tolerance', e.target.value)} sx={{ width: 130 }} />
                <TextField size="small" label="Unit" value={p.unit} onChange={(e) => setPoint(i, 'unit', e.target.value)} sx={{ width: 90 }} />
                <IconButton aria-label={`Remove point ${i + 1}`} disabled={points.length === 1} onClick={() => setPoints((l) => l.filter((_x, j) => j !== i))}><DeleteIcon /></IconButton>
              </Stack>
            ))}
            <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setPoints((l) => [...l, { name: '', unit: l.at(-1)?.unit ?? '', nominal: '', tolerance: '' }])}>Add a point</Button>
            {add.error && <Alert severity="error">{errorText(add.error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={add.isRunning}>Save plan</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
