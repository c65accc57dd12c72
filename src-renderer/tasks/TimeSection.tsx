import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import {
  Alert, Box, Button, Chip, FormControlLabel, IconButton, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { TaskDetail } from '../../src-shared/tasks/task-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { formatDay, formatHours, todayLocal } from './task-labels';
import { DateField } from '../format/DateField';

function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return <span data-testid="timer-elapsed">{`${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`}</span>;
}

/** Start/stop timer (one per person; starting here stops one running elsewhere), manual entries, the task's log. */
export function TimeSection({ detail }: { detail: TaskDetail }) {
  const start = useCommand('time/start-timer');
  const stop = useCommand('time/stop-timer');
  const log = useCommand('time/log');
  const remove = useCommand('time/remove');
  const [isBillable, setIsBillable] = useState(true);
  const [entry, setEntry] = useState({ date: todayLocal(), hours: '', note: '' });
  const running = detail.myRunningTimer;
  const isRunningHere = running?.taskId === detail.task.id;

  const submit = async () => {
    const result = await log.run({ taskId: detail.task.id, date: entry.date, hours: Number(entry.hours), note: entry.note, isBillable });
    if (result.ok) setEntry((e) => ({ ...e, hours: '', note: '' }));
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {isRunningHere && running ? (
          <Button variant="contained" color="error" startIcon={<StopIcon />} onClick={() => void stop.run({})}>Stop timer</Button>
        ) : (
          <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={!detail.canEdit} onClick={() => void start.run({ taskId: detail.task.id, isBillable })}>Start timer</Button>
        )}
        {isRunningHere && running && <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums' }}><Elapsed since={running.startedAt} /></Typography>}
        {running && !isRunningHere && <Typography variant="body2" color="text.secondary">Your timer runs on “{running.taskTitle}”; starting here stops it.</Typography>}
        <Box sx={{ flexGrow: 1 }} />
        <FormControlLabel control={<Switch size="small" checked={isBillable} onChange={(e) => setIsBillable(e.target.checked)} />} label="Billable" />
      </Stack>
      {(start.error ?? stop.error) && <Alert severity="error">{errorText(start.error ?? stop.error)}</Alert>}
      {detail.canEdit && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <DateField size="small" label="Date" value={entry.date} onChange={(day) => setEntry({ ...entry, date: day })} />
          <TextField size="small" label="Hours" type="number" value={entry.hours} sx={{ width: 100 }} onChange={(e) => setEntry({ ...entry, hours: e.target.value })}
            error={Boolean(fieldError(log.error, 'hours'))} helperText={fieldError(log.error, 'hours')} slotProps={{ htmlInput: { min: 0, step: 0.25 } }} />
          <TextField size="small" label="Note" value={entry.note} sx={{ flexGrow: 1 }} onChange={(e) => setEntry({ ...entry, note: e.target.value })} />
          <Button variant="outlined" onClick={() => void submit()} disabled={!entry.hours || log.isRunning} sx={{ whiteSpace: 'nowrap', flexShrink: 0, height: 40 }}>Log time</Button>
        </Stack>
      )}
      <Typography variant="body2" color="text.secondary">
        {formatHours(detail.loggedHours)} logged · {formatHours(detail.billableHours)} billable · {formatHours(Math.round((detail.loggedHours - detail.billableHours) * 100) / 100)} non-billable
        {detail.task.estimateHours !== undefined ? ` · estimate ${formatHours(detail.task.estimateHours)}` : ''}
      </Typography>
      {detail.timeEntries.length > 0 && (
        <Table size="small" aria-label="Time entries">
          <TableHead><TableRow><TableCell>Date</TableCell><TableCell>Who</TableCell><TableCell align="right">Hours</TableCell><TableCell>Note</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {detail.timeEntries.map((e) => (
              <TableRow key={e.id} data-testid="time-entry">
                <TableCell>{formatDay(e.date)}</TableCell>
                <TableCell>{e.person.name}</TableCell>
                <TableCell align="right">{e.isRunning ? <Chip size="small" color="primary" label="running" /> : formatHours(e.hours)}</TableCell>
                <TableCell>{e.note}{!e.isBillable && <Chip size="small" label="non-billable" sx={{ ml: 1 }} />}</TableCell>
                <TableCell padding="none">
                  {e.isMine && !e.isRunning && <Tooltip title="Remove entry"><IconButton size="small" aria-label="Remove time entry" onClick={() => void remove.run({ id: e.id })}><DeleteOutlineIcon fontSize="small" /></IconButton></Tooltip>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {remove.error && <Alert severity="error">{errorText(remove.error)}</Alert>}
    </Stack>
  );
}
