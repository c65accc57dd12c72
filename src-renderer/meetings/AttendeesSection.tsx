import { Alert, Box, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { attendanceMarks, type AttendanceMark } from '../../src-shared/meetings/meeting-model';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { attendanceLabels, responseLabels, responseTone, roleLabels } from './meeting-labels';
import { isSeriesItself } from './meeting-kind';

/** Who is invited and what they answered; while minutes are taken, who was there. */
export function AttendeesSection({ meeting }: { meeting: MeetingDetail }) {
  const attendance = useCommand('meetings/minutes/attendance');
  const isTakingMinutes = meeting.can.takeMinutes && !isSeriesItself(meeting) && meeting.status !== 'cancelled';
  const answered = meeting.attendees.filter((a) => a.response === 'accepted').length;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Attendees">
      <Stack spacing={1}>
        <Typography variant="h6" component="h3">Attendees</Typography>
        <Typography variant="body2" color="text.secondary">{answered} of {meeting.attendees.length} accepted</Typography>
        <Stack spacing={1} role="list" aria-label="Attendees and answers">
          {meeting.attendees.map((a) => (
            <Stack key={a.key} role="listitem" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <Box sx={{ flexGrow: 1, minWidth: 140 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{a.name || a.email}</Typography>
                <Typography variant="caption" color="text.secondary">{[roleLabels[a.role], a.personId ? '' : `Guest: ${a.email}`].filter(Boolean).join(' · ')}</Typography>
              </Box>
              {isTakingMinutes && (
                <TextField select size="small" label="Attendance" value={a.attendance ?? ''} onChange={(e) => void attendance.run({ id: meeting.id, attendeeKey: a.key, mark: e.target.value as AttendanceMark })} sx={{ width: 130 }}>
                  {attendanceMarks.map((m) => <MenuItem key={m} value={m}>{attendanceLabels[m]}</MenuItem>)}
                </TextField>
              )}
              {!isTakingMinutes && a.attendance && <Chip size="small" variant="outlined" label={attendanceLabels[a.attendance]} />}
              <Chip size="small" color={responseTone[a.response]} label={responseLabels[a.response]} />
            </Stack>
          ))}
        </Stack>
        {meeting.minuteTakers.length > 0 && <Typography variant="body2">Minute-takers: {meeting.minuteTakers.map((p) => p.name).join(', ')}</Typography>}
        {attendance.error && <Alert severity="error">{errorText(attendance.error)}</Alert>}
      </Stack>
    </Paper>
  );
}
