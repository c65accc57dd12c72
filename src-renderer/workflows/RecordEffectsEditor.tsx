import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';
import { actionsOf } from '../../src-shared/workflows/definition-graph';
import type { RecordEffect } from '../../src-shared/workflows/record-binding';
import { actionLabel } from './workflow-labels';

interface Props {
  step: StepDefinition;
  kind: AnyRecordKind;
  onChange: (effects: Record<string, RecordEffect> | undefined) => void;
  errorAt: (suffix: string) => string | undefined;
}

/** What each action of the step does to the workflow's record: the status it moves to (fixed field values: in the JSON view). */
export function RecordEffectsEditor({ step, kind, onChange, errorAt }: Props) {
  const effects = step.record_effects ?? {};
  const targets = kind.statuses.filter((s) => kind.transitions.some((t) => t.to === s.id));
  const setStatus = (action: string, status: string) => {
    const { status: _old, ...rest } = effects[action] ?? {};
    const effect: RecordEffect = status ? { ...rest, status } : rest;
    const next: Record<string, RecordEffect> = { ...effects, [action]: effect };
    if (Object.keys(effect).length === 0) delete next[action];
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <Stack spacing={1} data-testid="record-effects-editor">
      <Typography variant="subtitle2">What it does to the {kind.label.toLowerCase()}</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {actionsOf(step).map((action) => (
          <TextField key={action} select size="small" label={`On “${actionLabel(action)}”`} value={effects[action]?.status ?? ''} sx={{ minWidth: 200 }}
            onChange={(e) => setStatus(action, e.target.value)} error={Boolean(errorAt(`.record_effects.${action}.status`) ?? errorAt(`.record_effects.${action}`))}
            helperText={errorAt(`.record_effects.${action}.status`) ?? errorAt(`.record_effects.${action}`) ?? (effects[action]?.set ? 'Also sets fields (see JSON).' : undefined)}>
            <MenuItem value="">Leave its status</MenuItem>
            {targets.map((s) => <MenuItem key={s.id} value={s.id}>Becomes {s.label}</MenuItem>)}
          </TextField>
        ))}
      </Stack>
    </Stack>
  );
}
