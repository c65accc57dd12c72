import { Alert, Button, DialogActions, DialogContent, DialogTitle, IconButton, Stack, TextField, Typography } from '@mui/material';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { PeoplePicker } from '../equipment/PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const formFields = ['cycle', 'dueDate', 'personIds', 'competencies', 'goals'];

/** HR starts a review cycle from a template: competencies to rate and goals whose weights add up to 100%. */
export function StartCycleDialog({ onClose }: { onClose: () => void }) {
  const start = useCommand('hr/reviews/start-cycle');
  const [cycle, setCycle] = useState(String(new Date().getFullYear()));
  const [dueDate, setDueDate] = useState('');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [competencies, setCompetencies] = useState('');
  const [goals, setGoals] = useState([{ title: '', weight: '100' }]);
  const fieldError = (field: string) => (start.error?.field?.split('.')[0] === field ? start.error.message : undefined);
  const total = goals.reduce((s, g) => s + (Number(g.weight) || 0), 0);
  const setGoal = (i: number, change: Partial<(typeof goals)[number]>) => setGoals(goals.map((g, j) => (j === i ? { ...g, ...change } : g)));
  const save = async () => {
    const result = await start.run({
      cycle, dueDate, personIds,
      competencies: competencies.split('\n').map((c) => c.trim()).filter(Boolean),
      goals: goals.filter((g) => g.title.trim()).map((g) => ({ title: g.title, weight: Number(g.weight) || 0 })),
    });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="cycle-dialog-title">
      <DialogTitle id="cycle-dialog-title">Start a review cycle</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField label="Cycle" value={cycle} onChange={(e) => setCycle(e.target.value)} error={Boolean(fieldError('cycle'))} helperText={fieldError('cycle') ?? 'A year (2026) or a quarter (2026-Q2).'} fullWidth />
            <DateField label="Due" value={dueDate} onChange={setDueDate} error={Boolean(fieldError('dueDate'))} helperText={fieldError('dueDate')} fullWidth />
          </Stack>
          <PeoplePicker label="People to review" value={personIds} onChange={setPersonIds} error={fieldError('personIds')} />
          <TextField label="Competencies (one a line)" value={competencies} onChange={(e) => setCompetencies(e.target.value)} multiline minRows={3} error={Boolean(fieldError('competencies'))} helperText={fieldError('competencies')} />
          <Typography variant="subtitle2">Goals and their weights</Typography>
          {goals.map((g, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField label={`Goal ${i + 1}`} value={g.title} onChange={(e) => setGoal(i, { title: e.target.value })} fullWidth />
              <TextField label="Weight (%)" type="number" value={g.weight} onChange={(e) => setGoal(i, { weight: e.target.value })} sx={{ width: 130 }} />
              <IconButton aria-label={`Remove goal ${i + 1}`} onClick={() => setGoals(goals.filter((_g, j) => j !== i))} disabled={goals.length === 1}><DeleteOutlinedIcon /></IconButton>
            </Stack>
          ))}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button onClick={() => setGoals([...goals, { title: '', weight: '0' }])}>Add a goal</Button>
            <Typography color={total === 100 ? 'text.secondary' : 'warning.main'} data-testid="goal-weights">Weights add up to {total}%</Typography>
          </Stack>
          {fieldError('goals') && <Alert severity="error">{fieldError('goals')}</Alert>}
          {start.error && !formFields.includes(start.error.field?.split('.')[0] ?? '') && <Alert severity="error">{errorText(start.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={start.isRunning}>Start the cycle</Button>
      </DialogActions>
    </FormDialog>
  );
}
