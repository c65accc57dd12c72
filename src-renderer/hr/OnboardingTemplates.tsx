import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { onboardingRoles, type OnboardingItem, type OnboardingWho } from '../../src-shared/hr/onboarding-checklist-kind';
import type { OnboardingTemplateRow } from '../../src-shared/hr/onboarding-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { usePeople } from '../records/use-people';
import { NewNamedRecord } from './NewNamedRecord';

const whoLabel = (who: OnboardingWho) => onboardingRoles.find((r) => r.value === who)?.label ?? who;
const whenText = (item: OnboardingItem) => {
  const unit = item.isWorkingDays ? 'working day' : 'day';
  if (item.days === 0) return item.isWorkingDays ? 'First working day' : 'Start date';
  const n = Math.abs(item.days);
  return `${n} ${unit}${n === 1 ? '' : 's'} ${item.days < 0 ? 'before' : 'after'} the start`;
};

/**
 * HR's onboarding checklist templates (`onboarding_checklist` records): a name, who does the IT
 * lines, and lines for HR, IT, the manager and the new hire, each due days before or after the
 * start. Every change is a `records/create` or `records/update`, judged by the kind.
 */
export function OnboardingTemplates({ templates, canEdit }: { templates: OnboardingTemplateRow[]; canEdit: boolean }) {
  const [chosen, setChosen] = useState('');
  const current = templates.find((t) => t.id === chosen) ?? templates[0];
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        {templates.length > 0 && (
          <TextField select size="small" label="Checklist" value={current?.id ?? ''} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 240 }}>
            {templates.map((t) => <MenuItem key={t.id} value={t.id}>{t.data.name}</MenuItem>)}
          </TextField>
        )}
        {canEdit && <NewNamedRecord kind="onboarding_checklist" field="name" data={{ items: [] }} label="New checklist" help="e.g. Every new starter" buttonLabel="Add checklist" onCreated={setChosen} />}
      </Stack>
      {templates.length === 0 && <Typography color="text.secondary">No onboarding checklist yet{canEdit ? ': add the first one.' : '.'}</Typography>}
      {current && <TemplateLines template={current} canEdit={canEdit} />}
    </Stack>
  );
}

function TemplateLines({ template, canEdit }: { template: OnboardingTemplateRow; canEdit: boolean }) {
  const update = useCommand('records/update');
  const { people, nameOf } = usePeople();
  const [title, setTitle] = useState('');
  const [who, setWho] = useState<OnboardingWho>('hr');
  const [days, setDays] = useState('0');
  const [isWorkingDays, setWorkingDays] = useState(true);
  const { items } = template.data;
  const save = (data: Record<string, unknown>) => update.run({ id: template.id, data });
  const add = async () => {
    const id = `l${Math.max(0, ...items.map((i) => Number(i.id.slice(1)) || 0)) + 1}`;
    const result = await save({ items: [...items, { id, title, who, days: Number(days), isWorkingDays }] });
    if (result.ok) { setTitle(''); setDays('0'); }
  };
  return (
    <Stack spacing={1.5}>
      {update.error && <Alert severity="error" data-testid="onboarding-refusal">{errorText(update.error)}</Alert>}
      <TextField select size="small" label="IT lines by" value={template.data.itPersonId} disabled={!canEdit} onChange={(e) => void save({ itPersonId: e.target.value })} sx={{ maxWidth: 320 }}
        helperText={template.data.itPersonId ? undefined : 'Choose who prepares accounts and equipment before adding IT lines.'}>
        <MenuItem value="">Nobody yet</MenuItem>
        {people.filter((p) => p.isActive || p.id === template.data.itPersonId).map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
      </TextField>
      {items.length === 0 ? <Typography color="text.secondary">No lines in {template.data.name} yet.</Typography> : (
        <Paper variant="outlined">
          <Table size="small" aria-label={`Lines of ${template.data.name}`}>
            <TableHead><TableRow><TableCell>What</TableCell><TableCell>Who</TableCell><TableCell>When</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {[...items].sort((a, b) => a.days - b.days).map((item) => (
                <TableRow key={item.id} data-testid="onboarding-line">
                  <TableCell>{item.title}</TableCell>
                  <TableCell>{item.who === 'it' && template.data.itPersonId ? `IT (${nameOf(template.data.itPersonId) ?? 'someone no longer here'})` : whoLabel(item.who)}</TableCell>
                  <TableCell>{whenText(item)}</TableCell>
                  <TableCell padding="none">
                    {canEdit && (
                      <Tooltip title="Remove">
                        <IconButton size="small" aria-label={`Remove ${item.title}`} onClick={() => void save({ items: items.filter((i) => i.id !== item.id) })} disabled={update.isRunning}><DeleteOutlinedIcon fontSize="small" /></IconButton>
                      </Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {canEdit && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField size="small" label="Line" value={title} onChange={(e) => setTitle(e.target.value)} sx={{ minWidth: 260 }} />
          <TextField select size="small" label="Who" value={who} onChange={(e) => setWho(e.target.value as OnboardingWho)} sx={{ minWidth: 130 }}>
            {onboardingRoles.map((r) => <MenuItem key={r.value} value={r.value}>{r.label}</MenuItem>)}
          </TextField>
          <TextField size="small" type="number" label="Days from the start" value={days} onChange={(e) => setDays(e.target.value)} sx={{ width: 170 }} helperText="Negative: before it" />
          <FormControlLabel control={<Checkbox checked={isWorkingDays} onChange={(e) => setWorkingDays(e.target.checked)} />} label="Working days" />
          <Button variant="contained" onClick={() => void add()} disabled={update.isRunning || !title.trim() || !/^-?\d+$/.test(days)}>Add line</Button>
        </Stack>
      )}
    </Stack>
  );
}
