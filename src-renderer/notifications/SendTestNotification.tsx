import { Alert, Button, FormControl, InputLabel, MenuItem, Paper, Select, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';

/** Administrators: send a person a message through their preferred channels, to check the set-up end to end. */
export function SendTestNotification() {
  const people = useLiveQuery('people/list', { includeInactive: false });
  const send = useCommand('notifications/send-test');
  const [recipientId, setRecipientId] = useState('');
  const [subject, setSubject] = useState('Test notification');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const list = people.data ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2} component="form" aria-label="Send a test notification"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await send.run({ recipientId, subject });
          setSentTo(result.ok ? list.find((p) => p.id === recipientId)?.name : undefined);
        }}>
        <Typography variant="subtitle1">Send a test notification</Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <FormControl size="small" sx={{ minWidth: 240 }} error={Boolean(fieldError(send.error, 'recipientId'))}>
            <InputLabel id="test-recipient">Person</InputLabel>
            <Select labelId="test-recipient" label="Person" value={recipientId} onChange={(e) => { setRecipientId(e.target.value); setSentTo(undefined); }}>
              {list.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
            </Select>
          </FormControl>
          <TextField size="small" label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} sx={{ flexGrow: 1 }}
            error={Boolean(fieldError(send.error, 'subject'))} helperText={fieldError(send.error, 'subject')} />
          <Button type="submit" variant="outlined" disabled={!recipientId || send.isRunning}>Send test notification</Button>
        </Stack>
        {send.error && <Alert severity="error">{errorText(send.error)}</Alert>}
        {sentTo && <Alert severity="success">Sent to {sentTo}. It appears in their notification centre and on the channels they chose.</Alert>}
      </Stack>
    </Paper>
  );
}
