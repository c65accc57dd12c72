import CancelIcon from '@mui/icons-material/Cancel';
import GavelIcon from '@mui/icons-material/Gavel';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Box, Button, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../src-shared/auth/auth-contract';
import type { AvailableActionView, InstanceDetailView } from '../../src-shared/workflows/workflow-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { newCommandId } from './command-id';
import { ConfirmDialog } from './ConfirmDialog';
import { ReassignDialog } from './ReassignDialog';
import { StepActionDialogs, type PendingAction } from './StepActionDialogs';
import { aboutText, actionLabel } from './workflow-labels';

/**
 * What the signed-in person may do on this instance, as the host says: act on their steps (signing
 * decisions), cancel, reassign, comment. Incidents are resolved where they are listed (OpenIncidents).
 */
export function InstanceActions({ detail, session }: { detail: InstanceDetailView; session: SessionView }) {
  const cancel = useCommand('workflows/instances/cancel');
  const reassign = useCommand('workflows/instances/reassign');
  const comment = useCommand('workflows/instances/comment');
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [isCancelling, setCancelling] = useState(false);
  const [isReassigning, setReassigning] = useState(false);
  const [text, setText] = useState('');
  const { instance } = detail;
  const id = instance.id;
  const subject = `${instance.workflowName} for ${aboutText(instance)}`;
  const hasAnything = detail.availableActions.length > 0 || detail.canCancel || detail.canReassign || detail.canComment;
  const open = (step: AvailableActionView, action: string) =>
    setPending({ instanceId: id, token: step.token, stepId: step.stepId, stepName: step.stepName, action, isSigned: step.signatureActions.includes(action), form: step.form, subject });
  const sendComment = async (event: FormEvent) => {
    event.preventDefault();
    const result = await comment.run({ commandId: newCommandId(), instanceId: id, comments: text });
    if (result.ok) setText('');
  };
  if (!hasAnything) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label="Your actions" component="section">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>Your actions</Typography>
      <Stack spacing={1.5}>
        {detail.availableActions.map((step) => (
          <Box key={step.token} data-testid="available-actions">
            <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>{step.stepName}</Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {step.actions.map((action) => {
                const isSigned = step.signatureActions.includes(action);
                return (
                  <Button key={action} variant={action === 'reject' ? 'outlined' : 'contained'} color={action === 'reject' ? 'error' : action === 'approve' ? 'success' : 'primary'}
                    startIcon={isSigned ? <GavelIcon /> : undefined} onClick={() => open(step, action)}>
                    {actionLabel(action)}{isSigned ? '…' : ''}
                  </Button>
                );
              })}
            </Stack>
          </Box>
        ))}
        {detail.availableActions.length === 0 && (instance.status === 'running' || instance.status === 'incident') && (
          <Typography variant="body2" color="text.secondary">No step here waits for you.</Typography>
        )}
        {(detail.canCancel || detail.canReassign) && (
          <Stack direction="row" spacing={1}>
            {detail.canReassign && <Button size="small" startIcon={<SwapHorizIcon />} onClick={() => { reassign.clearError(); setReassigning(true); }}>Reassign</Button>}
            {detail.canCancel && <Button size="small" color="error" startIcon={<CancelIcon />} onClick={() => { cancel.clearError(); setCancelling(true); }}>Cancel workflow</Button>}
          </Stack>
        )}
        {detail.canComment && (
          <>
            <Divider />
            <Stack component="form" direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} onSubmit={sendComment} aria-label="Add a comment">
              <TextField size="small" fullWidth label="Comment" value={text} onChange={(e) => setText(e.target.value)} placeholder="Visible to everyone on this workflow"
                error={Boolean(comment.error)} helperText={comment.error ? (fieldError(comment.error, 'comments') ?? errorText(comment.error)) : undefined} />
              <Button type="submit" variant="outlined" disabled={comment.isRunning || !text.trim()}>Comment</Button>
            </Stack>
          </>
        )}
      </Stack>

      <StepActionDialogs pending={pending} signerName={session.person.name} onDone={() => setPending(null)} />
      <ConfirmDialog
        isOpen={isCancelling}
        title="Cancel this workflow?"
        text={`${subject} stops where it is. Nobody can act on it afterwards; its history stays.`}
        confirmLabel="Cancel workflow"
        isDanger
        reasonLabel="Reason"
        isRunning={cancel.isRunning}
        error={cancel.error ? errorText(cancel.error) : undefined}
        onCancel={() => setCancelling(false)}
        onConfirm={async (reason) => {
          const result = await cancel.run({ commandId: newCommandId(), instanceId: id, ...(reason ? { reason } : {}) });
          if (result.ok) setCancelling(false);
        }}
      />
      <ReassignDialog
        isOpen={isReassigning}
        steps={instance.activeSteps}
        isRunning={reassign.isRunning}
        error={reassign.error}
        onCancel={() => setReassigning(false)}
        onSubmit={async (values) => {
          const result = await reassign.run({ commandId: newCommandId(), instanceId: id, stepId: values.stepId, to: values.to, ...(values.reason ? { reason: values.reason } : {}) });
          if (result.ok) setReassigning(false);
        }}
      />
    </Paper>
  );
}
