import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { List, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { DefinitionProblem } from '../../src-shared/workflows/definition-schema';

interface Props {
  problems: DefinitionProblem[];
  /** Jumps to the step a problem is about. */
  onSelectStep?: (stepId: string) => void;
}

/** Every problem of a definition with where it is, so a person can go straight to it. */
export function ProblemList({ problems, onSelectStep }: Props) {
  if (problems.length === 0) return null;
  return (
    <List dense disablePadding aria-label="Problems" data-testid="problem-list">
      {problems.map((p, index) => (
        <ListItemButton key={`${p.path}-${index}`} disabled={!p.stepId || !onSelectStep} onClick={() => p.stepId && onSelectStep?.(p.stepId)}
          sx={{ alignItems: 'flex-start', '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}><ErrorOutlineIcon color="error" fontSize="small" /></ListItemIcon>
          <ListItemText
            primary={p.message}
            secondary={<Typography component="span" variant="caption" sx={{ fontFamily: 'monospace' }}>{p.path || '(definition)'}{p.stepId ? ` · step ${p.stepId}` : ''}</Typography>}
          />
        </ListItemButton>
      ))}
    </List>
  );
}
