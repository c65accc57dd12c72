import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, Checkbox, DialogActions, DialogContent, DialogTitle, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { EquipmentData, EquipmentLocation } from '../../src-shared/equipment/equipment-kind';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { todayLocal } from '../tasks/task-labels';
import { LocationFields } from './LocationFields';
import { PersonPicker } from './PersonPicker';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';

const defaultChecklist = ['Bench level and free of vibration', 'Power supply as specified', 'Room temperature and humidity within range'];

/** Installation: when, by whom, where, and the site requirements checklist. */
export function InstallDialog({ equipmentId, data, onClose }: { equipmentId: string; data: EquipmentData; onClose: () => void }) {
  const install = useCommand('equipment/install');
  const [installedOn, setInstalledOn] = useState(data.installedOn ?? todayLocal());
  const [installedById, setInstalledById] = useState(data.installedById ?? data.custodianId);
  const [location, setLocation] = useState<EquipmentLocation>(data.location);
  const [checklist, setChecklist] = useState(data.siteChecklist.length ? data.siteChecklist.map(({ item, isMet, note }) => ({ item, isMet, note })) : defaultChecklist.map((item) => ({ item, isMet: false, note: '' })));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await install.run({ id: equipmentId, installedOn, installedById, location, siteChecklist: checklist.filter((c) => c.item.trim()) })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="md">
      <form onSubmit={submit} noValidate aria-label="Installation">
        <DialogTitle>Installation</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Stack direction="row" spacing={2}>
              <DateField label="Installed on" value={installedOn} onChange={setInstalledOn} error={Boolean(fieldError(install.error, 'installedOn'))} helperText={fieldError(install.error, 'installedOn')} />
              <div style={{ flex: 1 }}><PersonPicker label="Installed by" value={installedById} onChange={setInstalledById} /></div>
            </Stack>
            <LocationFields value={location} onChange={setLocation} />
            <Typography variant="subtitle2">Site requirements</Typography>
            {checklist.map((c, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Checkbox checked={c.isMet} onChange={(e) => setChecklist((l) => l.map((x, j) => (j === i ? { ...x, isMet: e.target.checked } : x)))} slotProps={{ input: { 'aria-label': `Met: ${c.item}` } }} />
                <TextField size="small" label="Requirement" value={c.item} onChange={(e) => setChecklist((l) => l.map((x, j) => (j === i ? { ...x, item: e.target.value } : x)))} fullWidth />
                <TextField size="small" label="Note" value={c.note} onChange={(e) => setChecklist((l) => l.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))} sx={{ width: 220 }} />
                <IconButton aria-label={`Remove ${c.item}`} onClick={() => setChecklist((l) => l.filter((_x, j) => j !== i))}><DeleteIcon /></IconButton>
              </Stack>
            ))}
            <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setChecklist((l) => [...l, { item: '', isMet: false, note: '' }])}>Add a requirement</Button>
            {install.error && !fieldError(install.error, 'installedOn') && <Alert severity="error">{errorText(install.error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={install.isRunning}>Record installation</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
