import { Autocomplete, Checkbox, FormControl, FormControlLabel, FormHelperText, InputAdornment, MenuItem, Stack, TextField } from '@mui/material';
import type { AppError } from '../../src-shared/core/result';
import type { StepFormField } from '../../src-shared/workflows/step-form';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { StepFileField } from './StepFileField';
import { problemAt, visibleFields, type FormDraft, type FormDraftValue } from './step-form-values';
import { DateField } from '../format/DateField';

interface Props {
  fields: readonly StepFormField[];
  action: string;
  /** The instance the form is for: a `file` field chooses among its files. */
  instanceId: string;
  stepId?: string | undefined;
  draft: FormDraft;
  onChange: (draft: FormDraft) => void;
  /** The host's refusal: each problem shows at its field. */
  error: AppError | undefined;
  isDisabled?: boolean;
}

/** A step's form for one action (src-shared/workflows/step-form.ts): one input per field type, each with its own problem. */
export function StepFormFields({ fields, action, instanceId, stepId, draft, onChange, error, isDisabled }: Props) {
  const shown = visibleFields(fields, action, draft, error);
  const people = useLiveQuery('people/list', { includeInactive: false });
  const set = (key: string, value: FormDraftValue) => onChange({ ...draft, [key]: value });
  if (shown.length === 0) return null;
  return (
    <Stack spacing={2} data-testid="step-form-fields">
      {shown.map((field) => {
        const problem = problemAt(error, field.key);
        const label = `${field.label}${field.required && field.type !== 'checkbox' ? ' *' : ''}`;
        const common = { label, disabled: isDisabled, error: Boolean(problem), helperText: problem ?? field.help, fullWidth: true, size: 'small' as const };
        const text = typeof draft[field.key] === 'string' ? (draft[field.key] as string) : '';
        switch (field.type) {
          case 'checkbox':
            return (
              <FormControl key={field.key} error={Boolean(problem)}>
                <FormControlLabel label={field.label} disabled={isDisabled}
                  control={<Checkbox checked={draft[field.key] === true} onChange={(e) => set(field.key, e.target.checked)} />} />
                {(problem ?? field.help) && <FormHelperText>{problem ?? field.help}</FormHelperText>}
              </FormControl>
            );
          case 'choice':
            return (
              <TextField key={field.key} select {...common} value={text} onChange={(e) => set(field.key, e.target.value)}>
                {!field.required && <MenuItem value=""><em>None</em></MenuItem>}
                {(field.choices ?? []).map((c) => <MenuItem key={c.value} value={c.value}>{c.label}</MenuItem>)}
              </TextField>
            );
          case 'person': {
            const options = people.data ?? [];
            return (
              <Autocomplete key={field.key} options={options} getOptionLabel={(p) => p.name} disabled={isDisabled}
                value={options.find((p) => p.id === text) ?? null} onChange={(_e, p) => set(field.key, p?.id ?? '')}
                renderInput={(params) => <TextField {...params} label={label} size="small" error={Boolean(problem)} helperText={problem ?? field.help} />} />
            );
          }
          case 'money': {
            const money = typeof draft[field.key] === 'object' ? (draft[field.key] as { amount: string; currency: string }) : { amount: '', currency: field.currency ?? 'EUR' };
            return (
              <Stack key={field.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField {...common} value={money.amount} onChange={(e) => set(field.key, { ...money, amount: e.target.value })} slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: <InputAdornment position="end">{money.currency}</InputAdornment> } }} />
                {!field.currency && (
                  <TextField size="small" label="Currency" value={money.currency} sx={{ width: 110 }} disabled={isDisabled}
                    onChange={(e) => set(field.key, { ...money, currency: e.target.value.toUpperCase().slice(0, 3) })} />
                )}
              </Stack>
            );
          }
          case 'date':
            return <DateField key={field.key} {...common} value={text} onChange={(day) => set(field.key, day)} {...(typeof field.min === 'string' ? { min: field.min } : {})} {...(typeof field.max === 'string' ? { max: field.max } : {})} />;
          case 'number':
            return <TextField key={field.key} {...common} value={text} onChange={(e) => set(field.key, e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />;
          case 'file':
            return (
              <StepFileField key={field.key} label={label} value={text} onChange={(id) => set(field.key, id)} instanceId={instanceId} {...(stepId ? { stepId } : {})}
                required={field.required === true} error={Boolean(problem)} {...(problem ?? field.help ? { helperText: problem ?? field.help } : {})} isDisabled={isDisabled === true} />
            );
          case 'text':
            return <TextField key={field.key} {...common} value={text} onChange={(e) => set(field.key, e.target.value)} multiline={field.multiline === true} minRows={field.multiline ? 2 : undefined} />;
        }
      })}
    </Stack>
  );
}
