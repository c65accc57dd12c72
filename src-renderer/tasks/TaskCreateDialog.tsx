import { Alert, Autocomplete, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { TaskPriority } from '../../src-shared/tasks/task-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { fieldError, formError } from '../errors/error-text';
import { TASK_PRIORITY_ORDER, priorityLabel } from './task-labels';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const empty = { title: '', description: '', assigneeId: '', priority: 'medium' as TaskPriority, startDate: '', dueDate: '', estimateHours: '' };

/** A new task in a project; the drawer opens on it afterwards for everything else. */
export function TaskCreateDialog({ projectId, isOpen, onClose, onCreated }: { projectId: string; isOpen: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const create = useCommand('tasks/create');
  const people = useLiveQuery('people/list', { includeInactive: false });
  const [values, setValues] = useState(empty);
  useEffect(() => {
    if (isOpen) {
      setValues(empty);
      create.clearError();
    }
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const setDay = (field: keyof typeof empty) => (day: string) => setValues((v) => ({ ...v, [field]: day }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({
      projectId,
      title: values.title,
      description: values.description,
      priority: values.priority,
      ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
      ...(values.startDate ? { startDate: values.startDate } : {}),
      ...(values.dueDate ? { dueDate: values.dueDate } : {}),
      ...(values.estimateHours ? { estimateHours: Number(values.estimateHours) } : {}),
    });
    if (result.ok) onCreated(result.value.id);
  };
  const list = people.data ?? [];
  const general = formError(create.error, ['title', 'dueDate', 'assigneeId']);
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="New task">
        <DialogTitle>New task</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Title" value={values.title} onChange={set('title')} autoFocus error={Boolean(fieldError(create.error, 'title'))} helperText={fieldError(create.error, 'title')} />
            <TextField label="Description" value={values.description} onChange={set('description')} multiline minRows={2} />
            <Stack direction="row" spacing={2}>
              <Autocomplete sx={{ flexGrow: 1 }} options={list} value={list.find((p) => p.id === values.assigneeId) ?? null} getOptionLabel={(p) => p.name}
                onChange={(_e, p) => setValues((v) => ({ ...v, assigneeId: p?.id ?? '' }))}
                renderInput={(params) => <TextField {...params} label="Assignee" error={Boolean(fieldError(create.error, 'assigneeId'))} helperText={fieldError(create.error, 'assigneeId')} />} />
              <TextField select label="Priority" value={values.priority} onChange={set('priority')} sx={{ width: 150 }}>
                {TASK_PRIORITY_ORDER.map((p) => <MenuItem key={p} value={p}>{priorityLabel[p]}</MenuItem>)}
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              <DateField label="Start" value={values.startDate} onChange={setDay('startDate')} fullWidth />
              <DateField label="Due" value={values.dueDate} min={values.startDate || undefined} onChange={setDay('dueDate')} fullWidth
                error={Boolean(fieldError(create.error, 'dueDate'))} helperText={fieldError(create.error, 'dueDate')} />
              <TextField type="number" label="Estimate (h)" value={values.estimateHours} onChange={set('estimateHours')} sx={{ width: 160, flexShrink: 0 }}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: 0, step: 0.5 } }} />
            </Stack>
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={create.isRunning}>Create task</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
