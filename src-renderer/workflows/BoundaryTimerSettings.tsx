import { FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import type { BoundaryTimer, StepDefinition } from '../../src-shared/workflows/definition-schema';
import { StepTargetSelect } from './StepTargetSelect';

interface Props {
  step: StepDefinition;
  /** The steps the timer may send the work to (the others). */
  steps: readonly StepDefinition[];
  hasCalendar: boolean;
  onChange: (timer: BoundaryTimer | undefined) => void;
  errorAt: (suffix: string) => string | undefined;
}

/**
 * A waiting step's boundary timer (issue 19.5): when nobody acts within the hours, the work moves
 * on to the chosen step ("no answer from the supplier in 10 working days → chase"). Unlike an SLA
 * escalation, the step is left.
 */
export function BoundaryTimerSettings({ step, steps, hasCalendar, onChange, errorAt }: Props) {
  const timer = step.boundary_timer;
  const hoursError = errorAt('.boundary_timer.after_hours') ?? errorAt('.boundary_timer');
  return (
    <Stack spacing={1} component="section" aria-label="Timer that moves the step on">
      <FormControlLabel
        control={<Switch size="small" checked={timer !== undefined} onChange={(e) => onChange(e.target.checked ? { after_hours: 24, go: steps[0]?.step_id ?? '' } : undefined)} />}
        label="Move on if nobody acts in time"
      />
      {timer && (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField size="small" type="number" label="After (hours)" value={timer.after_hours} sx={{ width: 150 }} slotProps={{ htmlInput: { min: 1 } }}
              onChange={(e) => onChange({ ...timer, after_hours: Number(e.target.value) })} error={Boolean(hoursError)} helperText={hoursError} />
            <StepTargetSelect label="Then go to" steps={steps} value={timer.go} onChange={(go) => onChange({ ...timer, go })} error={errorAt('.boundary_timer.go')} />
          </Stack>
          <FormControlLabel
            control={<Switch size="small" checked={timer.working_hours === true} onChange={(e) => onChange({ ...timer, working_hours: e.target.checked || undefined })} />}
            label="Count working hours of the working calendar"
          />
          {(errorAt('.boundary_timer.working_hours') ?? (!hasCalendar && timer.working_hours)) && (
            <Typography variant="caption" color="error">{errorAt('.boundary_timer.working_hours') ?? 'This workflow has no working calendar yet.'}</Typography>
          )}
        </>
      )}
    </Stack>
  );
}
