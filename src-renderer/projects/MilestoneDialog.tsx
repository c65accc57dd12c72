import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Autocomplete, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Milestone } from '../../src-shared/projects/plan-item-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { DateField } from '../format/DateField';

type Criterion = { id?: string; text: string; isMet: boolean };

/** Adds or edits a milestone: due date, completion criteria and the tasks that must be done. */
export function MilestoneDialog({ projectId, milestone, isOpen, onClose }: { projectId: string; milestone: Milestone | null; isOpen: boolean; onClose: () => void }) {
  const create = useCommand('plan-items/create');
  const update = useCommand('plan-items/update');
  const tasks = useLiveQuery('tasks/list', { projectId, limit: 5000 });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [status, setStatus] = useState<Milestone['data']['status']>('pending');
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [linked, setLinked] = useState<string[]>([]);
  useEffect(() => {
    if (!isOpen) return;
    setTitle(milestone?.title ?? '');
    setDescription(milestone?.data.description ?? '');
    setDueDate(milestone?.data.dueDate ?? '');
    setStatus(milestone?.data.status ?? 'pending');
    setCriteria(milestone?.data.completionCriteria.map((c) => ({ ...c })) ?? []);
    setLinked(milestone?.data.linkedTaskIds ?? []);
    create.clearError();
    update.clearError();
  }, [isOpen, milestone]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const error = milestone ? update.error : create.error;
  const save = async () => {
    const data = { description, dueDate, status, completionCriteria: criteria.filter((c) => c.text.trim()), linkedTaskIds: linked };
    const result = milestone ? await update.run({ kind: 'milestone', id: milestone.id, title, data }) : await create.run({ kind: 'milestone', projectId, title, data });
    if (result.ok) onClose();
  };
  const options = (tasks.data?.rows ?? []).map((r) => ({ id: r.task.id, title: r.task.title }));
  const hasChecks = criteria.length > 0 || linked.length > 0;
  return (
    <PlanItemDialog title={milestone ? 'Edit milestone' : 'New milestone'} isOpen={isOpen} isRunning={create.isRunning || update.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()} shownFields={['title', 'data.dueDate']}>
      <TextField label="Milestone" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus {...errorProps(error, 'title')} />
      <Stack direction="row" spacing={2}>
        <DateField label="Due" value={dueDate} onChange={setDueDate} {...errorProps(error, 'data.dueDate')} />
        <TextField select label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)} disabled={hasChecks} sx={{ minWidth: 160 }}
          helperText={hasChecks ? 'Judged from criteria and tasks' : 'Set by hand'}>
          <MenuItem value="pending">Pending</MenuItem><MenuItem value="reached">Reached</MenuItem><MenuItem value="missed">Missed</MenuItem>
        </TextField>
      </Stack>
      <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2} />
      <Typography variant="subtitle2">Completion criteria</Typography>
      {criteria.map((c, i) => (
        <Stack key={c.id ?? `new-${i}`} direction="row" spacing={1}>
          <TextField size="small" fullWidth value={c.text} placeholder="e.g. Validation report signed" slotProps={{ htmlInput: { 'aria-label': `Criterion ${i + 1}` } }}
            onChange={(e) => setCriteria(criteria.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
          <IconButton aria-label={`Remove criterion ${i + 1}`} onClick={() => setCriteria(criteria.filter((_x, j) => j !== i))}><DeleteOutlinedIcon /></IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} onClick={() => setCriteria([...criteria, { text: '', isMet: false }])} sx={{ alignSelf: 'flex-start' }}>Add criterion</Button>
      <Autocomplete multiple options={options} value={options.filter((o) => linked.includes(o.id))} getOptionLabel={(o) => o.title} isOptionEqualToValue={(a, b) => a.id === b.id}
        onChange={(_e, list) => setLinked(list.map((o) => o.id))} renderInput={(params) => <TextField {...params} label="Tasks that must be done" />} />
    </PlanItemDialog>
  );
}
