import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { Autocomplete, Button, FormControlLabel, IconButton, MenuItem, Paper, Stack, Switch, TextField, Tooltip, Typography } from '@mui/material';
import type { StepDefinition } from '../../src-shared/workflows/definition-schema';
import { actionsOf } from '../../src-shared/workflows/definition-graph';
import { comparisonOps, type Comparison } from '../../src-shared/workflows/routing-rules';
import { formFieldTypes, type FormFieldType, type StepFormField } from '../../src-shared/workflows/step-form';
import { addField, formatChoices, formatLimit, moveField, parseChoices, parseLimit, patchField, removeField } from './form-field-edit';
import { formatValue, opLabel, parseValue } from './routing-values';
import { actionLabel } from './workflow-labels';

export const formFieldTypeLabel: Record<FormFieldType, string> = {
  text: 'Text', number: 'Number', money: 'Amount of money', date: 'Date', choice: 'Choice', person: 'Person', file: 'File', checkbox: 'Checkbox',
};

interface Props {
  step: StepDefinition;
  /** The record kind's data fields a value may go to (empty when the workflow is about no kind). */
  recordFields: readonly { field: string; label: string }[];
  onChange: (form: StepFormField[] | undefined) => void;
  /** Problem text per path suffix, e.g. `.form[0].key`. */
  errorAt: (suffix: string) => string | undefined;
}

/** The form a person fills in to act on the step: typed fields, their limits, when they are asked, and where each value goes. */
export function FormFieldsEditor({ step, recordFields, onChange, errorAt }: Props) {
  const form = step.form ?? [];
  const write = (next: StepFormField[]) => onChange(next.length === 0 ? undefined : next);
  return (
    <Stack spacing={1} data-testid="form-fields-editor">
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>Step form</Typography>
        <Button size="small" startIcon={<AddIcon />} onClick={() => write(addField(form))}>Add field</Button>
      </Stack>
      {form.length === 0 && <Typography variant="body2" color="text.secondary">No form: people may add their own data when they act.</Typography>}
      {form.map((field, index) => (
        <FieldRow key={index} step={step} form={form} index={index} recordFields={recordFields}
          onPatch={(patch) => write(patchField(form, index, patch))} onMove={(by) => write(moveField(form, index, by))} onRemove={() => write(removeField(form, index))}
          errorAt={(suffix) => errorAt(`.form[${index}]${suffix}`)} />
      ))}
    </Stack>
  );
}

