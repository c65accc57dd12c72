import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { SessionRow } from '../../src-shared/hr/training-views';
import { useCommand } from '../bridge/BridgeProvider';
import { PeoplePicker, PersonPicker } from '../equipment/PersonPicker';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const formFields = ['data.date', 'data.trainerId', 'data.place', 'data.capacity', 'data.enrolledIds'];

/**
 * Plans a session of a course (date, trainer, place, places) with the people enrolled, or changes a
 * planned one — enrolling more people is an edit of its list. The training_session kind refuses more
 * people than places and anyone enrolled twice.
 */
export function SessionDialog({ courseId, courseTitle, session, onClose }: { courseId: string; courseTitle: string; session?: SessionRow; onClose: () => void }) {
  const create = useCommand('records/create');
  const update = useCommand('records/update');
  const [date, setDate] = useState(session?.date ?? '');
  const [trainerId, setTrainerId] = useState('');
  const [place, setPlace] = useState(session?.place ?? '');
  const [capacity, setCapacity] = useState(String(session?.capacity ?? 12));
  const [enrolledIds, setEnrolledIds] = useState<string[]>(session?.enrolled.map((p) => p.id) ?? []);
  const error = session ? update.error : create.error;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const general = error && !formFields.includes(error.field ?? '') ? errorText(error) : undefined;
  const save = async () => {
    const data = { date, place, capacity: Number(capacity), enrolledIds, ...(trainerId || !session ? { trainerId } : {}) };
    const result = session ? await update.run({ id: session.id, data }) : await create.run({ kind: 'training_session', data: { courseId, ...data } });
    if (result.ok) onClose();
  };
  const title = session ? `Session of ${courseTitle}` : `Plan a session of ${courseTitle}`;
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="session-dialog-title">
      <DialogTitle id="session-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <DateField label="Date" value={date} onChange={setDate} error={Boolean(fieldError('data.date'))} helperText={fieldError('data.date')} fullWidth />
            <TextField type="number" label="Places" value={capacity} onChange={(e) => setCapacity(e.target.value)} error={Boolean(fieldError('data.capacity'))} helperText={fieldError('data.capacity')} fullWidth />
          </Stack>
          <PersonPicker label={session ? `Trainer (now ${session.trainerName})` : 'Trainer'} value={trainerId} onChange={setTrainerId} error={fieldError('data.trainerId')} />
          <TextField label="Place" value={place} onChange={(e) => setPlace(e.target.value)} />
          <PeoplePicker label="Enrolled" value={enrolledIds} onChange={setEnrolledIds} error={fieldError('data.enrolledIds')} />
          {general && <Alert severity="error">{general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={create.isRunning || update.isRunning}>Save session</Button>
      </DialogActions>
    </FormDialog>
  );
}
