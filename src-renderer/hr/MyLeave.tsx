import { Alert, Card, CardContent, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { LeaveTypeBalance } from '../../src-shared/hr/leave-views';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { LeaveRequestForm } from './LeaveRequestForm';
import { daysText, leaveDatesText } from './leave-text';

const statusColour = { approved: 'success', submitted: 'info', rejected: 'error', draft: 'default', cancelled: 'default' } as const;

function BalanceCard({ balance }: { balance: LeaveTypeBalance }) {
  return (
    <Card variant="outlined" sx={{ minWidth: 190 }} data-testid="leave-balance" aria-label={balance.label}>
      <CardContent>
        <Typography variant="subtitle2" color="text.secondary">{balance.label}</Typography>
        {balance.isBalanced ? (
          <>
            <Typography variant="h5" component="p" data-testid="leave-available">{daysText(balance.available)} left</Typography>
            <Typography variant="body2" color="text.secondary">
              of {daysText(balance.entitlement)}{balance.carriedIn > 0 ? ` + ${daysText(balance.carriedIn)} carried over` : ''} · {daysText(balance.taken)} taken · {daysText(balance.booked)} booked
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="leave-waiting">
              {balance.waiting > 0 ? `${daysText(balance.waiting)} waiting for approval` : 'Nothing waiting for approval'}
            </Typography>
          </>
        ) : (
          <Typography variant="body1" component="p">{daysText(balance.taken)} taken · {daysText(balance.booked)} booked</Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The signed-in person's leave: balances per type in a year (this one unless chosen), a request form, their requests. */
export function MyLeave({ personId, personName }: { personId: string; personName: string }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const view = useLiveQuery('hr/my-leave', { year });
  const nav = useRecordNav();
  if (view.error) return <Alert severity="error">{errorText(view.error)}</Alert>;
  if (!view.data) return <Typography color="text.secondary">Loading your leave…</Typography>;
  const { balances, requests, terms } = view.data;
  // Types with nothing taken or booked are left out, except annual leave, which always shows its balance.
  const shown = balances.filter((b) => b.isBalanced || b.taken > 0 || b.booked > 0);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3">Your leave in {view.data.year}</Typography>
        <TextField select size="small" label="Year" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 110 }}>
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
      </Stack>
      {shown.length > 0 && <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>{shown.map((b) => <BalanceCard key={b.leaveType} balance={b} />)}</Stack>}
      <LeaveRequestForm personId={personId} personName={personName} terms={terms} />
      <Paper variant="outlined" component="section" aria-label="Your leave requests">
        <Typography variant="h6" component="h3" sx={{ p: 2, pb: 0 }}>Your requests</Typography>
        {requests.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2 }}>You have not requested any leave yet.</Typography>
        ) : (
          <Table size="small" aria-label="Leave requests">
            <TableHead>
              <TableRow><TableCell>Number</TableCell><TableCell>Type</TableCell><TableCell>Dates</TableCell><TableCell>Working days</TableCell><TableCell>Status</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => nav.openRecord(r.id)} data-testid="leave-request-row">
                  <TableCell>{r.number}</TableCell>
                  <TableCell>{r.leaveTypeLabel}</TableCell>
                  <TableCell>{leaveDatesText(r)}</TableCell>
                  <TableCell>{daysText(r.days)}</TableCell>
                  <TableCell><Chip size="small" label={r.statusLabel} color={statusColour[r.status as keyof typeof statusColour] ?? 'default'} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
