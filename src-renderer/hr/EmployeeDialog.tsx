import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { employmentTypes } from '../../src-shared/hr/employee-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { PersonPicker } from '../equipment/PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const formFields = ['data.personId', 'data.jobTitle', 'data.managerId', 'data.startDate', 'data.employmentType', 'data.location', 'data.leavePolicy.annualDays', 'data.leavePolicy.maxCarryOverDays'];

/**
 * HR sets up a person's employee record: job, manager (who then approves their leave and sees
 * their HR records), start date, employment, the location whose public holidays apply, and the
 * yearly leave entitlement. The kind's rules judge it on the host and again on the sync server.
 */
export function EmployeeDialog({ onClose }: { onClose: () => void }) {
  const create = useCommand('records/create');
  const [personId, setPersonId] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [managerId, setManagerId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [employmentType, setEmploymentType] = useState('permanent');
  const [location, setLocation] = useState('');
  const [annualDays, setAnnualDays] = useState('25');
  const [maxCarryOverDays, setMaxCarryOverDays] = useState('5');
  const fieldError = (field: string) => (create.error?.field === field ? create.error.message : undefined);
  const general = create.error && !formFields.includes(create.error.field ?? '') ? errorText(create.error) : undefined;
  const save = async () => {
    const result = await create.run({
      kind: 'employee',
      data: { personId, jobTitle, managerId, startDate, employmentType, location, leavePolicy: { annualDays: Number(annualDays), maxCarryOverDays: Number(maxCarryOverDays) } },
    });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="employee-dialog-title">
      <DialogTitle id="employee-dialog-title">Set up an employee</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <PersonPicker label="Person" value={personId} onChange={setPersonId} error={fieldError('data.personId')} />
          <TextField label="Job title" value={jobTitle} onChange={(e) => setJobTitle(e.target.value)} error={Boolean(fieldError('data.jobTitle'))} helperText={fieldError('data.jobTitle')} />
          <PersonPicker label="Manager" value={managerId} onChange={setManagerId} error={fieldError('data.managerId')} helperText="Approves their leave. Leave empty when the head of their department does." />
          <Stack direction="row" spacing={2}>
            <DateField label="Start date" value={startDate} onChange={setStartDate} error={Boolean(fieldError('data.startDate'))} helperText={fieldError('data.startDate')} fullWidth />
            <TextField select label="Employment" value={employmentType} onChange={(e) => setEmploymentType(e.target.value)} fullWidth>
              {employmentTypes.map((t) => <MenuItem key={t.value} value={t.value}>{t.label}</MenuItem>)}
            </TextField>
          </Stack>
          <TextField label="Location (public holidays)" value={location} onChange={(e) => setLocation(e.target.value)} helperText={fieldError('data.location') ?? 'The holiday calendar that applies, e.g. Berlin.'} error={Boolean(fieldError('data.location'))} />
          <Stack direction="row" spacing={2}>
            <TextField type="number" label="Annual leave (days a year)" value={annualDays} onChange={(e) => setAnnualDays(e.target.value)} error={Boolean(fieldError('data.leavePolicy.annualDays'))} helperText={fieldError('data.leavePolicy.annualDays') ?? 'For a full year of five days a week.'} fullWidth />
            <TextField type="number" label="Carry over at most (days)" value={maxCarryOverDays} onChange={(e) => setMaxCarryOverDays(e.target.value)} error={Boolean(fieldError('data.leavePolicy.maxCarryOverDays'))} helperText={fieldError('data.leavePolicy.maxCarryOverDays')} fullWidth />
          </Stack>
          {general && <Alert severity="error">{general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={create.isRunning}>Save employee</Button>
      </DialogActions>
    </FormDialog>
  );
}
