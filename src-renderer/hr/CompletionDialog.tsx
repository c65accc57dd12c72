import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import { expiryOf } from '../../src-shared/hr/training-matrix';
import type { CourseRow } from '../../src-shared/hr/training-views';
import { useCommand } from '../bridge/BridgeProvider';
import { PersonPicker } from '../equipment/PersonPicker';
import { errorText } from '../errors/error-text';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const formFields = ['data.personId', 'data.courseId', 'data.sessionId', 'data.completedOn', 'data.expiresOn'];

/**
 * Records that a person passed a course, signed by the one recording it (HR or a trainer). The last
 * valid day follows from the course's validity — shown before saving, and checked again by the kind
 * on the host and the sync server, so no PC can extend a certificate. Once saved, the certificate is
 * attached to the training record right here.
 */
export function CompletionDialog({ courses, signerId, onClose }: { courses: readonly CourseRow[]; signerId: string; onClose: () => void }) {
  const create = useCommand('records/create');
  const [personId, setPersonId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [completedOn, setCompletedOn] = useState('');
  const [savedId, setSavedId] = useState('');
  const course = courses.find((c) => c.id === courseId);
  const expiresOn = course && completedOn ? expiryOf(completedOn, course.validityMonths) : '';
  const fieldError = (field: string) => (create.error?.field === field ? create.error.message : undefined);
  const general = create.error && !formFields.includes(create.error.field ?? '') ? errorText(create.error) : undefined;
  const save = async () => {
    const result = await create.run({ kind: 'training_completion', data: { personId, courseId, sessionId, completedOn, expiresOn, signedById: signerId } });
    if (result.ok) setSavedId(result.value.id);
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="completion-dialog-title">
      <DialogTitle id="completion-dialog-title">Record a completed training</DialogTitle>
      <DialogContent>
        {savedId ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="success" data-testid="completion-saved">Recorded{expiresOn ? `, valid until ${formatDay(expiresOn)}` : ', valid without end'}. Attach the certificate:</Alert>
            <AttachmentsPanel subjectType="records" subjectId={savedId} />
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <PersonPicker label="Person" value={personId} onChange={setPersonId} error={fieldError('data.personId')} />
            <TextField select label="Course" value={courseId} onChange={(e) => { setCourseId(e.target.value); setSessionId(''); }} error={Boolean(fieldError('data.courseId'))} helperText={fieldError('data.courseId')}>
              {courses.filter((c) => c.status !== 'retired').map((c) => <MenuItem key={c.id} value={c.id}>{c.title}</MenuItem>)}
            </TextField>
            {course && course.sessions.length > 0 && (
              <TextField select label="Session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
                <MenuItem value="">No session (trained elsewhere)</MenuItem>
                {course.sessions.map((s) => <MenuItem key={s.id} value={s.id}>{formatDay(s.date)}{s.place ? `, ${s.place}` : ''}</MenuItem>)}
              </TextField>
            )}
            <DateField label="Completed on" value={completedOn} onChange={setCompletedOn} error={Boolean(fieldError('data.completedOn'))} helperText={fieldError('data.completedOn')} />
            {course && completedOn && (
              <Typography variant="body2" data-testid="completion-expiry">{expiresOn ? `Valid until ${formatDay(expiresOn)} (${course.validityMonths} months).` : 'This course never expires.'}</Typography>
            )}
            {(general ?? fieldError('data.expiresOn')) && <Alert severity="error">{general ?? fieldError('data.expiresOn')}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {savedId ? (
          <Button variant="contained" onClick={onClose}>Done</Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" onClick={() => void save()} disabled={create.isRunning}>Save training record</Button>
          </>
        )}
      </DialogActions>
    </FormDialog>
  );
}
