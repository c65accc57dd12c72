import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { AttendanceEntry } from '../../src-shared/hr/timesheet';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';

const fields = ['checkIn', 'checkOut', 'reason'];

/** The person asks for a closed day's times to be corrected; their manager or HR decides. */
export function CorrectionDialog({ entry, onClose }: { entry: AttendanceEntry; onClose: () => void }) {
  const ask = useCommand('hr/attendance/ask-correction');
  const [checkIn, setCheckIn] = useState(entry.checkIn);
  const [checkOut, setCheckOut] = useState(entry.checkOut);
  const [reason, setReason] = useState('');
  const fieldError = (field: string) => (ask.error?.field === field ? ask.error.message : undefined);
  const submit = async () => {
    const result = await ask.run({ id: entry.id, checkIn, checkOut, reason });
    if (result.ok) onClose();
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="correction-title">
      <DialogTitle id="correction-title">Correct {formatDay(entry.date)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField type="time" label="Checked in at" value={checkIn} onChange={(e) => setCheckIn(e.target.value)} error={Boolean(fieldError('checkIn'))} helperText={fieldError('checkIn')} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField type="time" label="Checked out at" value={checkOut} onChange={(e) => setCheckOut(e.target.value)} error={Boolean(fieldError('checkOut'))} helperText={fieldError('checkOut')} slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
          <TextField label="Why correct it" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} error={Boolean(fieldError('reason'))} helperText={fieldError('reason') ?? 'Your manager sees this when deciding.'} />
          {ask.error && !fields.includes(ask.error.field ?? '') && <Alert severity="error">{errorText(ask.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={ask.isRunning}>Ask for the correction</Button>
      </DialogActions>
    </Dialog>
  );
}
