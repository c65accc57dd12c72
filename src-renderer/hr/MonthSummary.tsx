import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Button, IconButton, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { hoursText } from './leave-text';
import { monthTitle, shiftMonth } from './month-text';

/**
 * The month of everyone whose attendance the reader may see (their people; everyone for HR):
 * hours expected, on leave, worked and in time tracking with the differences, and the corrections
 * waiting for the reader's decision.
 */
export function MonthSummary({ today }: { today: string }) {
  const [month, setMonth] = useState(() => today.slice(0, 7));
  const summary = useLiveQuery('hr/attendance-month', { month });
  const decide = useCommand('hr/attendance/decide-correction');
  const data = summary.data?.month === month ? summary.data : undefined;
  // Only the reader's own line: the timesheet above already says it all.
  if (summary.data && summary.data.rows.length <= 1 && summary.data.corrections.length === 0) return null;
  return (
    <Stack spacing={2}>
      {data && data.corrections.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Corrections to decide">
          <Typography variant="h6" component="h3">Corrections to decide</Typography>
          <Table size="small" aria-label="Corrections to decide">
            <TableHead><TableRow><TableCell>Person</TableCell><TableCell>Day</TableCell><TableCell>Recorded</TableCell><TableCell>Asked for</TableCell><TableCell>Why</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {data.corrections.map((c) => (
                <TableRow key={c.id} data-testid="correction-row">
                  <TableCell>{c.personName}</TableCell>
                  <TableCell>{formatDay(c.entry.date)}</TableCell>
                  <TableCell>{c.entry.checkIn}–{c.entry.checkOut}</TableCell>
                  <TableCell>{c.entry.correctedCheckIn}–{c.entry.correctedCheckOut}</TableCell>
                  <TableCell>{c.entry.correctionReason}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" variant="contained" disabled={decide.isRunning} onClick={() => void decide.run({ id: c.id, isApproved: true })}>Approve</Button>{' '}
                    <Button size="small" disabled={decide.isRunning} onClick={() => void decide.run({ id: c.id, isApproved: false })}>Decline</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {decide.error && <Alert severity="error">{errorText(decide.error)}</Alert>}
        </Paper>
      )}
      <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }} component="section" aria-label="Monthly summary">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h3">Monthly summary</Typography>
          <IconButton aria-label="Previous month" onClick={() => setMonth(shiftMonth(month, -1))}><ChevronLeftIcon /></IconButton>
          <Typography sx={{ minWidth: 140, textAlign: 'center' }} data-testid="summary-month">{monthTitle(month)}</Typography>
          <IconButton aria-label="Next month" onClick={() => setMonth(shiftMonth(month, 1))}><ChevronRightIcon /></IconButton>
        </Stack>
        {summary.error && <Alert severity="error">{errorText(summary.error)}</Alert>}
        {!data ? (
          !summary.error && <Typography color="text.secondary">Loading the month…</Typography>
        ) : (
          <Table size="small" aria-label="Monthly summary">
            <TableHead>
              <TableRow>
                <TableCell>Person</TableCell><TableCell>Contracted</TableCell><TableCell>Holidays</TableCell><TableCell>Leave</TableCell><TableCell>Expected</TableCell><TableCell>Worked</TableCell>
                <TableCell>In time tracking</TableCell><TableCell>Worked − expected</TableCell><TableCell>Worked − tracked</TableCell><TableCell>Days present</TableCell><TableCell>Not checked out</TableCell><TableCell>Corrections waiting</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((r) => (
                <TableRow key={r.personId} data-testid="summary-row">
                  <TableCell>{r.personName}</TableCell>
                  <TableCell>{hoursText(r.contractedHours)}</TableCell>
                  <TableCell>{hoursText(r.holidayHours)}</TableCell>
                  <TableCell>{hoursText(r.leaveHours)}</TableCell>
                  <TableCell>{hoursText(r.expectedHours)}</TableCell>
                  <TableCell>{hoursText(r.workedHours)}</TableCell>
                  <TableCell>{hoursText(r.trackedHours)}</TableCell>
                  <TableCell sx={{ color: r.differenceHours < 0 ? 'warning.main' : undefined }}>{hoursText(r.differenceHours, true)}</TableCell>
                  <TableCell>{hoursText(r.untrackedHours, true)}</TableCell>
                  <TableCell>{r.daysPresent}</TableCell>
                  <TableCell>{r.daysOpen}</TableCell>
                  <TableCell>{r.correctionsWaiting}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
