import { Box, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import type { ActiveStepView } from '../../src-shared/workflows/workflow-contract';
import { LocalTime } from './LocalTime';
import { SlaChip } from './SlaChip';
import { useRoleNames } from './use-role-names';
import { stepTypeLabel } from './workflow-labels';

/**
 * The steps the instance waits in: who may act, since when, until when, and an approval's votes so
 * far. A step an incident stopped (`stoppedTokens`) says so instead of who it waits for.
 */
export function ActiveSteps({ steps, stoppedTokens = [] }: { steps: ActiveStepView[]; stoppedTokens?: readonly string[] }) {
  const roleName = useRoleNames();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Current steps">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>Current steps</Typography>
      <Stack spacing={1.5}>
        {steps.map((s) => (
          <Box key={s.token} data-testid="active-step" sx={{ p: 1.5, borderRadius: 1, border: 1, borderColor: s.isBreached ? 'error.main' : 'divider' }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body1" sx={{ fontWeight: 600, flexGrow: 1 }}>{s.stepName}</Typography>
              <Chip size="small" variant="outlined" label={stepTypeLabel[s.stepType]} />
              <SlaChip state={s.slaState} />
            </Stack>
            {stoppedTokens.includes(s.token) ? (
              <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>Stopped by an incident: waits for an administrator</Typography>
            ) : <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', mt: 1, alignItems: 'center' }}>
              <Typography variant="body2" color="text.secondary" sx={{ mr: 0.5 }}>Waiting for</Typography>
              {s.assignees.users.map((u) => <Chip key={u.id} size="small" label={u.name} />)}
              {s.assignees.roles.map((r) => <Chip key={r} size="small" variant="outlined" label={roleName(r)} />)}
              {s.assignees.users.length + s.assignees.roles.length === 0 && <Typography variant="body2">nobody (automatic)</Typography>}
            </Stack>}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              Since <LocalTime iso={s.enteredAt} />
              {s.dueAt && <> · due <LocalTime iso={s.dueAt} /></>}
              {s.wakeAt && <> · wakes <LocalTime iso={s.wakeAt} /></>}
              {s.movesOn && <> · moves on to {s.movesOn.toStepName} at <LocalTime iso={s.movesOn.at} /> if nobody acts</>}
              {s.isWaitingAtJoin && ' · waiting for the other branches'}
            </Typography>
            {s.approval && (
              <Box sx={{ mt: 1 }}>
                <Typography variant="caption" color="text.secondary">
                  {s.approval.levelCount > 1 ? `Level ${s.approval.level + 1} of ${s.approval.levelCount}${s.approval.levelName ? ` (${s.approval.levelName})` : ''} · ` : ''}
                  {s.approval.approvals} of {s.approval.required} approvals{s.approval.rejections ? ` · ${s.approval.rejections} rejected` : ''}
                </Typography>
                <LinearProgress variant="determinate" value={Math.min(100, (s.approval.approvals / Math.max(1, s.approval.required)) * 100)} sx={{ mt: 0.5, height: 6, borderRadius: 3 }} />
              </Box>
            )}
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}
