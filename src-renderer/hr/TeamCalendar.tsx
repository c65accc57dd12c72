import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, IconButton, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import { leaveTypeLabel, type TeamLeaveDay } from '../../src-shared/hr/leave-views';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { monthOf, monthTitle, shiftMonth } from './month-text';

const weekday = (date: string) => new Intl.DateTimeFormat(undefined, { weekday: 'narrow', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

function DayCell({ date, day }: { date: string; day: TeamLeaveDay | undefined }) {
  const background = !day ? (isWeekend(date) ? 'action.hover' : undefined) : day.status === 'approved' ? 'success.light' : 'info.light';
  const cell = (
    <TableCell align="center" sx={{ p: 0.25, minWidth: 22, bgcolor: background, borderLeft: 1, borderColor: 'divider', fontSize: 12 }} data-testid={day ? 'leave-day' : undefined} data-date={date}>
      {day ? (day.cost < 1 ? '½' : '•') : ''}
    </TableCell>
  );
  if (!day) return cell;
  const state = day.status === 'approved' ? 'approved' : 'waiting for approval';
  return <Tooltip title={`${formatDay(date)}: ${leaveTypeLabel(day.leaveType)}${day.cost < 1 ? ', half a day' : ''} (${state})`}>{cell}</Tooltip>;
}

/**
 * The team leave calendar: who is away on which day of a month — the submitted and approved leave
 * of everyone whose leave the reader may read (HR: everyone; a manager: their people; anyone:
 * themselves). Approved leave is green, leave waiting for approval blue, half days marked ½.
 */
export function TeamCalendar() {
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const calendar = useLiveQuery('hr/team-leave', { month });
  const data = calendar.data?.month === month ? calendar.data : undefined;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <IconButton aria-label="Previous month" onClick={() => setMonth(shiftMonth(month, -1))}><ChevronLeftIcon /></IconButton>
        <Typography variant="h6" component="h3" sx={{ minWidth: 180, textAlign: 'center' }} data-testid="calendar-month">{monthTitle(month)}</Typography>
        <IconButton aria-label="Next month" onClick={() => setMonth(shiftMonth(month, 1))}><ChevronRightIcon /></IconButton>
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="body2" color="text.secondary">Green: approved · Blue: waiting for approval · ½: half a day</Typography>
      </Stack>
      {calendar.error && <Alert severity="error">{errorText(calendar.error)}</Alert>}
      {!data ? (
        <Typography color="text.secondary">Loading the calendar…</Typography>
      ) : data.people.length === 0 ? (
        <Typography color="text.secondary">Nobody you can see is away in {monthTitle(month)}.</Typography>
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Team leave calendar">
            <TableHead>
              <TableRow>
                <TableCell>Person</TableCell>
                {data.dates.map((d) => (
                  <TableCell key={d} align="center" sx={{ p: 0.25, fontSize: 11, bgcolor: isWeekend(d) ? 'action.hover' : undefined }}>
                    {weekday(d)}<br />{Number(d.slice(8))}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.people.map((p) => {
                const byDate = new Map(p.days.map((d) => [d.date, d]));
                return (
                  <TableRow key={p.personId} data-testid="calendar-person">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.personName}</TableCell>
                    {data.dates.map((d) => <DayCell key={d} date={d} day={byDate.get(d)} />)}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
