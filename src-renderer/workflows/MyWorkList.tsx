import GavelIcon from '@mui/icons-material/Gavel';
import InboxIcon from '@mui/icons-material/Inbox';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Alert, Button, Chip, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { MyWorkItemView } from '../../src-shared/workflows/workflow-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { LocalTime } from './LocalTime';
import { SlaChip } from './SlaChip';
import { pendingFromWork, StepActionDialogs, type PendingAction } from './StepActionDialogs';
import { useWorkflowNav } from './use-workflow-nav';
import { aboutText, actionLabel, stepTypeLabel } from './workflow-labels';
import { recordKindLabel } from '../../src-shared/records/record-labels';

/**
 * The steps waiting for the signed-in person, by name or through a role, most urgent first. Each
 * is acted on here (its form, and a signature where one is needed) or opened for its history.
 */
export function MyWorkList({ signerName }: { signerName: string }) {
  const work = useLiveQuery('workflows/my-work', {});
  const nav = useWorkflowNav();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const act = (w: MyWorkItemView, action: string) => setPending(pendingFromWork(w, action));
  const list = work.data ?? [];
  const overdue = list.filter((w) => w.isOverdue).length;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>My work</Typography>
        {list.length > 0 && <Chip label={`${list.length} waiting`} />}
        {overdue > 0 && <Chip color="error" icon={<WarningAmberIcon />} label={`${overdue} overdue`} />}
      </Stack>
      {work.isLoading && <LinearProgress aria-label="Loading my work" />}
      {work.error && <Alert severity="error">{errorText(work.error)}</Alert>}
      {!work.isLoading && !work.error && list.length === 0 && (
        <EmptySection icon={<InboxIcon />} title="Nothing waiting for you"
          text="Workflow steps assigned to you or to one of your roles — requests to complete, approvals to sign — appear here with their due dates." />
      )}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="My work">
            <TableHead>
              <TableRow>
                <TableCell>Step</TableCell><TableCell>Workflow</TableCell><TableCell>Requested by</TableCell>
                <TableCell>Waiting since</TableCell><TableCell>Due</TableCell><TableCell>SLA</TableCell><TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((w) => (
                <TableRow key={w.token} hover data-testid="my-work-row" sx={{ cursor: 'pointer', ...(w.isOverdue ? { bgcolor: (t) => `${t.palette.error.main}0d` } : {}) }}
                  onClick={() => nav.openInstance(w.instanceId)}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>{w.stepName}</Typography>
                    <Typography variant="caption" color="text.secondary" title={w.actions.map(actionLabel).join(' / ')}>
                      {stepTypeLabel[w.stepType]} · {w.assignedVia === 'user' ? 'assigned to you' : 'your role'}
                    </Typography>
                  </TableCell>
                  {/* The record's number and title read on one or two lines, not one word a line. */}
                  <TableCell sx={{ minWidth: 200 }}>
                    <Typography variant="body2">{w.workflowName}</Typography>
                    {w.record ? (
                      <Typography variant="caption" color="text.secondary" component="div" data-testid="my-work-record">
                        {aboutText(w)} · {w.record.statusLabel}
                      </Typography>
                    ) : (
                      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{recordKindLabel(w.entityType)} {w.entityId}</Typography>
                    )}
                  </TableCell>
                  <TableCell>{w.requestedBy.name}</TableCell>
                  <TableCell><LocalTime iso={w.enteredAt} /></TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                      {w.isOverdue && <WarningAmberIcon color="error" fontSize="small" aria-label="Overdue" />}
                      <LocalTime iso={w.dueAt} />
                    </Stack>
                  </TableCell>
                  <TableCell><SlaChip state={w.slaState} /></TableCell>
                  <TableCell align="right" onClick={(e) => e.stopPropagation()}>
                    {/* Approve, Reject and Open wrap onto a second line rather than run off a narrow window. */}
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ justifyContent: 'flex-end', flexWrap: 'wrap', minWidth: 150 }}>
                      {w.actions.map((action) => {
                        const isSigned = w.signatureActions.includes(action);
                        return (
                          <Button key={action} size="small" sx={{ whiteSpace: 'nowrap' }} variant={action === 'reject' ? 'outlined' : 'contained'}
                            color={action === 'reject' ? 'error' : action === 'approve' ? 'success' : 'primary'} startIcon={isSigned ? <GavelIcon /> : undefined}
                            onClick={() => act(w, action)} aria-label={`${actionLabel(action)} ${w.stepName}`}>
                            {actionLabel(action)}{isSigned ? '…' : ''}
                          </Button>
                        );
                      })}
                      <Button size="small" onClick={() => nav.openInstance(w.instanceId)}>Open</Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <StepActionDialogs pending={pending} signerName={signerName} onDone={() => setPending(null)} />
    </Stack>
  );
}
