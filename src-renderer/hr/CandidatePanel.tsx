import EventIcon from '@mui/icons-material/Event';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { CandidateCard, ScorecardRow } from '../../src-shared/hr/hiring-views';
import { PrintDocumentButton } from '../documents/PrintDocumentButton';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { useRecordNav } from '../records/record-routes';
import { useSignedInPerson } from '../records/use-people';
import { CandidateScorecards } from './CandidateScorecards';
import { HireDialog } from './HireDialog';
import { ScheduleInterviewDialog } from './ScheduleInterviewDialog';

/**
 * The chosen candidate under the board: who they are, where they stand, their interviews'
 * scorecards with the average, and their CV (attachments). At the interview stage, an interview
 * is scheduled from here; at the offer, HR hires them (HireDialog); the offer letter (with the terms set on the candidate's page) is printed
 * and kept with their files from here.
 */
export function CandidatePanel({ candidate, scorecards }: { candidate: CandidateCard; scorecards: ScorecardRow[] }) {
  const isHr = useSignedInPerson()?.roles.includes('hr') ?? false;
  const nav = useRecordNav();
  const [isScheduling, setScheduling] = useState(false);
  const [isHiring, setHiring] = useState(false);
  return (
    <Paper variant="outlined" component="section" aria-label={`Candidate ${candidate.name}`} sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Stack>
            <Typography variant="subtitle1" component="h4">{candidate.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {candidate.number} · {candidate.stageLabel} · {candidate.sourceLabel}{candidate.email ? ` · ${candidate.email}` : ''} · <Link component="button" variant="body2" onClick={() => nav.openRecord(candidate.id)}>open the candidate</Link>
            </Typography>
            {candidate.stage === 'rejected' && <Typography variant="body2">Rejected: {candidate.rejectionReason}</Typography>}
            {candidate.hiredPersonName && <Typography variant="body2">Hired: {candidate.hiredPersonName} is in the directory; onboarding is on the Onboarding tab.</Typography>}
          </Stack>
          <Stack direction="row" spacing={1}>
            {candidate.stage === 'offer' && isHr && <Button variant="contained" startIcon={<HowToRegIcon />} onClick={() => setHiring(true)}>Hire</Button>}
            {candidate.stage === 'interviews' && <Button variant="outlined" startIcon={<EventIcon />} onClick={() => setScheduling(true)}>Schedule an interview</Button>}
            <PrintDocumentButton subjectType="records" subjectId={candidate.id} />
          </Stack>
        </Stack>
        <Typography variant="subtitle2" component="h5">Interviews</Typography>
        <CandidateScorecards candidate={candidate} scorecards={scorecards} />
        <Typography variant="subtitle2" component="h5">CV and documents</Typography>
        <AttachmentsPanel subjectType="records" subjectId={candidate.id} />
      </Stack>
      <ScheduleInterviewDialog candidate={candidate} isOpen={isScheduling} onClose={() => setScheduling(false)} />
      <HireDialog candidate={candidate} isOpen={isHiring} onClose={() => setHiring(false)} />
    </Paper>
  );
}
