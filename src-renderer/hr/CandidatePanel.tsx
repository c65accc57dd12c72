import { Link, Paper, Stack, Typography } from '@mui/material';
import type { CandidateCard } from '../../src-shared/hr/hiring-views';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { useRecordNav } from '../records/record-routes';

/** The chosen candidate under the board: who they are, where they stand, and their CV (attachments). */
export function CandidatePanel({ candidate }: { candidate: CandidateCard }) {
  const nav = useRecordNav();
  return (
    <Paper variant="outlined" component="section" aria-label={`Candidate ${candidate.name}`} sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack>
          <Typography variant="subtitle1" component="h4">{candidate.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {candidate.number} · {candidate.stageLabel} · {candidate.sourceLabel}{candidate.email ? ` · ${candidate.email}` : ''} · <Link component="button" variant="body2" onClick={() => nav.openRecord(candidate.id)}>open the candidate</Link>
          </Typography>
          {candidate.stage === 'rejected' && <Typography variant="body2">Rejected: {candidate.rejectionReason}</Typography>}
        </Stack>
        <Typography variant="subtitle2" component="h5">CV and documents</Typography>
        <AttachmentsPanel subjectType="records" subjectId={candidate.id} />
      </Stack>
    </Paper>
  );
}
