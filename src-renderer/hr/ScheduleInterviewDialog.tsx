import { Alert, Autocomplete, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { CandidateCard } from '../../src-shared/hr/hiring-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { localTimeZone } from '../format/date-time';
import { DateTimeField } from '../format/DateField';
import { usePeople } from '../records/use-people';
import { FormDialog } from '../shell/FormDialog';

const lengths = [30, 45, 60, 90, 120];

/**
 * Schedules an interview of a candidate: the interviewers, when, how long, where. The host saves a
 * private meeting (the interviewers are invited and see it in their calendar) and a draft
 * scorecard for each interviewer to fill in.
 */
export function ScheduleInterviewDialog({ candidate, isOpen, onClose }: { candidate: CandidateCard; isOpen: boolean; onClose: () => void }) {
  const schedule = useCommand('hr/interviews/schedule');
  const { people } = usePeople();
  const [interviewerIds, setInterviewerIds] = useState<string[]>([]);
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [place, setPlace] = useState('');
  useEffect(() => {
    if (!isOpen) return;
    setInterviewerIds([]); setStartsAt(''); setMinutes(60); setPlace('');
    schedule.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = startsAt ? new Date(startsAt).toISOString() : '';
    const result = await schedule.run({ candidateId: candidate.id, interviewerIds, startsAt: at, minutes, timeZone: localTimeZone(), place });
    if (result.ok) onClose();
  };
  const field = schedule.error?.field ?? '';
  const errorAt = (name: string) => (field === name || field.startsWith(`${name}.`) ? schedule.error?.message : undefined);
  const general = schedule.error && !['interviewerIds', 'startsAt', 'minutes', 'place'].some((n) => errorAt(n)) ? errorText(schedule.error) : undefined;
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Schedule an interview">
        <DialogTitle>Schedule an interview with {candidate.name}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Autocomplete multiple options={people.filter((p) => p.isActive)} value={people.filter((p) => interviewerIds.includes(p.id))} getOptionLabel={(p) => p.name}
              isOptionEqualToValue={(a, b) => a.id === b.id} onChange={(_e, list) => setInterviewerIds(list.map((p) => p.id))}
              renderInput={(params) => <TextField {...params} label="Interviewers" error={Boolean(errorAt('interviewerIds'))} helperText={errorAt('interviewerIds') ?? 'Each is invited and fills in their own scorecard.'} />} />
            <DateTimeField label="Starts" value={startsAt} onChange={setStartsAt} error={Boolean(errorAt('startsAt'))} helperText={errorAt('startsAt')} />
            <TextField select label="Length" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} error={Boolean(errorAt('minutes'))} helperText={errorAt('minutes')}>
              {lengths.map((m) => <MenuItem key={m} value={m}>{m < 60 ? `${m} minutes` : m === 60 ? '1 hour' : `${m / 60} hours`}</MenuItem>)}
            </TextField>
            <TextField label="Place" value={place} onChange={(e) => setPlace(e.target.value)} error={Boolean(errorAt('place'))} helperText={errorAt('place')} />
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={schedule.isRunning}>Schedule</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
