import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import { jobRequisitionKind } from '../../src-shared/hr/job-requisition-kind';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { CreateRecordDialog } from '../records/CreateRecordDialog';
import { StatusChip } from '../records/StatusChip';
import { MyScorecards } from './MyScorecards';
import { RequisitionPanel } from './RequisitionPanel';

/**
 * Hiring: the job requisitions the signed-in person may read (HR: all; a hiring manager: theirs),
 * a new one filed with the requisition's own form, and the chosen requisition's approval and
 * candidate board below the list. An interviewer sees the scorecards they are to fill in first.
 */
export function HiringTab({ personId, personName }: { personId: string; personName: string }) {
  const view = useLiveQuery('hr/hiring', {});
  const [isCreating, setCreating] = useState(false);
  const [chosenId, setChosenId] = useState<string | null>(null);
  if (view.error) return <Alert severity="error">{errorText(view.error)}</Alert>;
  if (!view.data) return <Typography color="text.secondary">Loading requisitions…</Typography>;
  const { requisitions, candidates, scorecards } = view.data;
  const mine = scorecards.filter((s) => s.interviewerId === personId);
  const chosen = requisitions.find((r) => r.id === chosenId) ?? (requisitions.length === 1 ? requisitions[0] : undefined);
  const open = (r: (typeof requisitions)[number]) => Object.entries(r.candidatesAt).filter(([stage]) => stage !== 'hired' && stage !== 'rejected').reduce((n, [, count]) => n + count, 0);
  return (
    <Stack spacing={2}>
      {mine.length > 0 && <MyScorecards scorecards={mine} />}
      <Paper variant="outlined" component="section" aria-label="Job requisitions">
        <Stack direction="row" sx={{ p: 2, pb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h6" component="h3">Job requisitions</Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>New requisition</Button>
        </Stack>
        {requisitions.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2, pt: 0 }}>No requisitions you can see yet. A hiring manager or HR files one for each new post.</Typography>
        ) : (
          <Table size="small" aria-label="Requisitions">
            <TableHead>
              <TableRow><TableCell>Number</TableCell><TableCell>Job title</TableCell><TableCell>Hiring manager</TableCell><TableCell>Posts</TableCell><TableCell>Wanted start</TableCell><TableCell>Candidates in progress</TableCell><TableCell>Status</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {requisitions.map((r) => (
                <TableRow key={r.id} hover selected={r.id === chosen?.id} sx={{ cursor: 'pointer' }} onClick={() => setChosenId(r.id)} data-testid="requisition-row">
                  <TableCell>{r.number}</TableCell>
                  <TableCell>{r.jobTitle}</TableCell>
                  <TableCell>{r.hiringManagerName}</TableCell>
                  <TableCell>{r.headcount}</TableCell>
                  <TableCell>{r.wantedStartDate ? formatDay(r.wantedStartDate) : 'Not set'}</TableCell>
                  <TableCell>{open(r)}</TableCell>
                  <TableCell><StatusChip kind={jobRequisitionKind} status={r.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      {chosen && <RequisitionPanel key={chosen.id} requisition={chosen} candidates={candidates.filter((c) => c.requisitionId === chosen.id)} scorecards={scorecards} personName={personName} />}
      <CreateRecordDialog kind={jobRequisitionKind} isOpen={isCreating} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); setChosenId(id); }} />
    </Stack>
  );
}
