import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateTimeField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Logs a use of the instrument (who: the signed-in person; when; samples or run); refused when it is not fit for use. */
export function UsageDialog({ equipmentId, onClose }: { equipmentId: string; onClose: () => void }) {
  const log = useCommand('equipment/log-use');
  // Initial values only: the last hour, until now.
  const [startedAt, setStartedAt] = useState(() => localInput(new Date(new Date().getTime() - 3_600_000)));
  const [endedAt, setEndedAt] = useState(() => localInput(new Date()));
  const [reference, setReference] = useState('');
  const [notes, setNotes] = useState('');
  const submit = async () => {
    const result = await log.run({ equipmentId, startedAt: new Date(startedAt).toISOString(), ...(endedAt ? { endedAt: new Date(endedAt).toISOString() } : {}), reference, notes });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Log use</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Stack direction="row" spacing={2}>
            <DateTimeField label="From" value={startedAt} onChange={setStartedAt} fullWidth />
            <DateTimeField label="Until" value={endedAt} min={startedAt || undefined} onChange={setEndedAt} fullWidth />
          </Stack>
          <TextField label="Samples, run or batch" value={reference} onChange={(e) => setReference(e.target.value)} />
          <TextField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} multiline minRows={2} />
          {log.error && <Alert severity="error">{errorText(log.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={log.isRunning} onClick={() => void submit()}>Log use</Button>
      </DialogActions>
    </FormDialog>
  );
}
