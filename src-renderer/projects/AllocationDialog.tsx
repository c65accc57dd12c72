import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { DateField } from '../format/DateField';

type ResourceType = 'person' | 'equipment' | 'material';
const blank = { title: '', resourceType: 'person' as ResourceType, personId: '', equipmentId: '', materialName: '', quantity: '', unit: '', hours: '', periodStart: '', periodEnd: '', taskId: '' };

/** Books a person, an instrument or material for the project over a period. */
export function AllocationDialog({ projectId, isOpen, onClose }: { projectId: string; isOpen: boolean; onClose: () => void }) {
  const create = useCommand('plan-items/create');
  const people = useLiveQuery('people/list', { includeInactive: false });
  const tasks = useLiveQuery('tasks/list', { projectId, limit: 5000 });
  const [v, setV] = useState(blank);
  useEffect(() => {
    if (isOpen) {
      setV(blank);
      create.clearError();
    }
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const set = (field: keyof typeof blank) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [field]: e.target.value }));
  const setDay = (field: keyof typeof blank) => (day: string) => setV((x) => ({ ...x, [field]: day }));
  const list = people.data ?? [];
  const save = async () => {
    const period = { periodStart: v.periodStart, periodEnd: v.periodEnd, ...(v.taskId ? { taskId: v.taskId } : {}) };
    const data =
      v.resourceType === 'person' ? { resourceType: 'person' as const, personId: v.personId, hours: Number(v.hours), ...period }
        : v.resourceType === 'equipment' ? { resourceType: 'equipment' as const, equipmentId: v.equipmentId, hours: Number(v.hours), ...period }
          : { resourceType: 'material' as const, materialName: v.materialName, quantity: Number(v.quantity), unit: v.unit, ...period };
    const title = v.title || (v.resourceType === 'person' ? (list.find((p) => p.id === v.personId)?.name ?? 'Person') : v.resourceType === 'equipment' ? v.equipmentId : v.materialName);
    const result = await create.run({ kind: 'resource_allocation', projectId, title, data });
    if (result.ok) onClose();
  };
  const error = create.error;
  return (
    <PlanItemDialog title="New allocation" isOpen={isOpen} isRunning={create.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()}
      shownFields={['data.personId', 'data.hours', 'data.periodStart', 'data.periodEnd', 'data.quantity', 'data.unit']}>
      <TextField select label="Resource" value={v.resourceType} onChange={set('resourceType')}>
        <MenuItem value="person">Team member</MenuItem><MenuItem value="equipment">Equipment</MenuItem><MenuItem value="material">Material</MenuItem>
      </TextField>
      {v.resourceType === 'person' && (
        <Autocomplete options={list} value={list.find((p) => p.id === v.personId) ?? null} getOptionLabel={(p) => p.name}
          onChange={(_e, p) => setV((x) => ({ ...x, personId: p?.id ?? '' }))} renderInput={(params) => <TextField {...params} label="Person" {...errorProps(error, 'data.personId')} />} />
      )}
      {v.resourceType === 'equipment' && <TextField label="Equipment id" value={v.equipmentId} onChange={set('equipmentId')} helperText="e.g. HPLC-02" />}
      {v.resourceType === 'material' && (
        <Stack direction="row" spacing={2}>
          <TextField label="Material" value={v.materialName} onChange={set('materialName')} fullWidth />
          <TextField label="Quantity" type="number" value={v.quantity} onChange={set('quantity')} {...errorProps(error, 'data.quantity')} />
          <TextField label="Unit" value={v.unit} onChange={set('unit')} sx={{ width: 100 }} {...errorProps(error, 'data.unit')} />
        </Stack>
      )}
      {v.resourceType !== 'material' && <TextField label="Hours over the period" type="number" value={v.hours} onChange={set('hours')} {...errorProps(error, 'data.hours')} />}
      <Stack direction="row" spacing={2}>
        <DateField label="From" value={v.periodStart} onChange={setDay('periodStart')} fullWidth {...errorProps(error, 'data.periodStart')} />
        <DateField label="To" value={v.periodEnd} min={v.periodStart || undefined} onChange={setDay('periodEnd')} fullWidth {...errorProps(error, 'data.periodEnd')} />
      </Stack>
      <TextField select label="For task (optional)" value={v.taskId} onChange={set('taskId')}>
        <MenuItem value="">The whole project</MenuItem>
        {(tasks.data?.rows ?? []).map((r) => <MenuItem key={r.task.id} value={r.task.id}>{r.task.title}</MenuItem>)}
      </TextField>
      <TextField label="Label (optional)" value={v.title} onChange={set('title')} />
    </PlanItemDialog>
  );
}
