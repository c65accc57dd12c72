import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Alert, Button, Chip, DialogActions, DialogContent, DialogTitle, Link, Menu, MenuItem, Paper, Radio, RadioGroup, FormControlLabel, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import type { AttendeeResponse } from '../../src-shared/meetings/meeting-model';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { saveTextFile } from '../files/save-text-file';
import { formatTimeRange } from '../format/date-time';
import { useNavigation } from '../shell/navigation';
import { meetingTypeLabels, responseLabels } from './meeting-labels';
import { MeetingDialog } from './MeetingDialog';
import { FormDialog } from '../shell/FormDialog';

type Scope = 'occurrence' | 'series';

/** Title, time and place, my answer, and the organiser's changes (edit, cancel), plus the `.ics` file. */
export function MeetingHeader({ meeting }: { meeting: MeetingDetail }) {
  const { go } = useNavigation();
  const respond = useCommand('meetings/respond');
  const ics = useCommand('meetings/ics');
  const [editing, setEditing] = useState<Scope | null>(null);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  const isSeries = meeting.seriesId !== '';
  const isCancelled = meeting.status === 'cancelled';
  const where = [meeting.roomName, meeting.place].filter(Boolean).join(' · ');

  const answer = async (response: Exclude<AttendeeResponse, 'needs_action'> | null, scope: Scope) => {
    if (response) await respond.run({ id: meeting.id, response, scope });
  };
  const download = async () => {
    const result = await ics.run({ id: meeting.id });
    if (result.ok) saveTextFile(result.value.filename, result.value.content, 'text/calendar');
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h2" sx={{ textDecoration: isCancelled ? 'line-through' : undefined }}>{meeting.title}</Typography>
          <Chip size="small" label={meetingTypeLabels[meeting.type]} />
          {meeting.isPrivate && <Chip size="small" label="Private" />}
          {isCancelled && <Chip size="small" color="error" label="Cancelled" />}
        </Stack>
        <Typography data-testid="meeting-when">{formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</Typography>
        {meeting.recurrenceText && <Typography variant="body2" color="text.secondary">{meeting.recurrenceText}</Typography>}
        <Typography variant="body2">
          Organiser: {meeting.organiser.name}
          {where && ` · ${where}`}
          {meeting.videoUrl && (<> · <Link href={meeting.videoUrl} target="_blank" rel="noreferrer">Video link</Link></>)}
          {meeting.projectName && (<> · Project: <Link component="button" onClick={() => go('projects', [meeting.projectId ?? ''])}>{meeting.projectName}</Link></>)}
        </Typography>
        {meeting.description && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{meeting.description}</Typography>}
        {meeting.clashes.length > 0 && !isCancelled && (
          <Alert severity="warning" data-testid="meeting-clashes">
            Busy elsewhere then: {meeting.clashes.map((c) => `${meeting.attendees.find((a) => a.personId === c.whoId)?.name ?? 'someone'} (“${c.title}”)`).join(', ')}
          </Alert>
        )}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', pt: 1 }}>
          {meeting.can.respond && !isCancelled && (
            <>
              <Typography variant="body2">Your answer:</Typography>
              <ToggleButtonGroup size="small" exclusive value={meeting.myResponse === 'needs_action' ? null : meeting.myResponse} onChange={(_e, r) => void answer(r, 'occurrence')} aria-label="Your answer">
                {(['accepted', 'tentative', 'declined'] as const).map((r) => <ToggleButton key={r} value={r}>{responseLabels[r]}</ToggleButton>)}
              </ToggleButtonGroup>
              {isSeries && meeting.myResponse && meeting.myResponse !== 'needs_action' && (
                <Button size="small" onClick={() => void answer(meeting.myResponse as Exclude<AttendeeResponse, 'needs_action'>, 'series')}>Same answer for the whole series</Button>
              )}
            </>
          )}
          <Stack direction="row" spacing={1} sx={{ flexGrow: 1, justifyContent: 'flex-end' }}>
            <Button startIcon={<DownloadIcon />} onClick={() => void download()}>Calendar file (.ics)</Button>
            {meeting.can.manage && !isCancelled && (
              <>
                <Button startIcon={<EditIcon />} onClick={(e) => (isSeries ? setMenu(e.currentTarget) : setEditing('occurrence'))}>Change</Button>
                <Button color="error" startIcon={<EventBusyIcon />} onClick={() => setIsCancelling(true)}>Cancel meeting</Button>
              </>
            )}
          </Stack>
        </Stack>
        {(respond.error || ics.error) && <Alert severity="error">{errorText(respond.error ?? ics.error)}</Alert>}
      </Stack>
      <Menu open={menu !== null} anchorEl={menu} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => { setMenu(null); setEditing('occurrence'); }}>This meeting only</MenuItem>
        <MenuItem onClick={() => { setMenu(null); setEditing('series'); }}>All meetings of the series</MenuItem>
      </Menu>
      {editing && <MeetingDialog isOpen edit={{ detail: meeting, scope: editing }} onClose={() => setEditing(null)} />}
      {isCancelling && <CancelDialog meeting={meeting} onClose={() => setIsCancelling(false)} />}
    </Paper>
  );
}

function CancelDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const cancel = useCommand('meetings/cancel');
  const [scope, setScope] = useState<Scope>('occurrence');
  const [reason, setReason] = useState('');
  const run = async () => {
    const result = await cancel.run({ id: meeting.id, scope, reason });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Cancel “{meeting.title}”</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {meeting.seriesId && (
            <RadioGroup value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              <FormControlLabel value="occurrence" control={<Radio />} label={`Only the meeting on ${formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}`} />
              <FormControlLabel value="series" control={<Radio />} label="This and every later meeting of the series" />
            </RadioGroup>
          )}
          <TextField label="Reason (sent to the attendees)" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
          {cancel.error && <Alert severity="error">{errorText(cancel.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Keep it</Button>
        <Button color="error" variant="contained" onClick={() => void run()} disabled={cancel.isRunning}>Cancel and tell attendees</Button>
      </DialogActions>
    </FormDialog>
  );
}
