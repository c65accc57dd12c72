import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Alert, Button, Checkbox, Chip, DialogActions, DialogContent, DialogTitle, IconButton, Link, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { ActionItemView, MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDate } from '../format/date-time';
import { useNavigation } from '../shell/navigation';
import { actionStatusLabels, actionTone } from './meeting-labels';
import { isSeriesItself } from './meeting-kind';
import { useActivePeople } from './use-directory-names';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

/**
 * Action items agreed in the meeting: owner, due date, status. "Make it a task" hands one to its
 * owner as a task (in a project, or their inbox); from then on the status is the task's.
 */
export function ActionItemsSection({ meeting, personId }: { meeting: MeetingDetail; personId: string }) {
  const { go } = useNavigation();
  const remove = useCommand('meetings/actions/remove');
  const setDone = useCommand('meetings/actions/set-done');
  const [making, setMaking] = useState<ActionItemView | null>(null);
  if (isSeriesItself(meeting)) return null;
  const canEdit = meeting.can.takeMinutes && meeting.status !== 'cancelled';
  const error = remove.error ?? setDone.error;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Action items">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">Action items</Typography>
        {meeting.actionItems.length === 0 && <Typography variant="body2" color="text.secondary">No action items yet.</Typography>}
        {meeting.actionItems.length > 0 && (
          <Table size="small" aria-label="Action items of this meeting">
            <TableHead>
              <TableRow>
                <TableCell>Action</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Due</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {meeting.actionItems.map((a) => (
                <TableRow key={a.id} data-testid="action-item">
                  <TableCell>
                    {a.description}
                    {a.task && (<><br /><Link component="button" variant="body2" onClick={() => go('tasks', [a.task!.id])}>Task: {a.task.title}</Link></>)}
                  </TableCell>
                  <TableCell>{a.ownerName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.dueDate ? formatDate(a.dueDate) : '—'}</TableCell>
                  <TableCell><Chip size="small" color={actionTone[a.status]} label={actionStatusLabels[a.status]} /></TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {!a.task && (canEdit || a.ownerId === personId) && (
                      <Tooltip title={a.status === 'done' ? 'Open again' : 'Mark done'}>
                        <Checkbox size="small" checked={a.status === 'done'} onChange={(e) => void setDone.run({ id: meeting.id, actionId: a.id, isDone: e.target.checked })} slotProps={{ input: { 'aria-label': `Done: ${a.description}` } }} />
                      </Tooltip>
                    )}
                    {!a.task && canEdit && <Button size="small" startIcon={<TaskAltIcon />} onClick={() => setMaking(a)}>Make it a task</Button>}
                    {canEdit && (
                      <IconButton size="small" aria-label={`Remove action “${a.description}”`} onClick={() => void remove.run({ id: meeting.id, actionId: a.id })}><DeleteIcon fontSize="small" /></IconButton>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {canEdit && <AddActionItem meeting={meeting} />}
        {error && <Alert severity="error">{errorText(error)}</Alert>}
      </Stack>
      {making && <MakeTaskDialog meeting={meeting} item={making} onClose={() => setMaking(null)} />}
    </Paper>
  );
}

function AddActionItem({ meeting }: { meeting: MeetingDetail }) {
  const add = useCommand('meetings/actions/add');
  const people = useActivePeople();
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  const submit = async () => {
    const result = await add.run({ id: meeting.id, description, ownerId, ...(dueDate ? { dueDate } : {}), ...(agendaItemId ? { agendaItemId } : {}) });
    if (result.ok) {
      setDescription('');
      setDueDate('');
    }
  };
  return (
    <Stack spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label="Add an action item">
      <TextField size="small" label="New action item" value={description} onChange={(e) => setDescription(e.target.value)} fullWidth />
      <Stack direction="row" spacing={1}>
        <TextField size="small" select label="Owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} sx={{ minWidth: 200 }}>
          {people.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
        </TextField>
        <DateField size="small" label="Due" value={dueDate} onChange={setDueDate} sx={{ width: 170 }} />
        <TextField size="small" select label="From agenda item" value={agendaItemId} onChange={(e) => setAgendaItemId(e.target.value)} sx={{ minWidth: 200, flexGrow: 1 }}>
          <MenuItem value="">—</MenuItem>
          {meeting.agenda.map((i) => <MenuItem key={i.id} value={i.id}>{i.title}</MenuItem>)}
        </TextField>
        <Button type="submit" startIcon={<AddIcon />} disabled={!description.trim() || !ownerId || add.isRunning}>Add</Button>
      </Stack>
      {add.error && <Alert severity="error">{errorText(add.error)}</Alert>}
    </Stack>
  );
}

function MakeTaskDialog({ meeting, item, onClose }: { meeting: MeetingDetail; item: ActionItemView; onClose: () => void }) {
  const make = useCommand('meetings/actions/make-task');
  const projects = useLiveQuery('projects/list', { includeArchived: false }).data ?? [];
  const [projectId, setProjectId] = useState(meeting.projectId ?? '');
  const run = async () => {
    const result = await make.run({ id: meeting.id, actionId: item.id, ...(projectId ? { projectId } : {}) });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Make “{item.description}” a task</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2">The task goes to {item.ownerName}{item.dueDate ? `, due ${formatDate(item.dueDate)}` : ''}, and links back to this meeting.</Typography>
          <TextField select label="Project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            <MenuItem value="">{item.ownerName}’s inbox</MenuItem>
            {projects.filter((p) => !(p.tags ?? []).includes('inbox')).map((p) => <MenuItem key={p.id} value={p.id}>{p.code} — {p.name}</MenuItem>)}
          </TextField>
          {make.error && <Alert severity="error">{errorText(make.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void run()} disabled={make.isRunning}>Create the task</Button>
      </DialogActions>
    </FormDialog>
  );
}
