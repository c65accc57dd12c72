import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, IconButton, List, ListItem, ListItemText, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { AgendaFilesList } from './AgendaFilesList';
import { isSeriesItself } from './meeting-kind';
import { SavedTextField } from './SavedTextField';

/** The minutes' summary and decisions (notes per item are on the agenda). */
export function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const summary = useCommand('meetings/minutes/summary');
  const addDecision = useCommand('meetings/decisions/add');
  const removeDecision = useCommand('meetings/decisions/remove');
  const [text, setText] = useState('');
  const [agendaItemId, setAgendaItemId] = useState('');
  if (isSeriesItself(meeting)) return null;
  const canEdit = meeting.can.takeMinutes && meeting.status !== 'cancelled';
  const itemTitle = (id?: string) => meeting.agenda.find((i) => i.id === id)?.title;
  const add = async () => {
    const result = await addDecision.run({ id: meeting.id, text, ...(agendaItemId ? { agendaItemId } : {}) });
    if (result.ok) setText('');
  };
  const error = summary.error ?? addDecision.error ?? removeDecision.error;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Minutes">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">Minutes</Typography>
        {canEdit ? (
          <SavedTextField label="Summary" value={meeting.minutes.summary} onSave={(value) => summary.run({ id: meeting.id, summary: value })} multiline minRows={2} fullWidth />
        ) : (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes.summary || 'No summary yet.'}</Typography>
        )}
        <Typography variant="subtitle2">Decisions</Typography>
        {meeting.minutes.decisions.length === 0 && <Typography variant="body2" color="text.secondary">No decisions recorded.</Typography>}
        <List dense disablePadding>
          {meeting.minutes.decisions.map((d) => (
            <ListItem key={d.id} disableGutters secondaryAction={canEdit ? <IconButton size="small" aria-label={`Remove decision “${d.text}”`} onClick={() => void removeDecision.run({ id: meeting.id, decisionId: d.id })}><DeleteIcon fontSize="small" /></IconButton> : undefined}>
              <ListItemText primary={d.text} secondary={itemTitle(d.agendaItemId)} />
            </ListItem>
          ))}
        </List>
        <AgendaFilesList meeting={meeting} />
        {canEdit && (
          <Stack direction="row" spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label="Record a decision">
            <TextField size="small" label="Decision" value={text} onChange={(e) => setText(e.target.value)} fullWidth />
            <TextField size="small" select label="About" value={agendaItemId} onChange={(e) => setAgendaItemId(e.target.value)} sx={{ minWidth: 180 }}>
              <MenuItem value="">The whole meeting</MenuItem>
              {meeting.agenda.map((i) => <MenuItem key={i.id} value={i.id}>{i.title}</MenuItem>)}
            </TextField>
            <Button type="submit" startIcon={<AddIcon />} disabled={!text.trim()}>Record</Button>
          </Stack>
        )}
        {error && <Alert severity="error">{errorText(error)}</Alert>}
      </Stack>
    </Paper>
  );
}
