import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { ReviewRow } from '../../src-shared/hr/review-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { useSignedInPerson } from '../records/use-people';
import { errorText } from '../errors/error-text';
import { ReviewDialog } from './ReviewDialog';
import { StartCycleDialog } from './StartCycleDialog';

/** The reader's goals of their current review, with the progress they noted: tracked through the year. */
function MyGoals({ review }: { review: ReviewRow }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="My goals">
      <Typography variant="h6" component="h3">My goals {review.cycle}</Typography>
      {review.goals.length === 0 ? (
        <Typography color="text.secondary">No goals set for this cycle.</Typography>
      ) : (
        <Table size="small" aria-label="My goals">
          <TableBody>
            {review.goals.map((g, i) => (
              <TableRow key={i} data-testid="my-goal">
                <TableCell>{g.title}</TableCell>
                <TableCell>{g.weight}%</TableCell>
                <TableCell>{g.progressNote || 'No progress noted yet'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/**
 * HR's performance reviews: the reader's own goals, every review they may read (their own, their
 * people's, everyone's for HR), each opened to fill in, move on, meet and sign; HR starts cycles.
 */
export function Reviews() {
  const isHr = useSignedInPerson()?.roles.includes('hr') ?? false;
  const reviews = useLiveQuery('hr/reviews', {});
  const [openId, setOpenId] = useState<string | null>(null);
  const [isStarting, setStarting] = useState(false);
  const rows = reviews.data ?? [];
  const mine = rows.find((r) => r.role === 'self' && r.status !== 'cancelled');
  const open = rows.find((r) => r.id === openId);
  return (
    <Stack spacing={2}>
      {mine && <MyGoals review={mine} />}
      {isHr && <Stack direction="row"><Button variant="contained" onClick={() => setStarting(true)}>Start a review cycle</Button></Stack>}
      {reviews.error && <Alert severity="error">{errorText(reviews.error)}</Alert>}
      {!reviews.data ? (
        !reviews.error && <Typography color="text.secondary">Loading reviews…</Typography>
      ) : rows.length === 0 ? (
        <Typography color="text.secondary">No reviews you can see.</Typography>
      ) : (
        <Paper variant="outlined">
          <Table size="small" aria-label="Performance reviews">
            <TableHead><TableRow><TableCell>Person</TableCell><TableCell>Cycle</TableCell><TableCell>Due</TableCell><TableCell>Stage</TableCell><TableCell>Goal score</TableCell></TableRow></TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} hover sx={{ cursor: 'pointer' }} onClick={() => setOpenId(r.id)} data-testid="review-row">
                  <TableCell>{r.personName}{r.role === 'self' ? ' (you)' : ''}</TableCell>
                  <TableCell>{r.cycle}</TableCell>
                  <TableCell>{formatDay(r.dueDate)}</TableCell>
                  <TableCell><Chip size="small" label={r.statusLabel} color={r.status === 'signed' ? 'success' : r.status === 'cancelled' ? 'default' : 'info'} /></TableCell>
                  <TableCell>{r.score === null ? '—' : `${r.score} of 5`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {open && <ReviewDialog key={`${open.id}:${open.status}:${open.meetingId}`} review={open} onClose={() => setOpenId(null)} />}
      {isStarting && <StartCycleDialog onClose={() => setStarting(false)} />}
    </Stack>
  );
}
