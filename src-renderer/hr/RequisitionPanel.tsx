import PersonAddIcon from '@mui/icons-material/PersonAddAlt1';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { CandidateCard, RequisitionRow, ScorecardRow } from '../../src-shared/hr/hiring-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { ConfirmFirstStep } from '../finance/ConfirmFirstStep';
import { useRecordNav } from '../records/record-routes';
import { newCommandId } from '../workflows/command-id';
import { AddCandidateDialog } from './AddCandidateDialog';
import { CandidateBoard } from './CandidateBoard';
import { CandidatePanel } from './CandidatePanel';

/** Where a requisition stands, in words for its draft, its approval and its end. */
function ApprovalState({ requisition, personName }: { requisition: RequisitionRow; personName: string }) {
  const start = useCommand('workflows/instances/start');
  const work = useLiveQuery('workflows/my-work', {});
  const [hasStarted, setStarted] = useState(false);
  const { status } = requisition;
  if (status === 'draft' && !requisition.hasApproval && !hasStarted) {
    const submit = async () => {
      const started = await start.run({ commandId: newCommandId(), code: 'HIRING', entityType: 'job_requisition', entityId: requisition.id });
      if (started.ok) setStarted(true);
    };
    return (
      <Stack spacing={1}>
        <Alert severity="info" action={<Button color="inherit" startIcon={<SendIcon />} disabled={start.isRunning} onClick={() => void submit()}>Submit for approval</Button>}>
          This requisition is a draft. Submit it to have HR approve the post and its job description.
        </Alert>
        {start.error && <Alert severity="error" onClose={start.clearError}>{errorText(start.error)}</Alert>}
      </Stack>
    );
  }
  if (status === 'draft') {
    const isMine = work.data?.some((w) => w.entityId === requisition.id && w.actions.includes('complete'));
    return isMine
      ? <ConfirmFirstStep recordId={requisition.id} text={`Requisition ${requisition.number} is ready. Confirm it to send it to HR for approval.`} testId="requisition-confirm" personName={personName} />
      : <Alert severity="info">Waiting for {requisition.hiringManagerName} to submit it from their My work.</Alert>;
  }
  if (status === 'submitted') return <Alert severity="info" data-testid="requisition-state">Waiting for HR to approve the post and its job description.</Alert>;
  if (status === 'rejected') return <Alert severity="warning" data-testid="requisition-state">HR did not approve this requisition; its approval history is on the requisition’s page.</Alert>;
  if (status === 'cancelled' || status === 'filled') return <Alert severity="info" data-testid="requisition-state">This requisition is {status === 'filled' ? 'filled' : 'cancelled'}; its candidates are kept below.</Alert>;
  return null;
}

/** One requisition: its approval while it is a draft or submitted, then its candidates on the board. */
export function RequisitionPanel({ requisition, candidates, scorecards, personName }: { requisition: RequisitionRow; candidates: CandidateCard[]; scorecards: ScorecardRow[]; personName: string }) {
  const nav = useRecordNav();
  const [isAdding, setAdding] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = candidates.find((c) => c.id === chosenId);
  const takesCandidates = requisition.status === 'open';
  const showsBoard = takesCandidates || candidates.length > 0;
  return (
    <Paper variant="outlined" component="section" aria-label={`Requisition ${requisition.jobTitle}`} sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Stack>
            <Typography variant="h6" component="h3">{requisition.jobTitle}</Typography>
            <Typography variant="body2" color="text.secondary">
              {requisition.number} · hiring manager {requisition.hiringManagerName} · <Link component="button" variant="body2" onClick={() => nav.openRecord(requisition.id)}>open the requisition</Link>
            </Typography>
          </Stack>
          {takesCandidates && <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)}>Add candidate</Button>}
        </Stack>
        <ApprovalState requisition={requisition} personName={personName} />
        {showsBoard && <CandidateBoard candidates={candidates} chosenId={chosenId} onChoose={setChosenId} />}
        {chosen && <CandidatePanel candidate={chosen} scorecards={scorecards.filter((s) => s.candidateId === chosen.id)} />}
      </Stack>
      <AddCandidateDialog requisition={requisition} isOpen={isAdding} onClose={() => setAdding(false)} onAdded={(id) => { setAdding(false); setChosenId(id); }} />
    </Paper>
  );
}
