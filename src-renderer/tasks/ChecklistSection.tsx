import AddIcon from '@mui/icons-material/Add';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Checkbox, IconButton, LinearProgress, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { TaskDetail } from '../../src-shared/tasks/task-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';

/** The task's checklist: tick, add, move up, remove. */
export function ChecklistSection({ detail }: { detail: TaskDetail }) {
  const { task, canEdit } = detail;
  const edit = useCommand('tasks/edit-checklist');
  const [text, setText] = useState('');
  const done = task.checklist.filter((c) => c.isDone).length;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await edit.run({ taskId: task.id, change: { action: 'add', text } });
    if (result.ok) setText('');
  };
  return (
    <Stack spacing={0.5}>
      {task.checklist.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LinearProgress variant="determinate" value={(done / task.checklist.length) * 100} sx={{ flexGrow: 1 }} aria-label="Checklist progress" />
          <Typography variant="caption" color="text.secondary">{done}/{task.checklist.length}</Typography>
        </Stack>
      )}
      {task.checklist.map((item, index) => (
        <Stack key={item.id} direction="row" sx={{ alignItems: 'center' }} data-testid="checklist-item">
          <Checkbox size="small" checked={item.isDone} disabled={!canEdit} slotProps={{ input: { 'aria-label': item.text } }}
            onChange={(e) => void edit.run({ taskId: task.id, change: { action: 'toggle', itemId: item.id, isDone: e.target.checked } })} />
          <Typography variant="body2" sx={{ flexGrow: 1, textDecoration: item.isDone ? 'line-through' : 'none', color: item.isDone ? 'text.secondary' : 'text.primary' }}>{item.text}</Typography>
          {canEdit && index > 0 && (
            <Tooltip title="Move up"><IconButton size="small" aria-label={`Move ${item.text} up`} onClick={() => void edit.run({ taskId: task.id, change: { action: 'move', itemId: item.id, index: index - 1 } })}><ArrowUpwardIcon fontSize="small" /></IconButton></Tooltip>
          )}
          {canEdit && (
            <Tooltip title="Remove"><IconButton size="small" aria-label={`Remove ${item.text}`} onClick={() => void edit.run({ taskId: task.id, change: { action: 'remove', itemId: item.id } })}><DeleteOutlineIcon fontSize="small" /></IconButton></Tooltip>
          )}
        </Stack>
      ))}
      {canEdit && (
        <Box component="form" onSubmit={add} sx={{ display: 'flex', gap: 1 }}>
          <TextField size="small" fullWidth placeholder="Add a checklist item" value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { 'aria-label': 'New checklist item' } }} />
          <IconButton type="submit" aria-label="Add checklist item" disabled={!text.trim()}><AddIcon /></IconButton>
        </Box>
      )}
      {edit.error && <Alert severity="error">{errorText(edit.error)}</Alert>}
    </Stack>
  );
}
