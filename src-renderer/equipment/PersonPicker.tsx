import { Autocomplete, TextField } from '@mui/material';
import type { PersonView } from '../../src-shared/people/person';
import { useLiveQuery } from '../bridge/BridgeProvider';

/** Active people of the directory, by name. */
export function usePeople(): PersonView[] {
  return useLiveQuery('people/list', { includeInactive: false }).data ?? [];
}

interface OneProps {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  helperText?: string;
}

export function PersonPicker({ label, value, onChange, error, helperText }: OneProps) {
  const people = usePeople();
  const selected = people.find((p) => p.id === value) ?? null;
  return (
    <Autocomplete
      options={people}
      value={selected}
      getOptionLabel={(p) => p.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, p) => onChange(p?.id ?? '')}
      renderInput={(params) => <TextField {...params} label={label} error={Boolean(error)} helperText={error ?? helperText} />}
    />
  );
}

interface ManyProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

export function PeoplePicker({ label, value, onChange, error }: ManyProps) {
  const people = usePeople();
  return (
    <Autocomplete
      multiple
      options={people}
      value={people.filter((p) => value.includes(p.id))}
      getOptionLabel={(p) => p.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, list) => onChange(list.map((p) => p.id))}
      renderInput={(params) => <TextField {...params} label={label} error={Boolean(error)} helperText={error} />}
    />
  );
}
