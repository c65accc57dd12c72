import { Alert, Button, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import type { ScorecardRow } from '../../src-shared/hr/hiring-views';
import { recommendations } from '../../src-shared/hr/interview-scorecard-kind';
import { interviewCriteria, scorecardGaps } from '../../src-shared/hr/interviews';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/**
 * The interviewer's own scorecard: a score of 1 (poor) to 5 (excellent) per criterion, a
 * recommendation and a summary. Saved as a draft, or submitted once everything is scored — then
 * nobody changes it. Only its interviewer may (the kind's rule, on the host and the sync server).
 */
export function ScorecardForm({ scorecard, onClose }: { scorecard: ScorecardRow; onClose: () => void }) {
  const update = useCommand('records/update');
  const transition = useCommand('records/transition');
  const [scores, setScores] = useState<Record<string, number>>(Object.fromEntries(scorecard.scores.map((s) => [s.criterion, s.score])));
  const [recommendation, setRecommendation] = useState(scorecard.recommendation);
  const [summary, setSummary] = useState(scorecard.summary);
  const data = { scores: interviewCriteria.filter((c) => scores[c]).map((criterion) => ({ criterion, score: scores[criterion] ?? 0, comment: '' })), recommendation, summary };
  const gaps = scorecardGaps(data);
  const error = update.error ?? transition.error;
  const labelId = useId();

  const save = async (andSubmit: boolean) => {
    const saved = await update.run({ id: scorecard.id, data });
    if (!saved.ok) return;
    if (andSubmit && !(await transition.run({ id: scorecard.id, to: 'submitted' })).ok) return;
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={`Scorecard for ${scorecard.candidateName}`}>
        <DialogTitle>Scorecard for {scorecard.candidateName}</DialogTitle>
        <DialogContent>
          <Stack spacing={1.5} sx={{ pt: 1 }}>
            {interviewCriteria.map((criterion, index) => (
              <Stack key={criterion} direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <FormLabel id={`${labelId}-${index}`}>{criterion}</FormLabel>
                <RadioGroup row aria-labelledby={`${labelId}-${index}`} value={scores[criterion] ?? ''} onChange={(e) => setScores((s) => ({ ...s, [criterion]: Number(e.target.value) }))}>
                  {[1, 2, 3, 4, 5].map((n) => <FormControlLabel key={n} value={n} control={<Radio size="small" />} label={String(n)} />)}
                </RadioGroup>
              </Stack>
            ))}
            <FormLabel id={`${labelId}-recommendation`}>Recommendation</FormLabel>
            <RadioGroup row aria-labelledby={`${labelId}-recommendation`} value={recommendation} onChange={(e) => setRecommendation(e.target.value)}>
              {recommendations.map((r) => <FormControlLabel key={r.value} value={r.value} control={<Radio size="small" />} label={r.label} />)}
            </RadioGroup>
            <TextField label="Summary" value={summary} onChange={(e) => setSummary(e.target.value)} multiline minRows={2} />
            {gaps.length > 0 && <Alert severity="info">Scores run from 1 (poor) to 5 (excellent). Still open: {gaps.join(', ')}.</Alert>}
            {error && <Alert severity="error">{errorText(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save(false)} disabled={update.isRunning}>Save draft</Button>
          <Button type="submit" variant="contained" disabled={gaps.length > 0 || update.isRunning || transition.isRunning}>Submit scorecard</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
