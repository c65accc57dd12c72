import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Chip, IconButton, LinearProgress, Link, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { SubtaskNode, TaskDetail } from '../../src-shared/tasks/task-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { statusColor, statusLabel } from './task-labels';
import { useTaskDrawer } from './task-drawer-store';

function Node({ node, depth }: { node: SubtaskNode; depth: number }) {
  const open = useTaskDrawer((s) => s.open);
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', pl: depth * 2.5, py: 0.25 }} data-testid="subtask-row">
        <Link component="button" variant="body2" onClick={() => open(node.id)} sx={{ flexGrow: 1, textAlign: 'left', textDecoration: node.status === 'done' ? 'line-through' : 'none' }}>
          {node.title}
        </Link>
        <Box sx={{ width: 60 }}><LinearProgress variant="determinate" value={node.progress} aria-label={`${node.title} progress`} /></Box>
        <Chip size="small" label={statusLabel[node.status]} color={statusColor[node.status]} variant="outlined" />
      </Stack>
      {node.children.map((c) => <Node key={c.id} node={c} depth={depth + 1} />)}
    </>
  );
}

/** Subtasks to any depth, and a field to add one directly under this task. */
export function SubtaskSection({ detail }: { detail: TaskDetail }) {
  const create = useCommand('tasks/create');
  const [title, setTitle] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    const result = await create.run({ projectId: detail.task.projectId, parentId: detail.task.id, title });
    if (result.ok) setTitle('');
  };
  return (
    <Stack spacing={0.5}>
      {detail.subtasks.length === 0 && <Typography variant="body2" color="text.secondary">No subtasks. Break large work into steps.</Typography>}
      {detail.subtasks.map((n) => <Node key={n.id} node={n} depth={0} />)}
      {detail.canEdit && (
        <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, pt: 1 }}>
          <TextField size="small" fullWidth placeholder="Add a subtask" value={title} onChange={(e) => setTitle(e.target.value)} slotProps={{ htmlInput: { 'aria-label': 'New subtask title' } }} />
          <Tooltip title="Add subtask"><span><IconButton type="submit" aria-label="Add subtask" disabled={!title.trim() || create.isRunning}><AddIcon /></IconButton></span></Tooltip>
        </Box>
      )}
      {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
    </Stack>
  );
}
