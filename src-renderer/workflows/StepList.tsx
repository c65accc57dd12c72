import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import ErrorIcon from '@mui/icons-material/Error';
import FlagIcon from '@mui/icons-material/Flag';
import { Box, Button, Chip, IconButton, Menu, MenuItem, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import type { DefinitionProblem, StepType, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import { stepTypes } from '../../src-shared/workflows/definition-schema';
import { addStep, moveStep, removeStep } from './definition-edit';
import { StepForm } from './StepForm';
import { stepTypeLabel } from './workflow-labels';

interface Props {
  definition: WorkflowDefinition;
  problems: DefinitionProblem[];
  selectedStepId: string | null;
  onSelect: (stepId: string | null) => void;
  isReadOnly: boolean;
  onEdit: (next: WorkflowDefinition) => void;
}

/** The steps in order, each opening into its form; add, remove and move them up or down. */
export function StepList({ definition, problems, selectedStepId, onSelect, isReadOnly, onEdit }: Props) {
  const [addAnchor, setAddAnchor] = useState<HTMLElement | null>(null);
  const problemCount = (index: number, stepId: string) =>
    problems.filter((p) => p.path === `steps[${index}]` || p.path.startsWith(`steps[${index}].`) || p.path === `sla_config.${stepId}` || p.path.startsWith(`sla_config.${stepId}.`)).length;
  const add = (type: StepType) => {
    setAddAnchor(null);
    const next = addStep(definition, type);
    onEdit(next);
    onSelect(next.steps[next.steps.length - 1]?.step_id ?? null);
  };
  return (
    <Stack spacing={1}>
      {definition.steps.map((step, index) => {
        const isOpen = step.step_id === selectedStepId;
        const count = problemCount(index, step.step_id);
        return (
          <Paper key={`${index}-${step.step_id}`} variant="outlined" data-testid="step-card"
            sx={{ borderColor: count ? 'error.main' : isOpen ? 'primary.main' : 'divider', borderWidth: isOpen ? 2 : 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 0.75, cursor: 'pointer' }}
              role="button" tabIndex={0} aria-expanded={isOpen} aria-label={`Step ${index + 1}: ${step.name}`}
              onClick={() => onSelect(isOpen ? null : step.step_id)}
              onKeyDown={(e) => { if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); onSelect(isOpen ? null : step.step_id); } }}>
              <Typography variant="body2" color="text.secondary" sx={{ width: 20 }}>{index + 1}</Typography>
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>{step.name || '(no name)'}</Typography>
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>{step.step_id}</Typography>
              </Box>
              {definition.initial_step === step.step_id && <Tooltip title="Initial step"><FlagIcon fontSize="small" color="primary" /></Tooltip>}
              {count > 0 && <Chip size="small" color="error" icon={<ErrorIcon />} label={count} aria-label={`${count} problems`} />}
              <Chip size="small" label={stepTypeLabel[step.type] ?? String(step.type)} variant="outlined" />
              {!isReadOnly && (
                <Stack direction="row" onClick={(e) => e.stopPropagation()}>
                  <IconButton size="small" aria-label={`Move ${step.name} up`} disabled={index === 0} onClick={() => onEdit(moveStep(definition, index, -1))}><ArrowUpwardIcon fontSize="small" /></IconButton>
                  <IconButton size="small" aria-label={`Move ${step.name} down`} disabled={index === definition.steps.length - 1} onClick={() => onEdit(moveStep(definition, index, 1))}><ArrowDownwardIcon fontSize="small" /></IconButton>
                  <IconButton size="small" aria-label={`Remove ${step.name}`} disabled={definition.steps.length === 1}
                    onClick={() => { onEdit(removeStep(definition, index)); if (isOpen) onSelect(null); }}><DeleteIcon fontSize="small" /></IconButton>
                </Stack>
              )}
            </Stack>
            {isOpen && (
              <Box sx={{ px: 2, pb: 2, pt: 1, borderTop: 1, borderColor: 'divider' }}>
                <StepForm definition={definition} index={index} problems={problems} isReadOnly={isReadOnly} onEdit={onEdit} />
              </Box>
            )}
          </Paper>
        );
      })}
      {!isReadOnly && (
        <div>
          <Button startIcon={<AddIcon />} onClick={(e) => setAddAnchor(e.currentTarget)}>Add step</Button>
          <Menu anchorEl={addAnchor} open={addAnchor !== null} onClose={() => setAddAnchor(null)}>
            {stepTypes.map((t) => <MenuItem key={t} onClick={() => add(t)}>{stepTypeLabel[t]}</MenuItem>)}
          </Menu>
        </div>
      )}
    </Stack>
  );
}
