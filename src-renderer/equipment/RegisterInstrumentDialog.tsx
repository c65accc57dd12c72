import { Alert, Button, Checkbox, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { equipmentCategories } from '../../src-shared/equipment/equipment-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { fieldError, formError } from '../errors/error-text';
import { PeoplePicker, PersonPicker } from './PersonPicker';
import { FormDialog } from '../shell/FormDialog';

/** QA, procurement or an administrator registers an instrument the lab has (it starts as ordered). */
export function RegisterInstrumentDialog({ onClose }: { onClose: (createdId?: string) => void }) {
  const create = useCommand('records/create');
  const [data, setData] = useState({ name: '', category: 'other', manufacturer: '', model: '', serialNumber: '', custodianId: '', isGxpCritical: false, authorisedUserIds: [] as string[] });
  const set = (field: keyof typeof data) => (value: unknown) => setData((d) => ({ ...d, [field]: value }));
  const error = (field: string) => fieldError(create.error, `data.${field}`);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({ kind: 'equipment', data });
    if (result.ok) onClose(result.value.id);
  };
  return (
    <FormDialog open onClose={() => onClose()} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label="Register instrument">
        <DialogTitle>Register instrument</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Name" value={data.name} onChange={(e) => set('name')(e.target.value)} error={Boolean(error('name'))} helperText={error('name')} autoFocus />
            <TextField select label="Category" value={data.category} onChange={(e) => set('category')(e.target.value)}>
              {equipmentCategories.map((c) => <MenuItem key={c.value} value={c.value}>{c.label}</MenuItem>)}
            </TextField>
            <Stack direction="row" spacing={2}>
              <TextField label="Manufacturer" value={data.manufacturer} onChange={(e) => set('manufacturer')(e.target.value)} fullWidth />
              <TextField label="Model" value={data.model} onChange={(e) => set('model')(e.target.value)} fullWidth />
            </Stack>
            <TextField label="Serial number" value={data.serialNumber} onChange={(e) => set('serialNumber')(e.target.value)} />
            <PersonPicker label="Custodian" value={data.custodianId} onChange={set('custodianId')} error={error('custodianId')} />
            <PeoplePicker label="Authorised users" value={data.authorisedUserIds} onChange={set('authorisedUserIds')} />
            <FormControlLabel control={<Checkbox checked={data.isGxpCritical} onChange={(e) => set('isGxpCritical')(e.target.checked)} />} label="GxP impact (its calibrations and qualifications are audited)" />
            {formError(create.error, ['data.name', 'data.custodianId']) && <Alert severity="error">{formError(create.error, ['data.name', 'data.custodianId'])}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={create.isRunning}>Register</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
