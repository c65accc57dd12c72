import { Alert, Button, Checkbox, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { leaveDayCount } from '../../src-shared/hr/leave-days';
import { leaveTypes } from '../../src-shared/hr/leave-request-kind';
import { leaveTypeLabel, type LeaveTerms } from '../../src-shared/hr/leave-views';
import { useBridge, useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { newCommandId } from '../workflows/command-id';
import { ConfirmLeaveRequest } from './ConfirmLeaveRequest';
import { daysText } from './leave-text';
import { DateField } from '../format/DateField';

const formFields = ['data.leaveType', 'data.startDate', 'data.endDate', 'data.days', 'data.reason'];

/**
 * A leave request by the signed-in person: type, first and last day, half days, a reason. The
 * working days it costs are counted as the dates change (the person's pattern and holidays, the
 * same count the host and the server check), and a refusal — more than the balance covers, an
 * overlap — is shown here, by the field it is about. Once filed, the leave request workflow starts
 * on it, and the person confirms it right here to send it to their manager (ConfirmLeaveRequest).
 */
export function LeaveRequestForm({ personId, personName, terms }: { personId: string; personName: string; terms: LeaveTerms | null }) {
  const client = useBridge();
  const create = useCommand('records/create');
  const [leaveType, setLeaveType] = useState<string>('annual');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [isFirstDayHalf, setFirstDayHalf] = useState(false);
  const [isLastDayHalf, setLastDayHalf] = useState(false);
  const [reason, setReason] = useState('');
  const [filed, setFiled] = useState<{ number: string; instanceId: string | null; note: string } | null>(null);
  const span = { startDate, endDate: endDate || startDate, isFirstDayHalf, isLastDayHalf };
  const hasDates = Boolean(startDate) && span.endDate >= startDate;
  const days = hasDates && terms ? leaveDayCount(span, terms.employment.pattern, terms.holidays) : null;
  const fieldError = (field: string) => (create.error?.field === field ? create.error.message : undefined);
  const general = create.error && !formFields.includes(create.error.field ?? '') ? errorText(create.error) : undefined;

  const submit = async () => {
    setFiled(null);
    const result = await create.run({ kind: 'leave_request', data: { personId, leaveType, startDate, endDate: span.endDate, isFirstDayHalf, isLastDayHalf, days: days ?? 0, reason } });
    if (!result.ok) return;
    const started = await client.call('workflows/instances/start', { commandId: newCommandId(), code: 'LEAVE_REQUEST', entityType: 'leave_request', entityId: result.value.id });
    setFiled({ number: result.value.number, instanceId: started.ok ? started.value.id : null, note: started.ok ? '' : errorText(started.error) });
    setStartDate('');
    setEndDate('');
    setFirstDayHalf(false);
    setLastDayHalf(false);
    setReason('');
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Request leave">
      <Stack spacing={2}>
        <Typography variant="h6" component="h3">Request leave</Typography>
        {!terms && <Alert severity="info">HR has not set up your employee record yet, so the days cannot be counted for you. Ask HR before requesting leave.</Alert>}
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField select label="Type" value={leaveType} onChange={(e) => setLeaveType(e.target.value)} sx={{ minWidth: 180 }} error={Boolean(fieldError('data.leaveType'))} helperText={fieldError('data.leaveType')}>
            {leaveTypes.map((t) => <MenuItem key={t} value={t}>{leaveTypeLabel(t)}</MenuItem>)}
          </TextField>
          <DateField label="First day" value={startDate} onChange={setStartDate} error={Boolean(fieldError('data.startDate'))} helperText={fieldError('data.startDate')} />
          <DateField label="Last day" value={endDate} min={startDate || undefined} onChange={setEndDate} error={Boolean(fieldError('data.endDate'))} helperText={fieldError('data.endDate')} />
        </Stack>
        <Stack direction="row" spacing={2}>
          <FormControlLabel control={<Checkbox checked={isFirstDayHalf} onChange={(e) => setFirstDayHalf(e.target.checked)} />} label="First day from noon" />
          <FormControlLabel control={<Checkbox checked={isLastDayHalf} onChange={(e) => setLastDayHalf(e.target.checked)} />} label="Last day until noon" />
        </Stack>
        <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} error={Boolean(fieldError('data.reason'))} helperText={fieldError('data.reason')} />
        <Typography data-testid="leave-days-counted" color={days === 0 ? 'warning.main' : 'text.primary'}>
          {days === null ? 'Choose the first and last day to see the working days counted.' : days === 0 ? 'These dates hold no working days.' : `Counts as ${daysText(days)} of leave.`}
        </Typography>
        {fieldError('data.days') && <Alert severity="error" data-testid="leave-refusal">{fieldError('data.days')}</Alert>}
        {general && <Alert severity="error" data-testid="leave-refusal">{general}</Alert>}
        {filed?.instanceId && <ConfirmLeaveRequest instanceId={filed.instanceId} number={filed.number} personName={personName} />}
        {filed && !filed.instanceId && (
          <Alert severity="warning" data-testid="leave-filed">Leave request {filed.number} is saved as a draft, but its approval could not start: {filed.note}</Alert>
        )}
        <Stack direction="row">
          <Button variant="contained" onClick={() => void submit()} disabled={!days || create.isRunning}>Request leave</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
