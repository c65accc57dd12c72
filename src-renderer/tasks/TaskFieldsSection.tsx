import {
  Alert, Autocomplete, Box, Chip, MenuItem, Slider, Stack, TextField, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import type { TaskDetail } from '../../src-shared/tasks/task-views';
import type { TaskStatus } from '../../src-shared/tasks/task-model';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { TASK_PRIORITY_ORDER, TASK_STATUS_ORDER, priorityLabel, statusLabel } from './task-labels';
import { DateField } from '../format/DateField';

const dateProps = { size: 'small', isSavedOnChange: true } as const;

/** Every plain field of a task, saved as soon as it is changed (text fields when they lose focus). */
export function TaskFieldsSection({ detail, people }: { detail: TaskDetail; people: PersonView[] }) {
  const { task, canEdit } = detail;
  const update = useCommand('tasks/update');
  const setStatus = useCommand('tasks/set-status');
  const assign = useCommand('tasks/assign');
  const setWatchers = useCommand('tasks/set-watchers');
  const setProgress = useCommand('tasks/set-progress');
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [progress, setProgressValue] = useState(task.progress);
  useEffect(() => setTitle(task.title), [task.title]);
  useEffect(() => setDescription(task.description), [task.description]);
  useEffect(() => setProgressValue(task.progress), [task.progress]);

  const save = (changes: Omit<Parameters<typeof update.run>[0], 'id'>) => void update.run({ id: task.id, ...changes });
  const byId = new Map(people.map((p) => [p.id, p]));
  const activePeople = people.filter((p) => p.isActive);
  const hasSubtasks = detail.subtasks.length > 0;

  return (
    <Stack spacing={2}>
      <TextField label="Title" value={title} disabled={!canEdit} onChange={(e) => setTitle(e.target.value)} size="small" fullWidth
        onBlur={() => title.trim() !== task.title && save({ title })} error={Boolean(fieldError(update.error, 'title'))} helperText={fieldError(update.error, 'title')} />
      <Stack direction="row" spacing={2}>
        <TextField select label="Status" value={task.status} disabled={!canEdit} size="small" sx={{ minWidth: 160 }}
          onChange={(e) => void setStatus.run({ id: task.id, status: e.target.value as TaskStatus })} slotProps={{ htmlInput: { 'data-testid': 'task-status' } }}>
          {TASK_STATUS_ORDER.map((s) => <MenuItem key={s} value={s}>{statusLabel[s]}</MenuItem>)}
        </TextField>
        <TextField select label="Priority" value={task.priority} disabled={!canEdit} size="small" sx={{ minWidth: 130 }}
          onChange={(e) => save({ priority: e.target.value as (typeof TASK_PRIORITY_ORDER)[number] })}>
          {TASK_PRIORITY_ORDER.map((p) => <MenuItem key={p} value={p}>{priorityLabel[p]}</MenuItem>)}
        </TextField>
        <Autocomplete size="small" disablePortal sx={{ flexGrow: 1 }} options={activePeople} disabled={!canEdit}
          value={task.assigneeId ? (byId.get(task.assigneeId) ?? null) : null}
          getOptionLabel={(p) => p.name} isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_e, p) => void assign.run({ id: task.id, assigneeId: p?.id ?? null })}
          renderInput={(params) => <TextField {...params} label="Assignee" />} />
      </Stack>
      {setStatus.error && <Alert severity="warning" data-testid="status-refusal" onClose={setStatus.clearError}>{errorText(setStatus.error)}</Alert>}
      {assign.error && <Alert severity="error">{errorText(assign.error)}</Alert>}
      <Stack direction="row" spacing={2}>
        <DateField {...dateProps} label="Start" value={task.startDate ?? ''} disabled={!canEdit} onChange={(day) => save({ startDate: day || null })} />
        <DateField {...dateProps} label="Due" value={task.dueDate ?? ''} disabled={!canEdit} onChange={(day) => save({ dueDate: day || null })}
          error={Boolean(fieldError(update.error, 'dueDate'))} helperText={fieldError(update.error, 'dueDate')} />
        <TextField label="Estimate (h)" type="number" size="small" sx={{ width: 130 }} disabled={!canEdit} defaultValue={task.estimateHours ?? ''} key={`est-${task.estimateHours}`}
          onBlur={(e) => { const v = e.target.value === '' ? null : Number(e.target.value); if (v !== (task.estimateHours ?? null)) save({ estimateHours: v }); }} />
      </Stack>
      <Box>
        <Typography variant="caption" color="text.secondary">
          Progress {hasSubtasks ? `— ${detail.progress}% rolled up from subtasks` : `— ${progress}%`}
        </Typography>
        <Slider value={hasSubtasks ? detail.progress : progress} disabled={!canEdit || hasSubtasks} step={5} min={0} max={100} valueLabelDisplay="auto" aria-label="Progress"
          onChange={(_e, v) => setProgressValue(v as number)} onChangeCommitted={(_e, v) => void setProgress.run({ id: task.id, progress: v as number })} />
        {setProgress.error && <Alert severity="warning">{errorText(setProgress.error)}</Alert>}
      </Box>
      <TextField label="Description" value={description} disabled={!canEdit} multiline minRows={3} size="small" fullWidth
        onChange={(e) => setDescription(e.target.value)} onBlur={() => description !== task.description && save({ description })} />
      <Autocomplete multiple size="small" disablePortal options={activePeople} disabled={!canEdit}
        value={task.watcherIds.map((id) => byId.get(id)).filter((p): p is PersonView => p !== undefined)}
        getOptionLabel={(p) => p.name} isOptionEqualToValue={(a, b) => a.id === b.id}
        onChange={(_e, list) => void setWatchers.run({ id: task.id, watcherIds: list.map((p) => p.id) })}
        renderValue={(list, getItemProps) => list.map((p, index) => <Chip size="small" label={p.name} {...getItemProps({ index })} key={p.id} />)}
        renderInput={(params) => <TextField {...params} label="Watchers" helperText="Watchers hear about status changes." />} />
      {update.error && !['title', 'dueDate'].includes(update.error.field ?? '') && <Alert severity="error">{errorText(update.error)}</Alert>}
    </Stack>
  );
}
