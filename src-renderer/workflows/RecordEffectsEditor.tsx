import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';
import { actionsOf } from '../../src-shared/workflows/definition-graph';
import type { RecordEffect } from '../../src-shared/workflows/record-binding';
import { dataFieldsOf } from '../../src-shared/workflows/validate-record-binding';
import { actionLabel } from './workflow-labels';

interface Props {
  step: StepDefinition;
  kind: AnyRecordKind;
  onChange: (effects: Record<string, RecordEffect> | undefined) => void;
  errorAt: (suffix: string) => string | undefined;
}

type FieldValue = string | number | boolean | null;

/** A typed value as the field's type wants it: numbers for number fields, text otherwise; empty clears the field. */
function parseSetValue(kind: AnyRecordKind, field: string, text: string): FieldValue {
  if (text.trim() === '') return null;
  const type = kind.fields.find((f) => f.field === field)?.type;
  if (type === 'number' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** What each action of the step does to the workflow's record: the status it moves to, and fields it sets to fixed values. */
export function RecordEffectsEditor({ step, kind, onChange, errorAt }: Props) {
  const effects = step.record_effects ?? {};
  const targets = kind.statuses.filter((s) => kind.transitions.some((t) => t.to === s.id));
  const fields = dataFieldsOf(kind).map((field) => ({ field, label: kind.fields.find((f) => f.field === field)?.label ?? field }));
  const write = (action: string, effect: RecordEffect) => {
    const next: Record<string, RecordEffect> = { ...effects, [action]: effect };
    if (Object.keys(effect).length === 0) delete next[action];
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  const setStatus = (action: string, status: string) => {
    const { status: _old, ...rest } = effects[action] ?? {};
    write(action, status ? { ...rest, status } : rest);
  };
  const setFields = (action: string, set: Record<string, FieldValue>) => {
    const { set: _old, ...rest } = effects[action] ?? {};
    write(action, Object.keys(set).length > 0 ? { ...rest, set } : rest);
  };
  return (
    <Stack spacing={1} data-testid="record-effects-editor">
      <Typography variant="subtitle2">What it does to the {kind.label.toLowerCase()}</Typography>
      {actionsOf(step).map((action) => {
        const set = effects[action]?.set ?? {};
        const unset = fields.filter((f) => !(f.field in set));
        return (
          <Stack key={action} spacing={1}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField select size="small" label={`On “${actionLabel(action)}”`} value={effects[action]?.status ?? ''} sx={{ minWidth: 200 }}
                onChange={(e) => setStatus(action, e.target.value)} error={Boolean(errorAt(`.record_effects.${action}.status`) ?? errorAt(`.record_effects.${action}`))}
                helperText={errorAt(`.record_effects.${action}.status`) ?? errorAt(`.record_effects.${action}`)}>
                <MenuItem value="">Leave its status</MenuItem>
                {targets.map((s) => <MenuItem key={s.id} value={s.id}>Becomes {s.label}</MenuItem>)}
              </TextField>
              {unset.length > 0 && (
                <Button size="small" startIcon={<AddIcon />} sx={{ mt: 0.5 }} onClick={() => setFields(action, { ...set, [(unset[0] as { field: string }).field]: null })}>
                  Set a field
                </Button>
              )}
            </Stack>
            {Object.entries(set).map(([field, value]) => (
              <Stack key={field} direction="row" spacing={1} sx={{ alignItems: 'flex-start', pl: 2 }} data-testid="record-effect-field">
                <TextField select size="small" label="Field" value={field} sx={{ flex: 1 }}
                  onChange={(e) => { const { [field]: old, ...rest } = set; setFields(action, { ...rest, [e.target.value]: old ?? null }); }}>
                  {[...fields.filter((f) => f.field === field), ...unset].map((f) => <MenuItem key={f.field} value={f.field}>{f.label}</MenuItem>)}
                </TextField>
                {/* Typed as text and read on leaving the box, so "1." on the way to "1.5" is not cut to 1. */}
                <TextField key={`${action}-${field}`} size="small" label="Becomes" defaultValue={value === null ? '' : String(value)} sx={{ flex: 1 }} placeholder="Empty: cleared"
                  onBlur={(e) => setFields(action, { ...set, [field]: parseSetValue(kind, field, e.target.value) })}
                  error={Boolean(errorAt(`.record_effects.${action}.set.${field}`))} helperText={errorAt(`.record_effects.${action}.set.${field}`)} />
                <Tooltip title="Stop setting this field">
                  <IconButton size="small" aria-label={`Stop setting ${fields.find((f) => f.field === field)?.label ?? field} on ${actionLabel(action)}`}
                    onClick={() => { const { [field]: _gone, ...rest } = set; setFields(action, rest); }}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Stack>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
