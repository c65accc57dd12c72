import { Autocomplete, TextField } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import type { SearchHit } from '../../src-shared/records/record-contract';
import { useSearch } from '../search/use-search';

interface Props {
  label: string;
  value: SearchHit | null;
  onChange: (hit: SearchHit | null) => void;
  /** Which kinds of hits to offer: record kinds by name, or 'project' / 'task'. All records and projects and tasks when absent. */
  kinds?: readonly string[];
  /** Left out of the choices (the record itself). */
  excludeId?: string;
  error?: string;
  autoFocus?: boolean;
}

/** Finds a record (or project or task) by its number or words, as Ctrl+K does, and picks one. */
export function RecordPicker({ label, value, onChange, kinds, excludeId, error, autoFocus }: Props) {
  const [input, setInput] = useState('');
  const words = useDeferredValue(input);
  const search = useSearch(words, 30);
  const options = search.hits.filter((h) => h.collection !== 'people' && h.id !== excludeId && (!kinds || kinds.includes(h.kind)));
  return (
    <Autocomplete
      options={options}
      value={value}
      filterOptions={(o) => o}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(h) => h.title}
      loading={search.isSearching}
      noOptionsText={input.trim() ? 'Nothing found' : 'Type a number or words'}
      onInputChange={(_e, v, reason) => { if (reason !== 'reset') setInput(v); }}
      onChange={(_e, hit) => onChange(hit)}
      renderOption={({ key, ...props }, h) => (
        <li key={key} {...props}>
          <span>{h.title}<br /><small style={{ opacity: 0.7 }}>{h.subtitle}</small></span>
        </li>
      )}
      renderInput={(params) => <TextField {...params} label={label} size="small" autoFocus={autoFocus} error={Boolean(error)} helperText={error} />}
    />
  );
}
