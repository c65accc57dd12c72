import { Autocomplete, Checkbox, FormControlLabel, FormHelperText, MenuItem, Stack, TextField } from '@mui/material';
import type { PersonView } from '../../src-shared/people/person';
import type { KindField } from '../../src-shared/records/record-kind';
import { useLiveQuery } from '../bridge/BridgeProvider';
import type { FormValue } from './record-form';
import { RecordPicker } from './RecordPicker';
import { DateField } from '../format/DateField';

interface Props {
  field: KindField;
  value: FormValue;
  onChange: (value: FormValue) => void;
  people: readonly PersonView[];
  error?: string;
  isDisabled?: boolean;
  autoFocus?: boolean;
}

/** A `record` field: the record it points to, by number and title, picked by search. */
function RecordRefInput({ field, value, onChange, error, isDisabled }: Props) {
  const id = typeof value === 'string' ? value : '';
  const current = useLiveQuery('records/get', { id: id || '-' });
  const hit = id && current.data ? { collection: 'records' as const, id, kind: current.data.kind, title: current.data.title, subtitle: current.data.number } : null;
  if (isDisabled) return <TextField label={field.label} size="small" fullWidth disabled value={hit ? `${hit.subtitle} ${hit.title}` : id} />;
  return <RecordPicker label={field.label} value={hit} onChange={(h) => onChange(h?.id ?? '')} {...(field.recordKind ? { kinds: [field.recordKind] } : {})} {...(error ? { error } : {})} />;
}

/**
 * The input for one field of a record form, by the field's type: text (multi-line when long),
 * number, date, money (amount and currency), person or people, choice, yes/no, or another record.
 */
export function RecordFieldInput(props: Props) {
  const { field, value, onChange, people, error, isDisabled, autoFocus } = props;
  const common = { label: field.label, size: 'small' as const, fullWidth: true, disabled: isDisabled, error: Boolean(error), helperText: error ?? field.help, required: field.isRequired, autoFocus };
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'money': {
      const money = typeof value === 'object' && !Array.isArray(value) ? value : { amount: '', currency: 'EUR' };
      return (
        <Stack direction="row" spacing={1}>
          <TextField {...common} value={money.amount} onChange={(e) => onChange({ ...money, amount: e.target.value })} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <TextField label="Currency" size="small" disabled={isDisabled} value={money.currency} sx={{ width: 110 }}
            onChange={(e) => onChange({ ...money, currency: e.target.value.toUpperCase().slice(0, 3) })} slotProps={{ htmlInput: { 'aria-label': `${field.label} currency` } }} />
        </Stack>
      );
    }
    case 'number':
      return <TextField {...common} value={text} onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />;
    case 'date':
      return <DateField {...common} value={text} onChange={onChange} />;
    case 'boolean':
      return (
        <div>
          <FormControlLabel label={field.label} disabled={isDisabled} control={<Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked)} />} />
          {error && <FormHelperText error>{error}</FormHelperText>}
        </div>
      );
    case 'choice':
      return (
        <TextField {...common} select value={text} onChange={(e) => onChange(e.target.value)}>
          {!field.isRequired && <MenuItem value=""><em>None</em></MenuItem>}
          {(field.choices ?? []).map((c) => <MenuItem key={c.value} value={c.value}>{c.label}</MenuItem>)}
        </TextField>
      );
    case 'person': {
      // Former colleagues stay shown on old records, but only active people can be chosen.
      const chosen = people.find((p) => p.id === text) ?? null;
      return (
        <Autocomplete options={people.filter((p) => p.isActive)} value={chosen} disabled={isDisabled} getOptionLabel={(p) => p.name} isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_e, p) => onChange(p?.id ?? '')} renderInput={(params) => <TextField {...params} {...common} />} />
      );
    }
    case 'people': {
      const ids = Array.isArray(value) ? value : [];
      return (
        <Autocomplete multiple options={people.filter((p) => p.isActive)} value={people.filter((p) => ids.includes(p.id))} disabled={isDisabled} getOptionLabel={(p) => p.name}
          isOptionEqualToValue={(a, b) => a.id === b.id} onChange={(_e, list) => onChange(list.map((p) => p.id))} renderInput={(params) => <TextField {...params} {...common} />} />
      );
    }
    case 'record':
      return <RecordRefInput {...props} />;
    default:
      return <TextField {...common} value={text} onChange={(e) => onChange(e.target.value)} multiline={field.isMultiline === true} minRows={field.isMultiline ? 3 : undefined} />;
  }
}
