import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Alert, Autocomplete, Box, Button, IconButton, Link, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { Deliverable } from '../../src-shared/projects/plan-item-model';
import { deliverableStatusSchema, deliverableTypeSchema } from '../../src-shared/projects/plan-item-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { formatDay } from '../tasks/task-labels';
import { PlanItemDialog, errorProps } from './PlanItemDialog';
import { label } from './project-labels';
import { DateField } from '../format/DateField';

function DeliverableDialog({ projectId, item, isOpen, onClose }: { projectId: string; item: Deliverable | null; isOpen: boolean; onClose: () => void }) {
  const create = useCommand('plan-items/create');
  const update = useCommand('plan-items/update');
  const people = useLiveQuery('people/list', { includeInactive: false });
  const milestones = useLiveQuery('milestones/list', { projectId });
  const blank = { title: '', description: '', type: 'report' as Deliverable['data']['type'], ownerId: '', dueDate: '', link: '', milestoneId: '' };
  const [v, setV] = useState(blank);
  useEffect(() => {
    if (!isOpen) return;
    setV(item ? { title: item.title, description: item.data.description, type: item.data.type, ownerId: item.data.ownerId ?? '', dueDate: item.data.dueDate ?? '', link: item.data.link ?? '', milestoneId: item.data.milestoneId ?? '' } : blank);
    create.clearError();
    update.clearError();
  }, [isOpen, item]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when opened
  const error = item ? update.error : create.error;
  const set = (field: keyof typeof blank) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [field]: e.target.value }));
  const setDay = (field: keyof typeof blank) => (day: string) => setV((x) => ({ ...x, [field]: day }));
  const save = async () => {
    const data = {
      description: v.description, type: v.type, status: item?.data.status ?? 'planned',
      ...(v.ownerId ? { ownerId: v.ownerId } : {}), ...(v.dueDate ? { dueDate: v.dueDate } : {}), ...(v.link ? { link: v.link } : {}), ...(v.milestoneId ? { milestoneId: v.milestoneId } : {}),
    };
    const result = item ? await update.run({ kind: 'deliverable', id: item.id, title: v.title, data }) : await create.run({ kind: 'deliverable', projectId, title: v.title, data });
    if (result.ok) onClose();
  };
  const list = people.data ?? [];
  return (
    <PlanItemDialog title={item ? 'Edit deliverable' : 'New deliverable'} isOpen={isOpen} isRunning={create.isRunning || update.isRunning} error={error} onCancel={onClose} onSubmit={() => void save()} shownFields={['title', 'data.link', 'data.dueDate']}>
      <TextField label="Deliverable" value={v.title} onChange={set('title')} autoFocus {...errorProps(error, 'title')} />
      <Stack direction="row" spacing={2}>
        <TextField select label="Type" value={v.type} onChange={set('type')} fullWidth>{deliverableTypeSchema.options.map((t) => <MenuItem key={t} value={t}>{label(t)}</MenuItem>)}</TextField>
        <DateField label="Due" value={v.dueDate} onChange={setDay('dueDate')} fullWidth {...errorProps(error, 'data.dueDate')} />
      </Stack>
      <Stack direction="row" spacing={2}>
        <Autocomplete sx={{ flexGrow: 1 }} options={list} value={list.find((p) => p.id === v.ownerId) ?? null} getOptionLabel={(p) => p.name}
          onChange={(_e, p) => setV((x) => ({ ...x, ownerId: p?.id ?? '' }))} renderInput={(params) => <TextField {...params} label="Owner" />} />
        <TextField select label="Milestone" value={v.milestoneId} onChange={set('milestoneId')} sx={{ minWidth: 200 }}>
          <MenuItem value="">None</MenuItem>
          {(milestones.data ?? []).map((m) => <MenuItem key={m.milestone.id} value={m.milestone.id}>{m.milestone.title}</MenuItem>)}
        </TextField>
      </Stack>
      <TextField label="Link (http or https)" value={v.link} onChange={set('link')} {...errorProps(error, 'data.link', 'Where the output lives, e.g. the document system')} />
      <TextField label="Description" value={v.description} onChange={set('description')} multiline minRows={2} />
    </PlanItemDialog>
  );
}

export function DeliverablesTab({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const deliverables = useLiveQuery('deliverables/list', { projectId });
  const people = useLiveQuery('people/list', { includeInactive: true });
  const setStatus = useCommand('deliverables/set-status');
  const [editing, setEditing] = useState<{ item: Deliverable | null } | null>(null);
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const list = deliverables.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row"><Box sx={{ flexGrow: 1 }} />{canManage && <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ item: null })}>New deliverable</Button>}</Stack>
      {(deliverables.error ?? setStatus.error) && <Alert severity="error">{errorText(deliverables.error ?? setStatus.error)}</Alert>}
      {!deliverables.isLoading && list.length === 0 && <EmptySection icon={<Inventory2Icon />} title="No deliverables yet" text="Track the project's outputs: reports, data sets, methods, samples." />}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Deliverables">
            <TableHead><TableRow><TableCell>Deliverable</TableCell><TableCell>Type</TableCell><TableCell>Owner</TableCell><TableCell>Due</TableCell><TableCell>Status</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {list.map((d) => (
                <TableRow key={d.id} data-testid="deliverable-row">
                  <TableCell>{d.title}{d.data.link && <Link href={d.data.link} target="_blank" rel="noopener noreferrer" sx={{ ml: 1 }} aria-label={`Open ${d.title}`}><OpenInNewIcon sx={{ fontSize: 14 }} /></Link>}</TableCell>
                  <TableCell>{label(d.data.type)}</TableCell>
                  <TableCell>{d.data.ownerId ? (names.get(d.data.ownerId) ?? '—') : '—'}</TableCell>
                  <TableCell>{formatDay(d.data.dueDate)}</TableCell>
                  <TableCell>
                    <TextField select size="small" variant="standard" value={d.data.status} onChange={(e) => void setStatus.run({ id: d.id, status: e.target.value as Deliverable['data']['status'] })} slotProps={{ htmlInput: { 'aria-label': `Status of ${d.title}` } }}>
                      {deliverableStatusSchema.options.map((s) => <MenuItem key={s} value={s}>{label(s)}</MenuItem>)}
                    </TextField>
                  </TableCell>
                  <TableCell padding="none">{canManage && <Tooltip title="Edit"><IconButton size="small" aria-label={`Edit ${d.title}`} onClick={() => setEditing({ item: d })}><EditIcon fontSize="small" /></IconButton></Tooltip>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <DeliverableDialog projectId={projectId} item={editing?.item ?? null} isOpen={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
