import {
  Alert, Button, Checkbox, FormControlLabel, LinearProgress, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { channelLabels, eventLabels, notificationChannels, notificationEvents } from '../../src-shared/notifications/notification-events';
import { effectiveChannels, type Preferences } from '../../src-shared/notifications/preferences';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { ThisComputerSettings } from './ThisComputerSettings';

/** Which channels each event uses, and quiet hours (no pop-ups, emails held back). */
export function NotificationPreferences() {
  const stored = useLiveQuery('notifications/preferences', {});
  const save = useCommand('notifications/set-preferences');
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [isSaved, setIsSaved] = useState(false);

  useEffect(() => {
    if (stored.data && !draft) setDraft({ ...stored.data, channels: effectiveChannels(stored.data) });
  }, [stored.data, draft]);

  if (!draft) return stored.error ? <Alert severity="error">{errorText(stored.error)}</Alert> : <LinearProgress aria-label="Loading preferences" />;
  const channels = effectiveChannels(draft);
  const quiet = draft.quietHours;
  const change = (next: Preferences) => {
    setDraft(next);
    setIsSaved(false);
  };

  return (
    <Stack spacing={3} component="form" aria-label="Notification preferences"
      onSubmit={async (e) => {
        e.preventDefault();
        // The offset of this computer's clock now, so quiet hours follow the person's local time.
        const result = await save.run({ ...draft, quietHours: { ...quiet, utcOffsetMinutes: -new Date().getTimezoneOffset() } });
        setIsSaved(result.ok);
      }}>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Channels per event">
          <TableHead>
            <TableRow>
              <TableCell>Event</TableCell>
              {notificationChannels.map((c) => <TableCell key={c} align="center">{channelLabels[c]}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {notificationEvents.map((event) => (
              <TableRow key={event}>
                <TableCell>{eventLabels[event]}</TableCell>
                {notificationChannels.map((channel) => (
                  <TableCell key={channel} align="center" padding="checkbox">
                    <Checkbox checked={channels[event][channel]} slotProps={{ input: { 'aria-label': `${eventLabels[event]}: ${channelLabels[channel]}` } }}
                      onChange={(e) => change({ ...draft, channels: { ...channels, [event]: { ...channels[event], [channel]: e.target.checked } } })} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography variant="subtitle1">Quiet hours</Typography>
          <Typography variant="body2" color="text.secondary">
            No desktop pop-ups, and emails wait until the quiet hours end. Everything still arrives in the notification centre.
          </Typography>
          <FormControlLabel control={<Switch checked={quiet.isEnabled} onChange={(e) => change({ ...draft, quietHours: { ...quiet, isEnabled: e.target.checked } })} />} label="Quiet hours" />
          <Stack direction="row" spacing={2}>
            <TextField label="From" type="time" size="small" value={quiet.start} disabled={!quiet.isEnabled}
              onChange={(e) => change({ ...draft, quietHours: { ...quiet, start: e.target.value } })}
              error={Boolean(fieldError(save.error, 'quietHours.start'))} helperText={fieldError(save.error, 'quietHours.start')} />
            <TextField label="Until" type="time" size="small" value={quiet.end} disabled={!quiet.isEnabled}
              onChange={(e) => change({ ...draft, quietHours: { ...quiet, end: e.target.value } })}
              error={Boolean(fieldError(save.error, 'quietHours.end'))} helperText={fieldError(save.error, 'quietHours.end')} />
          </Stack>
        </Stack>
      </Paper>

      {save.error && !save.error.field?.startsWith('quietHours') && <Alert severity="error">{errorText(save.error)}</Alert>}
      {isSaved && <Alert severity="success">Preferences saved.</Alert>}
      <Stack direction="row">
        <Button type="submit" variant="contained" disabled={save.isRunning}>Save preferences</Button>
      </Stack>

      <ThisComputerSettings />
    </Stack>
  );
}
