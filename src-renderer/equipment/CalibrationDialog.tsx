import { Alert, Button, Chip, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { CalibrationPlanView } from '../../src-shared/equipment/equipment-views';
import { isWithinTolerance } from '../../src-shared/equipment/tolerance';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { todayLocal } from '../tasks/task-labels';
import { PersonPicker } from './PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const reading = (text: string): number | undefined => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

function Verdict({ point, value }: { point: { nominal: number; tolerance: number }; value: string }) {
  const n = reading(value);
  if (n === undefined) return null;
  return isWithinTolerance(point, n) ? <Chip size="small" color="success" label="In tolerance" /> : <Chip size="small" color="error" label="Out of tolerance" />;
}

/** Calibration entry: as-found and as-left readings per measurement point, judged against tolerance as they are typed. */
export function CalibrationDialog({ equipmentId, plan, onClose }: { equipmentId: string; plan: CalibrationPlanView; onClose: (outcome?: string) => void }) {
  const record = useCommand('equipment/calibration/record');
  const [performedOn, setPerformedOn] = useState(todayLocal());
  const [provider, setProvider] = useState<'internal' | 'external'>(plan.provider.startsWith('External') ? 'external' : 'internal');
  const [performedById, setPerformedById] = useState('');
  const [performedByName, setPerformedByName] = useState(plan.provider.replace(/^External: ?/, '').replace(/^In house$/, ''));
  const [certificateNumber, setCertificateNumber] = useState('');
  const [wasAdjusted, setWasAdjusted] = useState(false);
  const [notes, setNotes] = useState('');
  const [values, setValues] = useState(() => plan.points.map(() => ({ asFound: '', asLeft: '' })));
  const set = (i: number, key: 'asFound' | 'asLeft', value: string) => setValues((list) => list.map((v, j) => (j === i ? { ...v, [key]: value } : v)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const readings = plan.points.map((p, i) => ({ pointId: p.id, ...(reading(values[i]!.asFound) !== undefined ? { asFound: reading(values[i]!.asFound) } : {}), asLeft: reading(values[i]!.asLeft) ?? Number.NaN }));
    const result = await record.run({
      equipmentId, planId: plan.id, performedOn, provider, certificateNumber, wasAdjusted, notes, performedByName,
      ...(provider === 'internal' && performedById ? { performedById } : {}),
      readings: readings as { pointId: string; asFound?: number; asLeft: number }[],
    });
    if (!result.ok) return;
    const { calibration, impactAssessment, isQuarantined } = result.value;
    const verdict = (calibration.data as { result: string }).result === 'pass' ? `Passed: ${calibration.number} recorded.` : `Failed: ${calibration.number} recorded.`;
    onClose([verdict, impactAssessment ? `Out of tolerance as found: impact assessment ${impactAssessment.number} opened.` : '', isQuarantined ? 'The instrument is quarantined.' : ''].filter(Boolean).join(' '));
  };
  return (
    <FormDialog open onClose={() => onClose()} fullWidth maxWidth="md">
      <form onSubmit={submit} noValidate aria-label="Record calibration">
        <DialogTitle>Record calibration: {plan.name}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Stack direction="row" spacing={2}>
              <DateField label="Performed on" value={performedOn} onChange={setPerformedOn} />
              <TextField select label="Performed" value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)} sx={{ width: 180 }}>
                <MenuItem value="internal">In house</MenuItem>
                <MenuItem value="external">By a provider</MenuItem>
              </TextField>
              {provider === 'internal'
                ? <div style={{ flex: 1 }}><PersonPicker label="Performed by" value={performedById} onChange={setPerformedById} helperText="You, when left empty" /></div>
                : <TextField label="Provider" value={performedByName} onChange={(e) => setPerformedByName(e.target.value)} fullWidth />}
              <TextField label="Certificate number" value={certificateNumber} onChange={(e) => setCertificateNumber(e.target.value)} />
            </Stack>
            <Table size="small" aria-label="Readings">
              <TableHead><TableRow><TableCell>Point</TableCell><TableCell>Nominal ± tolerance</TableCell><TableCell>As found</TableCell><TableCell>As left</TableCell></TableRow></TableHead>
              <TableBody>
                {plan.points.map((p, i) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.name}</TableCell>
                    <TableCell>{p.nominal} ± {p.tolerance} {p.unit}</TableCell>
                    <TableCell><Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><TextField size="small" label={`As found, ${p.name}`} value={values[i]!.asFound} onChange={(e) => set(i, 'asFound', e.target.value)} sx={{ width: 150 }} /><Verdict point={p} value={values[i]!.asFound} /></Stack></TableCell>
                    <TableCell><Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><TextField size="small" label={`As left, ${p.name}`} value={values[i]!.asLeft} onChange={(e) => set(i, 'asLeft', e.target.value)} sx={{ width: 150 }} /><Verdict point={p} value={values[i]!.asLeft} /></Stack></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <FormControlLabel control={<Switch checked={wasAdjusted} onChange={(e) => setWasAdjusted(e.target.checked)} />} label="Adjusted during calibration" />
            <TextField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} multiline minRows={2} />
            {record.error && <Alert severity="error">{errorText(record.error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={record.isRunning}>Record calibration</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
