import { MenuItem, TextField } from '@mui/material';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';

export const END_TARGET = '__end__';

interface Props {
  label: string;
  steps: readonly StepDefinition[];
  /** A step id, END_TARGET, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** Offers "end the workflow" with this text (e.g. "End as rejected"). */
  endLabel?: string;
  noneLabel?: string;
  error?: string | undefined;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  excludeStepId?: string;
}

/** Picks the step a route leads to, by name, or the end of the workflow. */
export function StepTargetSelect({ label, steps, value, onChange, endLabel, noneLabel, error, size = 'small', fullWidth = true, excludeStepId }: Props) {
  const known = value === '' || value === END_TARGET || steps.some((s) => s.step_id === value);
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value)} size={size} fullWidth={fullWidth}
      error={Boolean(error)} helperText={error} sx={{ minWidth: 160 }}>
      {noneLabel !== undefined && <MenuItem value=""><em>{noneLabel}</em></MenuItem>}
      {endLabel && <MenuItem value={END_TARGET}>{endLabel}</MenuItem>}
      {steps.filter((s) => s.step_id !== excludeStepId).map((s) => <MenuItem key={s.step_id} value={s.step_id}>{s.name} ({s.step_id})</MenuItem>)}
      {!known && <MenuItem value={value}>{value} (missing)</MenuItem>}
    </TextField>
  );
}
