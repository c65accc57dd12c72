import { Alert, Autocomplete, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { NamedRef } from '../../src-shared/hr/training-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

const formFields = ['data.title', 'data.programme', 'data.validityMonths', 'data.requiredForRoles', 'data.requiredForEquipmentIds', 'data.methods'];

/**
 * HR or a trainer adds a course: how long a completion stays valid, and who must hold it — holders
 * of some roles, users of some instruments (equipment's booking gate then refuses anyone without it
 * valid), and the methods (SOP codes) it qualifies for. Judged by the training_course kind.
 */
export function CourseDialog({ instruments, onClose }: { instruments: readonly NamedRef[]; onClose: () => void }) {
  const create = useCommand('records/create');
  const roles = useLiveQuery('roles/list', {}).data ?? [];
  const [title, setTitle] = useState('');
  const [programme, setProgramme] = useState('');
  const [validityMonths, setValidityMonths] = useState('12');
  const [roleCodes, setRoleCodes] = useState<string[]>([]);
  const [equipmentIds, setEquipmentIds] = useState<string[]>([]);
  const [methods, setMethods] = useState('');
  const fieldError = (field: string) => (create.error?.field === field ? create.error.message : undefined);
  const general = create.error && !formFields.includes(create.error.field ?? '') ? errorText(create.error) : undefined;
  const save = async () => {
    const result = await create.run({
      kind: 'training_course',
      data: {
        title, programme, validityMonths: Number(validityMonths), requiredForRoles: roleCodes, requiredForEquipmentIds: equipmentIds,
        methods: methods.split(',').map((m) => m.trim()).filter(Boolean),
      },
    });
    if (result.ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="course-dialog-title">
      <DialogTitle id="course-dialog-title">New course</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField label="Course" value={title} onChange={(e) => setTitle(e.target.value)} error={Boolean(fieldError('data.title'))} helperText={fieldError('data.title')} />
          <Stack direction="row" spacing={2}>
            <TextField label="Programme" value={programme} onChange={(e) => setProgramme(e.target.value)} fullWidth helperText="Optional, e.g. GMP basics." />
            <TextField type="number" label="Valid for (months)" value={validityMonths} onChange={(e) => setValidityMonths(e.target.value)} fullWidth
              error={Boolean(fieldError('data.validityMonths'))} helperText={fieldError('data.validityMonths') ?? '0 when it never expires.'} />
          </Stack>
          <Autocomplete multiple options={roles} value={roles.filter((r) => roleCodes.includes(r.code))} getOptionLabel={(r) => r.name} isOptionEqualToValue={(a, b) => a.code === b.code}
            onChange={(_e, list) => setRoleCodes(list.map((r) => r.code))}
            renderInput={(params) => <TextField {...params} label="Required for roles" error={Boolean(fieldError('data.requiredForRoles'))} helperText={fieldError('data.requiredForRoles')} />} />
          <Autocomplete multiple options={[...instruments]} value={instruments.filter((i) => equipmentIds.includes(i.id))} getOptionLabel={(i) => i.name} isOptionEqualToValue={(a, b) => a.id === b.id}
            onChange={(_e, list) => setEquipmentIds(list.map((i) => i.id))}
            renderInput={(params) => <TextField {...params} label="Required to use instruments" error={Boolean(fieldError('data.requiredForEquipmentIds'))} helperText={fieldError('data.requiredForEquipmentIds') ?? 'Bookings and use of these instruments need it valid.'} />} />
          <TextField label="Methods" value={methods} onChange={(e) => setMethods(e.target.value)} helperText={fieldError('data.methods') ?? 'SOP codes it qualifies for, separated by commas.'} error={Boolean(fieldError('data.methods'))} />
          {general && <Alert severity="error">{general}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={create.isRunning}>Save course</Button>
      </DialogActions>
    </FormDialog>
  );
}
