import AddIcon from '@mui/icons-material/Add';
import AssignmentIcon from '@mui/icons-material/Assignment';
import {
  Alert, Button, Chip, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { TaskFilter, TaskRow, TaskSortField } from '../../src-shared/tasks/task-views';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { TaskCreateDialog } from './TaskCreateDialog';
import { TaskFilterBar } from './TaskFilterBar';
import { formatDay, priorityColor, priorityLabel, statusColor, statusLabel } from './task-labels';
import { useTaskDrawer } from './task-drawer-store';

const columns: Array<{ field: TaskSortField; label: string; width?: number }> = [
  { field: 'title', label: 'Task' },
  { field: 'status', label: 'Status', width: 130 },
  { field: 'priority', label: 'Priority', width: 110 },
  { field: 'startDate', label: 'Start', width: 130 },
  { field: 'dueDate', label: 'Due', width: 150 },
  { field: 'progress', label: 'Progress', width: 140 },
];

function Row({ row, showProject }: { row: TaskRow; showProject: boolean }) {
  const open = useTaskDrawer((s) => s.open);
  const t = row.task;
  return (
    <TableRow hover onClick={() => open(t.id)} sx={{ cursor: 'pointer' }} data-testid="task-row">
      <TableCell>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {showProject && <Chip size="small" label={row.projectCode} variant="outlined" sx={{ fontFamily: 'monospace' }} />}
          <Typography variant="body2" sx={{ fontWeight: 500 }}>{t.title}</Typography>
          {row.subtaskCount > 0 && <Chip size="small" label={`${row.subtaskCount} subtask${row.subtaskCount > 1 ? 's' : ''}`} />}
          {row.blockedBy.length > 0 && <Tooltip title={`Waits for ${row.blockedBy.join(', ')}`}><Chip size="small" color="warning" label="Waiting" /></Tooltip>}
        </Stack>
        {t.parentId && <Typography variant="caption" color="text.secondary">Subtask</Typography>}
      </TableCell>
      <TableCell><Chip size="small" label={statusLabel[t.status]} color={statusColor[t.status]} variant={t.status === 'done' ? 'filled' : 'outlined'} /></TableCell>
      <TableCell><Chip size="small" label={priorityLabel[t.priority]} color={priorityColor[t.priority]} variant="outlined" /></TableCell>
      <TableCell>{formatDay(t.startDate)}</TableCell>
      <TableCell sx={{ color: row.isOverdue ? 'error.main' : undefined, fontWeight: row.isOverdue ? 600 : undefined }}>{formatDay(t.dueDate)}{row.isOverdue && ' · overdue'}</TableCell>
      <TableCell>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LinearProgress variant="determinate" value={row.progress} sx={{ flexGrow: 1 }} aria-label="Progress" />
          <Typography variant="caption">{row.progress}%</Typography>
        </Stack>
      </TableCell>
      <TableCell>{row.assignee?.name ?? <Typography variant="caption" color="text.secondary">Unassigned</Typography>}</TableCell>
    </TableRow>
  );
}

/**
 * A task list with filters, sorting and saved filters. `base` is the part of the filter the place
 * fixes (a project, or "mine"); the person's own filters are applied on top of it.
 */
export function TaskListPanel({ base, canCreate = false }: { base: TaskFilter; canCreate?: boolean }) {
  const [own, setOwn] = useState<TaskFilter>({ sort: { field: 'dueDate', direction: 'asc' } });
  const [isCreating, setIsCreating] = useState(false);
  const open = useTaskDrawer((s) => s.open);
  const filter = { ...own, ...base };
  const list = useLiveQuery('tasks/list', filter);
  const people = useLiveQuery('people/list', { includeInactive: false });
  const sort = filter.sort ?? { field: 'dueDate', direction: 'asc' };
  const toggleSort = (field: TaskSortField) => setOwn({ ...own, sort: { field, direction: sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc' } });
  const rows = list.data?.rows ?? [];

  return (
    <Stack spacing={2}>
      {canCreate && base.projectId && (
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>{list.data ? `${list.data.total} task${list.data.total === 1 ? '' : 's'}` : ''}</Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setIsCreating(true)}>New task</Button>
        </Stack>
      )}
      <TaskFilterBar filter={own} onChange={setOwn} people={people.data ?? []} showAssignee={!base.isMine} />
      {list.isLoading && <LinearProgress aria-label="Loading tasks" />}
      {list.error && <Alert severity="error">{errorText(list.error)}</Alert>}
      {!list.isLoading && rows.length === 0 && (
        <EmptySection icon={<AssignmentIcon />} title="No tasks match" text={base.isMine ? 'Nothing is assigned to you with these filters.' : 'Add a task, or loosen the filters.'} />
      )}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Tasks">
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.field} sx={{ width: c.width }} sortDirection={sort.field === c.field ? sort.direction : false}>
                    <TableSortLabel active={sort.field === c.field} direction={sort.field === c.field ? sort.direction : 'asc'} onClick={() => toggleSort(c.field)}>{c.label}</TableSortLabel>
                  </TableCell>
                ))}
                <TableCell sx={{ width: 150 }}>Assignee</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>{rows.map((r) => <Row key={r.task.id} row={r} showProject={!base.projectId} />)}</TableBody>
          </Table>
        </TableContainer>
      )}
      {list.data && list.data.total > rows.length && <Typography variant="caption" color="text.secondary">Showing {rows.length} of {list.data.total}; narrow the filters to see the rest.</Typography>}
      {base.projectId && (
        <TaskCreateDialog projectId={base.projectId} isOpen={isCreating} onClose={() => setIsCreating(false)} onCreated={(id) => { setIsCreating(false); open(id); }} />
      )}
    </Stack>
  );
}
