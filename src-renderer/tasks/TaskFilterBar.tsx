import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import {
  Alert, Autocomplete, Button, Chip, Divider, FormControlLabel, MenuItem, Stack, Switch, TextField, Tooltip,
} from '@mui/material';
import { useState } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import type { TaskPriority, TaskStatus } from '../../src-shared/tasks/task-model';
import type { TaskFilter } from '../../src-shared/tasks/task-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { TASK_PRIORITY_ORDER, TASK_STATUS_ORDER, priorityLabel, statusLabel } from './task-labels';
import { DateField } from '../format/DateField';

interface Props {
  filter: TaskFilter;
  onChange: (filter: TaskFilter) => void;
  people: PersonView[];
  /** Hide the assignee picker ("My tasks" is already one person's). */
  showAssignee: boolean;
}

const without = <K extends keyof TaskFilter>(filter: TaskFilter, key: K): TaskFilter => {
  const next = { ...filter };
  delete next[key];
  return next;
};

/** Search, status, priority, assignee, due range, overdue/blocked toggles, and the person's saved filters. */
export function TaskFilterBar({ filter, onChange, people, showAssignee }: Props) {
  const saved = useLiveQuery('task-filters/list', {});
  const save = useCommand('task-filters/save');
  const remove = useCommand('task-filters/remove');
  const [name, setName] = useState('');
  const set = <K extends keyof TaskFilter>(key: K, value: TaskFilter[K] | undefined) =>
    onChange(value === undefined || (Array.isArray(value) && value.length === 0) || value === '' || value === false ? without(filter, key) : { ...filter, [key]: value });

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" label="Search" value={filter.text ?? ''} onChange={(e) => set('text', e.target.value)} sx={{ width: 170 }} />
        <TextField select size="small" label="Status" sx={{ width: 150 }} value={filter.statuses ?? []}
          slotProps={{ select: { multiple: true, renderValue: (v) => (v as TaskStatus[]).map((s) => statusLabel[s]).join(', ') } }}
          onChange={(e) => set('statuses', e.target.value as unknown as TaskStatus[])}>
          {TASK_STATUS_ORDER.map((s) => <MenuItem key={s} value={s}>{statusLabel[s]}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Priority" sx={{ width: 130 }} value={filter.priorities ?? []}
          slotProps={{ select: { multiple: true, renderValue: (v) => (v as TaskPriority[]).map((p) => priorityLabel[p]).join(', ') } }}
          onChange={(e) => set('priorities', e.target.value as unknown as TaskPriority[])}>
          {TASK_PRIORITY_ORDER.map((p) => <MenuItem key={p} value={p}>{priorityLabel[p]}</MenuItem>)}
        </TextField>
        {showAssignee && (
          <Autocomplete size="small" sx={{ width: 180 }} options={people} getOptionLabel={(p) => p.name}
            value={people.find((p) => p.id === filter.assigneeIds?.[0]) ?? null}
            onChange={(_e, p) => set('assigneeIds', p ? [p.id] : undefined)}
            renderInput={(params) => <TextField {...params} label="Assignee" />} />
        )}
        <DateField size="small" label="Due from" value={filter.dueFrom ?? ''} onChange={(day) => set('dueFrom', day)} sx={{ width: 160 }} />
        <DateField size="small" label="Due to" value={filter.dueTo ?? ''} onChange={(day) => set('dueTo', day)} sx={{ width: 160 }} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <FormControlLabel sx={{ ml: 0 }} control={<Switch size="small" checked={filter.isOverdue ?? false} onChange={(e) => set('isOverdue', e.target.checked)} />} label="Overdue" />
        <FormControlLabel control={<Switch size="small" checked={filter.isBlocked ?? false} onChange={(e) => set('isBlocked', e.target.checked)} />} label="Blocked" />
        <Divider orientation="vertical" flexItem sx={{ mx: 1 }} />
        {(saved.data ?? []).map((f) => (
          <Chip key={f.id} icon={<BookmarkBorderIcon />} label={f.name} variant="outlined" onClick={() => onChange(f.filter)} onDelete={() => void remove.run({ id: f.id })} data-testid="saved-filter" />
        ))}
        <TextField size="small" placeholder="Name this filter" value={name} onChange={(e) => setName(e.target.value)} sx={{ width: 180 }} slotProps={{ htmlInput: { 'aria-label': 'Saved filter name' } }} />
        <Tooltip title="Save the current filters under this name">
          <span>
            <Button size="small" disabled={!name.trim()} onClick={async () => { const r = await save.run({ name, filter }); if (r.ok) setName(''); }}>Save filter</Button>
          </span>
        </Tooltip>
        {Object.keys(filter).some((k) => k !== 'sort' && k !== 'projectId' && k !== 'isMine') && <Button size="small" onClick={() => onChange({ ...(filter.projectId ? { projectId: filter.projectId } : {}), ...(filter.isMine ? { isMine: true } : {}), ...(filter.sort ? { sort: filter.sort } : {}) })}>Clear</Button>}
      </Stack>
      {(save.error ?? remove.error) && <Alert severity="error">{errorText(save.error ?? remove.error)}</Alert>}
    </Stack>
  );
}
