import { Autocomplete, Chip, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { DateField } from '../format/DateField';

const WIP_STATUSES = [['in_progress', 'In progress'], ['in_review', 'In review']] as const;

/** The project's own fields: dates, owner, team, budget, tags, WIP limits and labour cost rates. */
export function ProjectEditDialog({ project, isOpen, onClose }: { project: ProjectDocument; isOpen: boolean; onClose: () => void }) {
  const update = useCommand('projects/update');
  const people = useLiveQuery('people/list', { includeInactive: false });
  const init = () => ({
    name: project.name, description: project.description, startDate: project.startDate ?? '', endDate: project.endDate ?? '', ownerId: project.ownerId ?? project.createdBy,
    teamIds: project.teamIds ?? [], budget: project.budget ? String(project.budget.amountMinor / 100) : '', currency: project.budget?.currency ?? 'EUR', tags: project.tags ?? [],
    wip: Object.fromEntries(WIP_STATUSES.map(([s]) => [s, project.wipLimits?.[s] ? String(project.wipLimits[s]) : ''])) as Record<string, string>,
    rates: Object.fromEntries((project.costRates ?? []).map((r) => [r.personId, String(r.hourlyRateMinor / 100)])) as Record<string, string>,
  });
  const [v, setV] = useState(init);
  useEffect(() => {
    if (isOpen) {
      setV(init());
      update.clearError();
    }
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const list = people.data ?? [];
  const byId = new Map(list.map((p) => [p.id, p]));
  const ratePeople = [...new Set([v.ownerId, ...v.teamIds])].filter((id) => byId.has(id));
  const save = async () => {
    const wipLimits = Object.fromEntries(Object.entries(v.wip).filter(([, n]) => n !== '').map(([s, n]) => [s, Number(n)]));
    const costRates = Object.entries(v.rates).filter(([, r]) => r !== '').map(([personId, r]) => ({ personId, hourlyRateMinor: Math.round(Number(r) * 100), currency: v.currency }));
    const result = await update.run({
      id: project.id, name: v.name, description: v.description, startDate: v.startDate || null, endDate: v.endDate || null, ownerId: v.ownerId, teamIds: v.teamIds, tags: v.tags,
      budget: v.budget === '' ? null : { amountMinor: Math.round(Number(v.budget) * 100), currency: v.currency.toUpperCase() }, wipLimits, costRates,
    });
    if (result.ok) onClose();
  };
  const error = update.error;
  return (
    <PlanItemDialog title={`Edit ${project.code}`} isOpen={isOpen} isRunning={update.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()} shownFields={['name', 'endDate', 'budget.currency', 'ownerId']}>
      <TextField label="Name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} {...errorProps(error, 'name')} />
      <TextField label="Description" value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} multiline minRows={2} />
      <Stack direction="row" spacing={2}>
        <DateField label="Start" value={v.startDate} onChange={(day) => setV({ ...v, startDate: day })} fullWidth />
        <DateField label="End" value={v.endDate} min={v.startDate || undefined} onChange={(day) => setV({ ...v, endDate: day })} fullWidth {...errorProps(error, 'endDate')} />
      </Stack>
      <Autocomplete options={list} value={byId.get(v.ownerId) ?? null} getOptionLabel={(p) => p.name}
        onChange={(_e, p) => p && setV({ ...v, ownerId: p.id })} renderInput={(params) => <TextField {...params} label="Owner" {...errorProps(error, 'ownerId', 'Manages the project with the administrators')} />} />
      <Autocomplete multiple options={list} value={v.teamIds.map((id) => byId.get(id)).filter((p) => p !== undefined)} getOptionLabel={(p) => p.name} isOptionEqualToValue={(a, b) => a.id === b.id}
        onChange={(_e, team) => setV({ ...v, teamIds: team.map((p) => p.id) })}
        renderValue={(team, getItemProps) => team.map((p, index) => <Chip size="small" label={p.name} {...getItemProps({ index })} key={p.id} />)}
        renderInput={(params) => <TextField {...params} label="Team" helperText="The team creates and changes the project's tasks" />} />
      <Stack direction="row" spacing={2}>
        <TextField label="Budget" type="number" value={v.budget} onChange={(e) => setV({ ...v, budget: e.target.value })} fullWidth />
        <TextField label="Currency" value={v.currency} onChange={(e) => setV({ ...v, currency: e.target.value.toUpperCase() })} sx={{ width: 120 }} {...errorProps(error, 'budget.currency')} />
      </Stack>
      <Autocomplete multiple freeSolo options={[] as string[]} value={v.tags} onChange={(_e, tags) => setV({ ...v, tags: tags as string[] })}
        renderValue={(tags, getItemProps) => tags.map((t, index) => <Chip size="small" label={t} {...getItemProps({ index })} key={t} />)}
        renderInput={(params) => <TextField {...params} label="Tags" placeholder="Type and press Enter" />} />
      <Typography variant="subtitle2">Kanban WIP limits</Typography>
      <Stack direction="row" spacing={2}>
        {WIP_STATUSES.map(([s, text]) => <TextField key={s} label={text} type="number" size="small" value={v.wip[s] ?? ''} onChange={(e) => setV({ ...v, wip: { ...v.wip, [s]: e.target.value } })} />)}
      </Stack>
      <Typography variant="subtitle2">Labour cost per hour ({v.currency})</Typography>
      {ratePeople.map((id) => (
        <TextField key={id} size="small" type="number" label={byId.get(id)?.name} value={v.rates[id] ?? ''} onChange={(e) => setV({ ...v, rates: { ...v.rates, [id]: e.target.value } })} />
      ))}
    </PlanItemDialog>
  );
}