interface RowProps {
  step: StepDefinition;
  form: readonly StepFormField[];
  index: number;
  recordFields: readonly { field: string; label: string }[];
  onPatch: (patch: Partial<{ [K in keyof StepFormField]: StepFormField[K] | undefined }>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errorAt: (suffix: string) => string | undefined;
}

function FieldRow({ step, form, index, recordFields, onPatch, onMove, onRemove, errorAt }: RowProps) {
  const field = form[index] as StepFormField;
  const hasLimits = field.type === 'number' || field.type === 'money' || field.type === 'date';
  const others = form.filter((f) => f.key !== field.key).map((f) => ({ value: f.key, label: f.label }));
  const conditionVars = [...others, ...recordFields.map((r) => ({ value: `record.${r.field}`, label: `Record: ${r.label}` }))];
  const when = field.when && 'var' in field.when ? (field.when as Comparison) : undefined;
  const help = (suffix: string, fallback?: string) => ({ error: Boolean(errorAt(suffix)), helperText: errorAt(suffix) ?? fallback });
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="form-field-row">
      <Stack spacing={1.5}>
        {/* The editor's column is narrow: the label gets a line of its own, or it is squeezed to nothing. */}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" label="Label" value={field.label} onChange={(e) => onPatch({ label: e.target.value })} sx={{ flex: 1 }} {...help('.label')} />
          <Tooltip title="Move up"><span><IconButton size="small" aria-label={`Move ${field.label} up`} disabled={index === 0} onClick={() => onMove(-1)}><ArrowUpwardIcon fontSize="small" /></IconButton></span></Tooltip>
          <Tooltip title="Move down"><span><IconButton size="small" aria-label={`Move ${field.label} down`} disabled={index === form.length - 1} onClick={() => onMove(1)}><ArrowDownwardIcon fontSize="small" /></IconButton></span></Tooltip>
          <Tooltip title="Remove field"><IconButton size="small" aria-label={`Remove field ${field.label}`} onClick={onRemove}><DeleteIcon fontSize="small" /></IconButton></Tooltip>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" label="Key" defaultValue={field.key} key={field.key} sx={{ flex: 1, '& input': { fontFamily: 'monospace' } }}
            onBlur={(e) => { const key = e.target.value.trim(); if (key && key !== field.key) onPatch({ key }); }} {...help('.key')} />
          <TextField select size="small" label="Type" value={field.type} onChange={(e) => onPatch({ type: e.target.value as FormFieldType })} sx={{ flex: 1 }}>
            {formFieldTypes.map((t) => <MenuItem key={t} value={t}>{formFieldTypeLabel[t]}</MenuItem>)}
          </TextField>
          <FormControlLabel control={<Switch size="small" checked={field.required === true} onChange={(e) => onPatch({ required: e.target.checked || undefined })} />} label="Required" />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField select size="small" label="Value goes to" value={field.to?.startsWith('record.') ? field.to : ''} sx={{ flex: 1 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            onChange={(e) => onPatch({ to: e.target.value || undefined })} {...help('.to', field.to?.startsWith('record.') ? 'Written to the record when the step completes.' : 'A workflow variable named like the key.')}>
            <MenuItem value="">Workflow variable “{field.key}”</MenuItem>
            {recordFields.map((r) => <MenuItem key={r.field} value={`record.${r.field}`}>Record: {r.label}</MenuItem>)}
          </TextField>
          <Autocomplete multiple size="small" options={actionsOf(step)} value={field.actions ?? []} getOptionLabel={actionLabel} sx={{ flex: 1 }}
            onChange={(_e, list) => onPatch({ actions: list.length ? list : undefined })}
            renderInput={(params) => <TextField {...params} label="Asked for" {...help('.actions', 'Every action but reject when empty.')} />} />
        </Stack>
        <TextField size="small" label="Help text" value={field.help ?? ''} onChange={(e) => onPatch({ help: e.target.value || undefined })} />
        {hasLimits && (
          <Stack direction="row" spacing={1}>
            {(['min', 'max'] as const).map((limit) => (
              <TextField key={`${limit}-${field.type}`} size="small" label={`${limit === 'min' ? 'Smallest' : 'Largest'}${field.type === 'date' ? ' day (YYYY-MM-DD)' : field.type === 'money' ? ' amount' : ''}`}
                defaultValue={formatLimit(field.type, field[limit])} onBlur={(e) => onPatch({ [limit]: parseLimit(field.type, e.target.value) })} sx={{ flex: 1 }} {...help(`.${limit}`)} />
            ))}
            {field.type === 'money' && (
              <TextField size="small" label="Only currency" value={field.currency ?? ''} sx={{ width: 130 }} onChange={(e) => onPatch({ currency: e.target.value.toUpperCase().slice(0, 3) || undefined })} {...help('.currency')} />
            )}
          </Stack>
        )}
        {field.type === 'text' && (
          <>
            <Stack direction="row" spacing={1}>
              <TextField size="small" label="Pattern (regular expression)" value={field.pattern ?? ''} sx={{ flex: 1, '& input': { fontFamily: 'monospace' } }} onChange={(e) => onPatch({ pattern: e.target.value || undefined })} {...help('.pattern')} />
              <TextField size="small" label="Message when it does not match" value={field.pattern_message ?? ''} sx={{ flex: 1 }} onChange={(e) => onPatch({ pattern_message: e.target.value || undefined })} />
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField size="small" type="number" label="Most characters" value={field.max_length ?? ''} sx={{ width: 150 }} onChange={(e) => onPatch({ max_length: e.target.value ? Number(e.target.value) : undefined })} {...help('.max_length')} />
              <FormControlLabel control={<Switch size="small" checked={field.multiline === true} onChange={(e) => onPatch({ multiline: e.target.checked || undefined })} />} label="Several lines" />
            </Stack>
          </>
        )}
        {field.type === 'choice' && (
          <TextField size="small" multiline minRows={2} label="Choices, one per line (value: Label)" defaultValue={formatChoices(field.choices)} key={`choices-${index}`}
            onBlur={(e) => onPatch({ choices: parseChoices(e.target.value).length ? parseChoices(e.target.value) : undefined })} {...help('.choices')} />
        )}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField select size="small" label="Ask only when" value={when?.var ?? ''} sx={{ flex: 2 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            onChange={(e) => onPatch({ when: e.target.value ? { var: e.target.value, op: when?.op ?? 'exists', ...(when?.value === undefined ? {} : { value: when.value }) } : undefined })}
            {...help('.when', field.when && !when ? 'A combined condition: edit it in the JSON view.' : undefined)}>
            <MenuItem value="">Always</MenuItem>
            {conditionVars.map((v) => <MenuItem key={v.value} value={v.value}>{v.label}</MenuItem>)}
          </TextField>
          {when && (
            <>
              <TextField select size="small" label="is" value={when.op} sx={{ width: 130 }} onChange={(e) => onPatch({ when: { ...when, op: e.target.value as Comparison['op'] } })}>
                {comparisonOps.map((op) => <MenuItem key={op} value={op}>{opLabel[op]}</MenuItem>)}
              </TextField>
              {when.op !== 'exists' && (
                <TextField size="small" label="Value" defaultValue={formatValue(when.value)} key={`${field.key}-${when.op}`} sx={{ flex: 1 }}
                  onBlur={(e) => onPatch({ when: { ...when, value: parseValue(when.op, e.target.value) } })} />
              )}
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
