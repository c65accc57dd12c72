import { Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';

/**
 * A name and an "Add" button that create a record of `kind` named by `field` (a holiday calendar's
 * location, an onboarding checklist's name), judged by the kind like any `records/create`; the new
 * record's id is handed on so the screen can show it.
 */
export function NewNamedRecord({ kind, field, data, label, help, buttonLabel, onCreated }: {
  kind: string;
  field: string;
  /** The rest of the new record's data. */
  data: Record<string, unknown>;
  label: string;
  help: string;
  buttonLabel: string;
  onCreated: (id: string) => void;
}) {
  const create = useCommand('records/create');
  const [name, setName] = useState('');
  const add = async () => {
    const result = await create.run({ kind, data: { ...data, [field]: name } });
    if (result.ok) {
      setName('');
      onCreated(result.value.id);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField size="small" label={label} value={name} onChange={(e) => setName(e.target.value)} error={Boolean(create.error)} helperText={create.error ? errorText(create.error) : help} />
      <Button variant="outlined" onClick={() => void add()} disabled={create.isRunning || !name.trim()}>{buttonLabel}</Button>
    </Stack>
  );
}
