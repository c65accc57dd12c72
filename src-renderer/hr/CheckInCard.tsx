import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import { workedHoursOf } from '../../src-shared/hr/timesheet';
import type { AttendanceTodayView } from '../../src-shared/hr/attendance-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { hoursText } from './leave-text';

/**
 * Today's attendance of the signed-in person: check in, then check out with the breaks taken. The
 * times are the PC's clock when the button is pressed; changing them later is a correction.
 */
export function CheckInCard({ view }: { view: AttendanceTodayView }) {
  const checkIn = useCommand('hr/check-in');
  const checkOut = useCommand('hr/check-out');
  const [breakMinutes, setBreakMinutes] = useState('0');
  const { record } = view;
  const refusal = checkIn.error ?? checkOut.error;
  const breakError = checkOut.error?.field === 'breakMinutes' ? checkOut.error.message : undefined;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Today">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">Today, {formatDay(view.today)}</Typography>
        {!record && (
          <>
            <Typography data-testid="attendance-state">You have not checked in today.</Typography>
            <Stack direction="row"><Button variant="contained" onClick={() => void checkIn.run({})} disabled={checkIn.isRunning}>Check in</Button></Stack>
          </>
        )}
        {record?.status === 'checked_in' && (
          <>
            <Typography data-testid="attendance-state">Checked in at {record.checkIn}.</Typography>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <TextField
                size="small" type="number" label="Breaks today (minutes)" value={breakMinutes} onChange={(e) => setBreakMinutes(e.target.value)}
                slotProps={{ htmlInput: { min: 0, max: 600, step: 5 } }} error={Boolean(breakError)} helperText={breakError} sx={{ width: 200 }}
              />
              <Button variant="contained" onClick={() => void checkOut.run({ breakMinutes: Number(breakMinutes) || 0 })} disabled={checkOut.isRunning}>Check out</Button>
            </Stack>
          </>
        )}
        {record && record.status !== 'checked_in' && (
          <Typography data-testid="attendance-state">
            In at {record.checkIn}, out at {record.checkOut}{record.breakMinutes > 0 ? `, ${record.breakMinutes} minutes of breaks` : ''}: {hoursText(workedHoursOf(record))} worked.
          </Typography>
        )}
        {refusal && !breakError && <Alert severity="warning" data-testid="attendance-refusal">{errorText(refusal)}</Alert>}
      </Stack>
    </Paper>
  );
}
