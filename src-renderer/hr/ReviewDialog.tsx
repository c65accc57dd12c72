import { Alert, Button, Chip, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import type { ReviewRow } from '../../src-shared/hr/review-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';
import { ESignatureDialog } from '../signatures/ESignatureDialog';
import { ReviewMeeting } from './ReviewMeeting';
import { nextStep, reviewEditing } from './review-editing';

type Rating = number | null;

function RatingField({ label, value, onChange, disabled }: { label: string; value: Rating; onChange: (v: Rating) => void; disabled: boolean }) {
  return (
    <TextField select size="small" label={label} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} sx={{ minWidth: 110 }}>
      <MenuItem value="">Not rated</MenuItem>
      {[1, 2, 3, 4, 5].map((n) => <MenuItem key={n} value={n}>{n}</MenuItem>)}
    </TextField>
  );
}

/**
 * One review as the person, their manager or HR sees it: goals with weights, ratings and progress,
 * competencies, comments; the stage's next step, the review meeting, and the e-signatures.
 */
export function ReviewDialog({ review, onClose }: { review: ReviewRow; onClose: () => void }) {
  const update = useCommand('records/update');
  const transition = useCommand('records/transition');
  const sign = useCommand('hr/reviews/sign');
  const [goals, setGoals] = useState(review.goals);
  const [competencies, setCompetencies] = useState(review.competencies);
  const [selfComments, setSelfComments] = useState(review.selfComments);
  const [managerComments, setManagerComments] = useState(review.managerComments);
  const [isSigning, setSigning] = useState(false);
  const can = reviewEditing(review);
  const canSave = Object.values(can).some(Boolean);
  const step = nextStep(review);
  const hasSigned = review.role === 'self' ? review.isEmployeeSigned : review.isManagerSigned;
  const canSign = review.status === 'sign_off' && review.role !== 'hr' && !hasSigned;
  const save = () =>
    update.run({
      id: review.id,
      data: { goals, competencies, ...(can.selfComments ? { selfComments } : {}), ...(can.managerComments ? { managerComments } : {}) },
    });
  const move = async () => {
    if (canSave && !(await save()).ok) return;
    if (step && (await transition.run({ id: review.id, to: step.to })).ok) onClose();
  };
  const refusal = update.error ?? transition.error;
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="review-dialog-title">
      <DialogTitle id="review-dialog-title">Review {review.cycle}: {review.personName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip label={review.statusLabel} color={review.status === 'signed' ? 'success' : 'info'} size="small" />
            <Typography color="text.secondary">Due {formatDay(review.dueDate)}{review.score !== null ? ` · weighted goal score ${review.score} of 5` : ''}</Typography>
          </Stack>
          <Typography variant="subtitle1" component="h3">Goals</Typography>
          <Table size="small" aria-label="Goals">
            <TableHead><TableRow><TableCell>Goal</TableCell><TableCell>Weight</TableCell><TableCell>Progress through the year</TableCell><TableCell>Self</TableCell><TableCell>Manager</TableCell></TableRow></TableHead>
            <TableBody>
              {goals.map((g, i) => {
                const set = (change: Partial<typeof g>) => setGoals(goals.map((x, j) => (j === i ? { ...x, ...change } : x)));
                return (
                  <TableRow key={i} data-testid="review-goal">
                    <TableCell>{g.title}</TableCell>
                    <TableCell>{g.weight}%</TableCell>
                    <TableCell><TextField size="small" fullWidth label="Progress" value={g.progressNote} disabled={!can.progress} onChange={(e) => set({ progressNote: e.target.value })} /></TableCell>
                    <TableCell><RatingField label="Self" value={g.selfRating} disabled={!can.selfRatings} onChange={(v) => set({ selfRating: v })} /></TableCell>
                    <TableCell><RatingField label="Manager" value={g.managerRating} disabled={!can.managerRatings} onChange={(v) => set({ managerRating: v })} /></TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {competencies.length > 0 && (
            <Table size="small" aria-label="Competencies">
              <TableHead><TableRow><TableCell>Competency</TableCell><TableCell>Self</TableCell><TableCell>Manager</TableCell></TableRow></TableHead>
              <TableBody>
                {competencies.map((c, i) => {
                  const set = (change: Partial<typeof c>) => setCompetencies(competencies.map((x, j) => (j === i ? { ...x, ...change } : x)));
                  return (
                    <TableRow key={i}>
                      <TableCell>{c.name}</TableCell>
                      <TableCell><RatingField label="Self" value={c.selfRating} disabled={!can.selfRatings} onChange={(v) => set({ selfRating: v })} /></TableCell>
                      <TableCell><RatingField label="Manager" value={c.managerRating} disabled={!can.managerRatings} onChange={(v) => set({ managerRating: v })} /></TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <TextField label="Self review" value={selfComments} onChange={(e) => setSelfComments(e.target.value)} multiline minRows={2} disabled={!can.selfComments} />
          <TextField label="Manager's review" value={managerComments} onChange={(e) => setManagerComments(e.target.value)} multiline minRows={2} disabled={!can.managerComments} />
          {(review.status === 'meeting' || review.meetingId) && <ReviewMeeting review={review} />}
          <Typography data-testid="review-signatures">
            Signed by the person: {review.isEmployeeSigned ? 'yes' : 'not yet'} · by the manager: {review.isManagerSigned ? 'yes' : 'not yet'}
          </Typography>
          {refusal && <Alert severity="error" data-testid="review-refusal">{errorText(refusal)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        {canSave && <Button onClick={() => void save()} disabled={update.isRunning}>Save</Button>}
        {step && <Button variant="contained" onClick={() => void move()} disabled={update.isRunning || transition.isRunning}>{step.label}</Button>}
        {canSign && <Button variant="contained" onClick={() => setSigning(true)}>Sign…</Button>}
      </DialogActions>
      {isSigning && (
        <ESignatureDialog
          title={`Sign: review ${review.cycle} of ${review.personName}`}
          subject={`Performance review ${review.cycle}: ${review.personName}`}
          meanings={[{ value: 'signed', label: 'Signed', statement: review.role === 'self' ? 'I have discussed this review with my manager.' : 'I have discussed this review with the person and stand by my ratings.' }]}
          initialMeaning="signed"
          signLabel="Sign"
          isRunning={sign.isRunning}
          error={sign.error}
          onCancel={() => setSigning(false)}
          onSign={async ({ password }) => {
            if ((await sign.run({ id: review.id, password })).ok) {
              setSigning(false);
              onClose();
            }
          }}
        />
      )}
    </FormDialog>
  );
}
