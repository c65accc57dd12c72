import { FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';

interface Props {
  step: StepDefinition;
  onChange: (patch: Partial<StepDefinition>) => void;
  errorAt: (suffix: string) => string | undefined;
}

/** The record itself, in the instrument choice (a form field key is never empty). */
const THE_RECORD = '';

/**
 * "This step needs a ready instrument" (src-shared/equipment/step-instrument-gate.ts): completing
 * the step is refused while the instrument is not fit for use. The instrument is the equipment
 * record the workflow is about, or the one a field of the step's form names.
 */
export function ReadyInstrumentSetting({ step, onChange, errorAt }: Props) {
  const requirement = step.ready_instrument;
  const fields = step.form ?? [];
  const problem = errorAt('.ready_instrument.field') ?? errorAt('.ready_instrument');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <FormControlLabel
        control={<Switch size="small" checked={requirement !== undefined} onChange={(e) => onChange({ ready_instrument: e.target.checked ? {} : undefined } as Partial<StepDefinition>)} />}
        label="Needs a ready instrument (in service, calibrated, qualified)" />
      {requirement && (
        // displayEmpty: the record's own choice has the value '', which MUI's select would show blank.
        <TextField select size="small" label="Instrument" value={requirement.field ?? THE_RECORD} sx={{ minWidth: 280 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          onChange={(e) => onChange({ ready_instrument: e.target.value === THE_RECORD ? {} : { field: e.target.value } })}
          error={Boolean(problem)} helperText={problem ?? 'Completing the step is refused while it is not fit for use.'}>
          <MenuItem value={THE_RECORD}>The instrument this workflow is about</MenuItem>
          {fields.map((f) => <MenuItem key={f.key} value={f.key}>Form field: {f.label}</MenuItem>)}
        </TextField>
      )}
    </Stack>
  );
}
