import { Stack, TextField } from '@mui/material';
import type { EquipmentLocation } from '../../src-shared/equipment/equipment-kind';

export const emptyLocation: EquipmentLocation = { site: '', building: '', room: '', bench: '' };

/** Site, building, room and bench of an instrument. */
export function LocationFields({ value, onChange }: { value: EquipmentLocation; onChange: (location: EquipmentLocation) => void }) {
  const field = (key: keyof EquipmentLocation, label: string) => (
    <TextField size="small" label={label} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} fullWidth />
  );
  return (
    <Stack direction="row" spacing={1}>
      {field('site', 'Site')}
      {field('building', 'Building')}
      {field('room', 'Room')}
      {field('bench', 'Bench')}
    </Stack>
  );
}
