import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, Stack, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { describeLead } from '../../src-shared/scheduler/lead-times';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { saveTextFile } from '../files/save-text-file';
import { formatDateTime } from '../format/date-time';
import { FormDialog } from '../shell/FormDialog';

const LEAD_CHOICES = [5, 10, 15, 30, 60, 120, 1440];

/**
 * My meeting reminders (how long before) and my calendar feed: a private link Outlook, Google
 * Calendar or Thunderbird subscribes to (served by the team's sync server; revocable), or on a
 * PC without a server the same calendar as a file to import.
 */
export function CalendarSettingsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const settings = useLiveQuery('calendar/settings', {});
  const setLeads = useCommand('calendar/set-lead-times');
  const createFeed = useCommand('calendar/create-feed');
  const revoke = useCommand('calendar/revoke-feed');
  const exportCalendar = useCommand('calendar/export');
  const [label, setLabel] = useState('');
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const data = settings.data;
  const hasServer = Boolean(data?.feedBaseUrl);
  const error = setLeads.error ?? createFeed.error ?? revoke.error ?? exportCalendar.error ?? settings.error;

  const make = async () => {
    const result = await createFeed.run({ label });
    if (result.ok) {
      setNewUrl(result.value.url);
      setLabel('');
    }
  };
  const download = async () => {
    const result = await exportCalendar.run({});
    if (result.ok) saveTextFile(result.value.filename, result.value.content, 'text/calendar');
  };
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Reminders and calendar feed</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="subtitle2">Remind me before each meeting</Typography>
          <ToggleButtonGroup
            size="small"
            value={data?.meetingLeadMinutes ?? []}
            onChange={(_e, minutes: number[]) => void setLeads.run({ meetingLeadMinutes: minutes })}
            aria-label="Reminder lead times"
            sx={{ flexWrap: 'wrap' }}
          >
            {LEAD_CHOICES.map((m) => <ToggleButton key={m} value={m}>{describeLead(m * 60_000)}</ToggleButton>)}
          </ToggleButtonGroup>
          <Typography variant="caption" color="text.secondary">Where reminders go (in LabFlow, desktop, email) is set in Notifications → Preferences.</Typography>

          <Typography variant="subtitle2">Calendar feed</Typography>
          {hasServer ? (
            <>
              <Typography variant="body2">A private link your calendar app subscribes to: your meetings, your tasks' due dates and your projects' milestones. Anyone with the link sees them, so revoke a link you no longer use.</Typography>
              <Stack direction="row" spacing={1}>
                <TextField size="small" label="Where you use it (e.g. Outlook on my laptop)" value={label} onChange={(e) => setLabel(e.target.value)} fullWidth />
                <Button variant="outlined" onClick={() => void make()} disabled={createFeed.isRunning}>Make a link</Button>
              </Stack>
              {newUrl && (
                <Alert severity="success" action={<Tooltip title="Copy"><IconButton size="small" aria-label="Copy the link" onClick={() => void navigator.clipboard?.writeText(newUrl)}><ContentCopyIcon fontSize="small" /></IconButton></Tooltip>}>
                  Copy this link now; it is not shown again: <span data-testid="feed-url" style={{ wordBreak: 'break-all' }}>{newUrl}</span>
                </Alert>
              )}
              <List dense disablePadding>
                {(data?.feeds ?? []).map((f) => (
                  <ListItem key={f.id} disableGutters secondaryAction={!f.revokedAt && <Button size="small" color="error" onClick={() => void revoke.run({ feedId: f.id })}>Revoke</Button>}>
                    <ListItemText primary={f.label} secondary={f.revokedAt ? `Revoked ${formatDateTime(f.revokedAt)}` : `Made ${formatDateTime(f.createdAt)}`} />
                  </ListItem>
                ))}
              </List>
            </>
          ) : (
            <Typography variant="body2">This PC works without a sync server, so there is no address a calendar app could subscribe to. Download your calendar as a file and import it into Outlook, Google Calendar or Thunderbird; invitations you receive by email keep themselves up to date.</Typography>
          )}
          <Button startIcon={<DownloadIcon />} onClick={() => void download()} sx={{ alignSelf: 'flex-start' }}>Download my calendar (.ics)</Button>
          {error && <Alert severity="error">{errorText(error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </FormDialog>
  );
}
