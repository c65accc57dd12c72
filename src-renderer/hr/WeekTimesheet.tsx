import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Button, Chip, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { AttendanceEntry, TimesheetDay, TimesheetTotals } from '../../src-shared/hr/timesheet';
import { weekStartOf } from '../../src-shared/hr/timesheet';
import { addDays } from '../../src-shared/projects/plan-dates';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { CorrectionDialog } from './CorrectionDialog';
import { hoursText } from './leave-text';

const weekdayName = (date: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));

/** What the day was expected to hold: "8 h", "Public holiday", "Annual leave (4 h)". */
function expectedText(day: TimesheetDay): string {
  if (day.contractedHours === 0) return 'Day off';
  const freed = [day.holidayHours > 0 ? 'Public holiday' : '', day.leaveLabel].filter(Boolean).join(', ');
  return freed ? `${hoursText(day.expectedHours)} (${freed})` : hoursText(day.expectedHours);
}

function Differences({ row }: { row: Pick<TimesheetTotals, 'differenceHours' | 'untrackedHours'> }) {
  return (
    <>
      <TableCell sx={{ color: row.differenceHours < 0 ? 'warning.main' : undefined }}>{hoursText(row.differenceHours, true)}</TableCell>
      <TableCell sx={{ color: row.untrackedHours !== 0 ? 'info.main' : undefined }}>{hoursText(row.untrackedHours, true)}</TableCell>
    </>
  );
}

/**
 * One person's week: each day's expected hours (the working pattern less public holidays and
 * approved leave), the times checked in and out, hours worked against expected and against time
 * tracking. The person asks for a correction of a closed day here.
 */
export function WeekTimesheet({ personId: signedIn, today }: { personId: string; today: string }) {
  const [weekStart, setWeekStart] = useState(() => weekStartOf(today));
  const [personId, setPersonId] = useState(signedIn);
  const [correcting, setCorrecting] = useState<AttendanceEntry | null>(null);
  const week = useLiveQuery('hr/attendance-week', { personId, weekStart });
  const data = week.data?.timesheet.from === weekStart && week.data.personId === personId ? week.data : undefined;
  const isOwn = personId === signedIn;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Timesheet">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h6" component="h3">Timesheet</Typography>
          {(week.data?.people.length ?? 0) > 1 && (
            <TextField select size="small" label="Person" value={personId} onChange={(e) => setPersonId(e.target.value)} sx={{ minWidth: 200 }}>
              {week.data?.people.map((p) => <MenuItem key={p.id} value={p.id}>{p.id === signedIn ? `${p.name} (you)` : p.name}</MenuItem>)}
            </TextField>
          )}
          <IconButton aria-label="Previous week" onClick={() => setWeekStart(addDays(weekStart, -7))}><ChevronLeftIcon /></IconButton>
          <Typography data-testid="timesheet-week">{formatDay(weekStart)} – {formatDay(addDays(weekStart, 6))}</Typography>
          <IconButton aria-label="Next week" onClick={() => setWeekStart(addDays(weekStart, 7))}><ChevronRightIcon /></IconButton>
        </Stack>
        {week.error && <Alert severity="error">{errorText(week.error)}</Alert>}
        {data && !data.hasEmployeeRecord && <Alert severity="info">HR has not set up {isOwn ? 'your' : `${data.personName}'s`} employee record: the hours expected are the standard 8 hours Monday to Friday.</Alert>}
        {!data ? (
          !week.error && <Typography color="text.secondary">Loading the timesheet…</Typography>
        ) : (
          <Table size="small" aria-label="Timesheet">
            <TableHead>
              <TableRow>
                <TableCell>Day</TableCell><TableCell>Expected</TableCell><TableCell>In</TableCell><TableCell>Out</TableCell><TableCell>Breaks</TableCell>
                <TableCell>Worked</TableCell><TableCell>In time tracking</TableCell><TableCell>Worked − expected</TableCell><TableCell>Worked − tracked</TableCell><TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.timesheet.days.map((day) => {
                const a = day.attendance;
                return (
                  <TableRow key={day.date} data-testid="timesheet-day" data-date={day.date}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{weekdayName(day.date)} {formatDay(day.date)}</TableCell>
                    <TableCell>{expectedText(day)}</TableCell>
                    <TableCell>{a?.checkIn ?? '—'}</TableCell>
                    <TableCell>{a?.checkOut || '—'}</TableCell>
                    <TableCell>{a ? `${a.breakMinutes} min` : '—'}</TableCell>
                    <TableCell>{hoursText(day.workedHours)}</TableCell>
                    <TableCell>{hoursText(day.trackedHours)}</TableCell>
                    <Differences row={day} />
                    <TableCell>
                      {a && <Chip size="small" label={a.status === 'correction_requested' ? `Correction asked: ${a.correctedCheckIn}–${a.correctedCheckOut}` : a.statusLabel} color={a.status === 'correction_requested' ? 'warning' : a.status === 'closed' ? 'success' : 'info'} />}
                      {a && isOwn && a.status === 'closed' && <Button size="small" onClick={() => setCorrecting(a)} aria-label={`Correct ${formatDay(day.date)}`}>Correct</Button>}
                    </TableCell>
                  </TableRow>
                );
              })}
              <TableRow data-testid="timesheet-total" sx={{ '& td': { fontWeight: 600 } }}>
                <TableCell>Week</TableCell>
                <TableCell>{hoursText(data.timesheet.totals.expectedHours)}</TableCell>
                <TableCell colSpan={3} />
                <TableCell>{hoursText(data.timesheet.totals.workedHours)}</TableCell>
                <TableCell>{hoursText(data.timesheet.totals.trackedHours)}</TableCell>
                <Differences row={data.timesheet.totals} />
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
        )}
      </Stack>
      {correcting && <CorrectionDialog entry={correcting} onClose={() => setCorrecting(null)} />}
    </Paper>
  );
}
