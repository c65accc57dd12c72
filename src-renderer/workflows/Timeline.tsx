import GavelIcon from '@mui/icons-material/Gavel';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { TimelineEntryView } from '../../src-shared/workflows/workflow-contract';
import type { WorkflowEventType } from '../../src-shared/workflows/workflow-events';
import { LocalTime } from './LocalTime';
import type { VariableText } from './form-value-text';
import { actionLabel, meaningLabel } from './workflow-labels';

const dotColor: Partial<Record<WorkflowEventType, string>> = {
  instance_started: 'primary.main', vote_recorded: 'secondary.main', step_completed: 'success.main', instance_ended: 'text.primary',
  sla_breached: 'error.main', incident_raised: 'warning.main', escalation_triggered: 'warning.main', step_reassigned: 'info.main', comment_added: 'info.main',
};

/** The instance's history, oldest first: who did what, when, from which step to which, with comments, data and signatures. */
export function Timeline({ entries, definition, text }: { entries: TimelineEntryView[]; definition: WorkflowDefinition; text: VariableText }) {
  const stepName = (id: string) => definition.steps.find((s) => s.step_id === id)?.name ?? id;
  return (
    <Box component="ol" aria-label="Timeline" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {entries.map((e, index) => (
        <Box component="li" key={e.id} data-testid="timeline-entry" sx={{ display: 'flex', gap: 1.5 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
            <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: dotColor[e.type] ?? 'text.disabled', flexShrink: 0 }} />
            {index < entries.length - 1 && <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', my: 0.5 }} />}
          </Box>
          <Box sx={{ pb: 2, minWidth: 0, flexGrow: 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>{e.summary}</Typography>
              {e.action && <Chip size="small" variant="outlined" label={actionLabel(e.action)} color={e.action === 'reject' ? 'error' : e.action === 'approve' ? 'success' : 'default'} />}
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div">
              <LocalTime iso={e.at} /> · {e.actor.name}
              {e.stepName && e.toSteps && ` · ${e.stepName} → ${e.toSteps.length ? e.toSteps.map(stepName).join(', ') : 'end'}`}
            </Typography>
            {e.signature && (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5, px: 1, py: 0.5, border: 1, borderColor: 'divider', borderRadius: 1, width: 'fit-content' }} data-testid="timeline-signature">
                <GavelIcon fontSize="small" color="primary" />
                <Typography variant="body2">
                  Signed by <b>{e.signature.signerName}</b> — meaning: <b>{meaningLabel[e.signature.meaning]}</b> — <LocalTime iso={e.signature.signedAt} />
                </Typography>
              </Stack>
            )}
            {e.comments && (
              <Typography variant="body2" sx={{ mt: 0.5, pl: 1, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>{e.comments}</Typography>
            )}
            {e.dataChanges && Object.keys(e.dataChanges).length > 0 && (
              <Box component="dl" sx={{ m: 0, mt: 0.5, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, fontSize: 13 }}>
                {Object.entries(e.dataChanges).map(([key, change]) => (
                  <Box key={key} sx={{ display: 'contents' }}>
                    {text.labelOf(key) ? <Box component="dt" sx={{ color: 'text.secondary' }}>{text.labelOf(key)}</Box> : <Box component="dt" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>{key}</Box>}
                    <Box component="dd" sx={{ m: 0 }}>{text.textOf(key, change.from)} → <b>{text.textOf(key, change.to)}</b></Box>
                  </Box>
                ))}
              </Box>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
