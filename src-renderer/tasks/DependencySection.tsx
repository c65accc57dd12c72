import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Alert, Autocomplete, Chip, IconButton, Link, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { TaskDetail, TaskRef } from '../../src-shared/tasks/task-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { statusColor, statusLabel } from './task-labels';
import { useTaskDrawer } from './task-drawer-store';

function RefRow({ task, onRemove }: { task: TaskRef; onRemove?: () => void }) {
  const open = useTaskDrawer((s) => s.open);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="dependency-row">
      <Link component="button" variant="body2" onClick={() => open(task.id)} sx={{ flexGrow: 1, textAlign: 'left' }}>{task.title}</Link>
      <Chip size="small" variant="outlined" label={statusLabel[task.status]} color={statusColor[task.status]} />
      {onRemove && <Tooltip title="Remove dependency"><IconButton size="small" aria-label={`Stop waiting for ${task.title}`} onClick={onRemove}><LinkOffIcon fontSize="small" /></IconButton></Tooltip>}
    </Stack>
  );
}

/**
 * Finish-to-start links in the spec's words: "Depends on" (this task waits for them) and "Blocks"
 * (they wait for this one). A link that would loop is refused by the host; its message names the loop.
 */
export function DependencySection({ detail }: { detail: TaskDetail }) {
  const add = useCommand('tasks/add-dependency');
  const remove = useCommand('tasks/remove-dependency');
  const [pick, setPick] = useState<TaskDetail['projectTasks'][number] | null>(null);
  const taken = new Set(detail.task.dependsOn);
  const options = detail.projectTasks.filter((t) => !taken.has(t.id));
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">Depends on</Typography>
      {detail.dependsOn.length === 0 && <Typography variant="body2" color="text.secondary">Nothing: this task can start any time.</Typography>}
      {detail.dependsOn.map((t) => (
        <RefRow key={t.id} task={t} {...(detail.canEdit ? { onRemove: () => void remove.run({ taskId: detail.task.id, dependsOnId: t.id }) } : {})} />
      ))}
      {detail.canEdit && (
        <Autocomplete size="small" disablePortal options={options} value={pick} getOptionLabel={(t) => t.title} isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={async (_e, t) => {
            setPick(t);
            if (!t) return;
            const result = await add.run({ taskId: detail.task.id, dependsOnId: t.id });
            if (result.ok) setPick(null);
          }}
          renderInput={(params) => <TextField {...params} label="Add a task this one waits for" />} />
      )}
      {add.error && <Alert severity="warning" data-testid="dependency-refusal" onClose={add.clearError}>{errorText(add.error)}</Alert>}
      {remove.error && <Alert severity="error">{errorText(remove.error)}</Alert>}
      <Typography variant="subtitle2" sx={{ pt: 1 }}>Blocks</Typography>
      {detail.blocks.length === 0 && <Typography variant="body2" color="text.secondary">No task waits for this one.</Typography>}
      {detail.blocks.map((t) => <RefRow key={t.id} task={t} />)}
    </Stack>
  );
}
