import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { CourseRow, SessionRow } from '../../src-shared/hr/training-views';
import { useRoleNames } from '../workflows/use-role-names';
import { SessionDialog } from './SessionDialog';

const validityText = (months: number) => (months > 0 ? `${months} months` : 'Never expires');

/** Courses with whom they are required of, and each course's sessions with who is enrolled. */
export function TrainingCourses({ courses, canManage }: { courses: readonly CourseRow[]; canManage: boolean }) {
  const roleName = useRoleNames();
  const [dialog, setDialog] = useState<{ course: CourseRow; session?: SessionRow } | null>(null);
  if (courses.length === 0) return <Typography color="text.secondary">No courses yet{canManage ? ': add the first one.' : '.'}</Typography>;
  return (
    <Stack spacing={2}>
      {courses.map((course) => (
        <Paper key={course.id} variant="outlined" sx={{ p: 2 }} data-testid="course-card">
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>{course.title}{course.programme ? ` · ${course.programme}` : ''}</Typography>
              {course.status === 'retired' && <Chip size="small" label={course.statusLabel} />}
              {canManage && course.status !== 'retired' && <Button size="small" onClick={() => setDialog({ course })}>Plan a session</Button>}
            </Stack>
            <Typography variant="body2" color="text.secondary">
              Valid: {validityText(course.validityMonths)} · Required for: {[...course.roles.map(roleName), ...course.instruments.map((i) => i.name)].join(', ') || 'nobody yet'}
              {course.methods.length > 0 ? ` · Methods: ${course.methods.join(', ')}` : ''}
            </Typography>
            {course.sessions.length > 0 && (
              <Table size="small" aria-label={`Sessions of ${course.title}`}>
                <TableHead><TableRow><TableCell>Date</TableCell><TableCell>Trainer</TableCell><TableCell>Place</TableCell><TableCell>Enrolled</TableCell><TableCell>Status</TableCell><TableCell /></TableRow></TableHead>
                <TableBody>
                  {course.sessions.map((s) => (
                    <TableRow key={s.id} data-testid="session-row">
                      <TableCell>{formatDay(s.date)}</TableCell>
                      <TableCell>{s.trainerName}</TableCell>
                      <TableCell>{s.place || '—'}</TableCell>
                      <TableCell>{s.enrolled.length}/{s.capacity}{s.enrolled.length > 0 ? `: ${s.enrolled.map((p) => p.name).join(', ')}` : ''}</TableCell>
                      <TableCell>{s.statusLabel}</TableCell>
                      <TableCell padding="none">{canManage && s.status === 'planned' && <Button size="small" onClick={() => setDialog({ course, session: s })}>Enrol</Button>}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Stack>
        </Paper>
      ))}
      {dialog && <SessionDialog courseId={dialog.course.id} courseTitle={dialog.course.title} {...(dialog.session ? { session: dialog.session } : {})} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
