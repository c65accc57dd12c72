import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { CandidateCard, ScorecardRow } from '../../src-shared/hr/hiring-views';

/** A candidate's interview scorecards (each interviewer's mean and recommendation) and their average. */
export function CandidateScorecards({ candidate, scorecards }: { candidate: CandidateCard; scorecards: ScorecardRow[] }) {
  if (scorecards.length === 0) return <Typography variant="body2" color="text.secondary">No interviews scheduled yet.</Typography>;
  const { average, submitted } = candidate.scorecards;
  return (
    <>
      <Typography variant="body2" data-testid="scorecard-average">
        {average === null ? 'No scorecard submitted yet.' : `Average ${average} of 5 from ${submitted === 1 ? '1 scorecard' : `${submitted} scorecards`}.`}
      </Typography>
      <Table size="small" aria-label="Interview scorecards">
        <TableHead>
          <TableRow><TableCell>Interviewer</TableCell><TableCell>Scores</TableCell><TableCell>Mean</TableCell><TableCell>Recommendation</TableCell><TableCell>Summary</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {scorecards.map((s) => (
            <TableRow key={s.id} data-testid="scorecard-row">
              <TableCell>{s.interviewerName}</TableCell>
              <TableCell>{s.status === 'submitted' ? s.scores.map((c) => `${c.criterion} ${c.score}`).join(' · ') : <Chip size="small" label="Not submitted yet" />}</TableCell>
              <TableCell>{s.status === 'submitted' && s.mean !== null ? s.mean : '–'}</TableCell>
              <TableCell>{s.status === 'submitted' ? s.recommendationLabel : '–'}</TableCell>
              <TableCell>{s.status === 'submitted' ? s.summary : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
