import { Alert, Card, CardContent, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
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
          </>
        ) : (
          <Typography variant="body1" component="p">{daysText(balance.taken)} taken · {daysText(balance.booked)} booked</Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The signed-in person's leave: balances per type this year, a request form, their requests. */
export function MyLeave({ personId }: { personId: string }) {
  const view = useLiveQuery('hr/my-leave', {});
  const nav = useRecordNav();
  if (view.error) return <Alert severity="error">{errorText(view.error)}</Alert>;
  if (!view.data) return <Typography color="text.secondary">Loading your leave…</Typography>;
  const { year, balances, requests, terms } = view.data;
  // Types with nothing taken or booked are left out, except annual leave, which always shows its balance.
  const shown = balances.filter((b) => b.isBalanced || b.taken > 0 || b.booked > 0);
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h3">Your leave in {year}</Typography>
      {shown.length > 0 && <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>{shown.map((b) => <BalanceCard key={b.leaveType} balance={b} />)}</Stack>}
      <LeaveRequestForm personId={personId} terms={terms} />
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
