import { Autocomplete, Checkbox, ListItemText, MenuItem, TextField } from '@mui/material';
import type { PersonView } from '../../src-shared/people/person';
import type { AnyRecordKind, KindField } from '../../src-shared/records/record-kind';
import type { FilterInput } from './register-filters';
import { DateField } from '../format/DateField';

interface Props {
  kind: AnyRecordKind;
  field: KindField;
  value: FilterInput;
  onChange: (value: FilterInput) => void;
  people: readonly PersonView[];
  error?: string;
}

/** The choices of a choice field, or the kind's statuses for the status column. */
export const choicesOf = (kind: AnyRecordKind, field: KindField): { value: string; label: string }[] =>
  field.field === 'status' ? kind.statuses.map((s) => ({ value: s.id, label: s.label })) : [...(field.choices ?? [])];

/** The value part of a register filter, as the field's type asks: words, a number, a day, a person, some choices. */
export function FilterValueInput({ kind, field, value, onChange, people, error }: Props) {
  const common = { label: 'Value', size: 'small' as const, fullWidth: true, error: Boolean(error), helperText: error };
  if (field.field === 'status' || field.type === 'choice') {
    const choices = choicesOf(kind, field);
    const selected = Array.isArray(value) ? value : [];
    return (
      <TextField select {...common} value={selected} onChange={(e) => onChange(e.target.value as unknown as string[])}
        slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map((c) => choices.find((x) => x.value === c)?.label ?? c).join(', ') } }}>
        {choices.map((c) => (
          <MenuItem key={c.value} value={c.value}>
            <Checkbox size="small" checked={selected.includes(c.value)} />
            <ListItemText primary={c.label} />
          </MenuItem>
        ))}
      </TextField>
    );
  }
  const text = Array.isArray(value) ? '' : value;
  switch (field.type) {
    case 'person':
    case 'people':
      return (
        <Autocomplete options={[...people]} getOptionLabel={(p) => p.name} value={people.find((p) => p.id === text) ?? null}
          onChange={(_e, p) => onChange(p?.id ?? '')} renderInput={(params) => <TextField {...params} {...common} label="Person" />} />
      );
    case 'boolean':
      return (
        <TextField select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <MenuItem value="true">Yes</MenuItem>
          <MenuItem value="false">No</MenuItem>
        </TextField>
      );
    case 'date':
    case 'datetime':
      return <DateField {...common} value={text} onChange={onChange} />;
    case 'number':
    case 'money':
      return <TextField {...common} label={field.type === 'money' ? 'Amount' : 'Number'} value={text} onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />;
    default:
      return <TextField {...common} label="Words" value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}
