import AddIcon from '@mui/icons-material/Add';
import { Autocomplete, Button, Chip, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import type { ExternalGuest } from './meeting-form';

/** People of the directory, chosen by name. */
export function PeopleField({ label, people, value, onChange, error, helperText }: {
  label: string;
  people: readonly PersonView[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  helperText?: string;
}) {
  const byId = new Map(people.map((p) => [p.id, p]));
  return (
    <Autocomplete
      multiple
      fullWidth
      options={[...people]}
      value={value.flatMap((id) => byId.get(id) ?? [])}
      getOptionLabel={(p) => p.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, chosen) => onChange(chosen.map((p) => p.id))}
      renderValue={(chosen, getItemProps) => chosen.map((p, index) => <Chip size="small" label={p.name} {...getItemProps({ index })} key={p.id} />)}
      renderInput={(params) => <TextField {...params} label={label} error={!!error} helperText={error ?? helperText} />}
    />
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** People outside the lab, by email address: they get the invitation by email and answer from its link. */
export function GuestField({ guests, onChange }: { guests: readonly ExternalGuest[]; onChange: (guests: ExternalGuest[]) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const isValid = EMAIL.test(email.trim());
  const add = () => {
    if (!isValid) return;
    const address = email.trim().toLowerCase();
    onChange([...guests.filter((g) => g.email !== address), { email: address, name: name.trim(), role: 'required' }]);
    setEmail('');
    setName('');
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField label="Guest from outside the lab (email)" value={email} onChange={(e) => setEmail(e.target.value)} size="small" fullWidth
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }}
          error={email !== '' && !isValid} helperText={email !== '' && !isValid ? 'Enter an email address like name@partner.org.' : undefined} />
        <TextField label="Guest's name" value={name} onChange={(e) => setName(e.target.value)} size="small" fullWidth />
        <Button startIcon={<AddIcon />} onClick={add} disabled={!isValid} sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}>Add guest</Button>
      </Stack>
      {guests.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {guests.map((g) => <Chip key={g.email} label={g.name ? `${g.name} <${g.email}>` : g.email} onDelete={() => onChange(guests.filter((x) => x.email !== g.email))} />)}
        </Stack>
      )}
    </Stack>
  );
}
