import { Alert, Button, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useSignedInPerson } from '../records/use-people';
import { CompletionDialog } from './CompletionDialog';
import { CourseDialog } from './CourseDialog';
import { TrainingCourses } from './TrainingCourses';
import { TrainingMatrix } from './TrainingMatrix';

/** Who keeps training records: HR, trainers and QA managers (the training kinds' `trainers`). */
const trainerRoles = ['hr', 'trainer', 'qa_manager'];

/**
 * HR's Training tab: the training matrix (its own screen, filtered and exported), and the courses
 * with their sessions and enrolments. HR and trainers add courses, plan sessions, enrol people and
 * record completions with their certificate; everyone else reads what they may (their own row, a
 * manager their people's).
 */
export function TrainingPage() {
  const overview = useLiveQuery('hr/training', {});
  const me = useSignedInPerson();
  const canManage = me?.roles.some((r) => trainerRoles.includes(r)) ?? false;
  const [view, setView] = useState<'matrix' | 'courses'>('matrix');
  const [dialog, setDialog] = useState<'course' | 'completion' | null>(null);
  const data = overview.data;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Tabs value={view} onChange={(_e, v: 'matrix' | 'courses') => setView(v)} aria-label="Training views" sx={{ flexGrow: 1 }}>
          <Tab value="matrix" label="Training matrix" />
          <Tab value="courses" label="Courses and sessions" />
        </Tabs>
        {canManage && <Button variant="outlined" onClick={() => setDialog('course')}>New course</Button>}
        {canManage && <Button variant="contained" onClick={() => setDialog('completion')} disabled={!data || data.courses.length === 0}>Record a completion</Button>}
      </Stack>
      {overview.error && <Alert severity="error">{errorText(overview.error)}</Alert>}
      {!data ? (
        !overview.error && <Typography color="text.secondary">Loading training…</Typography>
      ) : view === 'matrix' ? (
        <TrainingMatrix matrix={data.matrix} today={data.today} />
      ) : (
        <TrainingCourses courses={data.courses} canManage={canManage} />
      )}
      {dialog === 'course' && data && <CourseDialog instruments={data.instruments} onClose={() => setDialog(null)} />}
      {dialog === 'completion' && data && me && <CompletionDialog courses={data.courses} signerId={me.id} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
