import { Button, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { ScorecardRow } from '../../src-shared/hr/hiring-views';
import { ScorecardForm } from './ScorecardForm';

/** The signed-in interviewer's scorecards: the ones still to fill in, and those they submitted. */
export function MyScorecards({ scorecards }: { scorecards: ScorecardRow[] }) {
  const [editing, setEditing] = useState<ScorecardRow | null>(null);
  return (
    <Paper variant="outlined" component="section" aria-label="Your interview scorecards">
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 1 }}>Your interview scorecards</Typography>
      <Table size="small" aria-label="Your scorecards">
        <TableHead>
          <TableRow><TableCell>Candidate</TableCell><TableCell>Post</TableCell><TableCell>Mean</TableCell><TableCell>Recommendation</TableCell><TableCell /></TableRow>
        </TableHead>
        <TableBody>
          {scorecards.map((s) => (
            <TableRow key={s.id} data-testid="my-scorecard-row">
              <TableCell>{s.candidateName}</TableCell>
              <TableCell>{s.jobTitle}</TableCell>
              <TableCell>{s.mean ?? '–'}</TableCell>
              <TableCell>{s.recommendationLabel || '–'}</TableCell>
              <TableCell align="right">
                {s.status === 'draft' ? <Button size="small" variant="contained" onClick={() => setEditing(s)}>Fill in</Button> : <Chip size="small" color="success" label="Submitted" />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && <ScorecardForm scorecard={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
