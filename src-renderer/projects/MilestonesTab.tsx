import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import FlagIcon from '@mui/icons-material/Flag';
import {
  Alert, Box, Button, Checkbox, Chip, FormControlLabel, IconButton, Paper, Stack, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Milestone } from '../../src-shared/projects/plan-item-model';
import type { MilestoneView } from '../../src-shared/projects/plan-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { formatDay, statusColor, statusLabel } from '../tasks/task-labels';
import { useTaskDrawer } from '../tasks/task-drawer-store';
import { MilestoneDialog } from './MilestoneDialog';

const stateChip = { reached: { label: 'Reached', color: 'success' }, pending: { label: 'Pending', color: 'default' }, missed: { label: 'Missed', color: 'error' } } as const;

function MilestoneCard({ view, canManage, onEdit, onRemove }: { view: MilestoneView; canManage: boolean; onEdit: () => void; onRemove: () => void }) {
  const tick = useCommand('milestones/set-criterion');
  const open = useTaskDrawer((s) => s.open);
  const { milestone: m, evaluation } = view;
  const state = stateChip[evaluation.status];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="milestone-card">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <FlagIcon color={evaluation.status === 'missed' ? 'error' : evaluation.status === 'reached' ? 'success' : 'action'} />
        <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>{m.title}</Typography>
        <Chip size="small" label={state.label} color={state.color} data-testid="milestone-state" />
        <Typography variant="body2" color="text.secondary">{formatDay(m.data.dueDate)}{evaluation.status === 'pending' && view.daysLeft >= 0 ? ` · ${view.daysLeft} days left` : ''}</Typography>
        {canManage && <Tooltip title="Edit"><IconButton size="small" aria-label={`Edit ${m.title}`} onClick={onEdit}><EditIcon fontSize="small" /></IconButton></Tooltip>}
        {canManage && <Tooltip title="Remove"><IconButton size="small" aria-label={`Remove ${m.title}`} onClick={onRemove}><DeleteOutlinedIcon fontSize="small" /></IconButton></Tooltip>}
      </Stack>
      {m.data.description && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{m.data.description}</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, mt: 1 }}>
        <Box>
          <Typography variant="overline" color="text.secondary">Criteria</Typography>
          {m.data.completionCriteria.length === 0 && <Typography variant="body2" color="text.secondary">None.</Typography>}
          {m.data.completionCriteria.map((c) => (
            <Box key={c.id}>
              <FormControlLabel label={c.text} control={<Checkbox size="small" checked={c.isMet} onChange={(e) => void tick.run({ id: m.id, criterionId: c.id, isMet: e.target.checked })} />} />
            </Box>
          ))}
          {tick.error && <Alert severity="error">{errorText(tick.error)}</Alert>}
        </Box>
        <Box>
          <Typography variant="overline" color="text.secondary">Linked tasks</Typography>
          {view.linkedTasks.length === 0 && <Typography variant="body2" color="text.secondary">None.</Typography>}
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {view.linkedTasks.map((t) => <Chip key={t.id} size="small" variant="outlined" color={statusColor[t.status]} label={`${t.title} · ${statusLabel[t.status]}`} onClick={() => open(t.id)} />)}
          </Stack>
        </Box>
      </Box>
    </Paper>
  );
}

export function MilestonesTab({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const milestones = useLiveQuery('milestones/list', { projectId });
  const remove = useCommand('plan-items/remove');
  const [editing, setEditing] = useState<{ milestone: Milestone | null } | null>(null);
  const list = milestones.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row"><Box sx={{ flexGrow: 1 }} />{canManage && <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ milestone: null })}>New milestone</Button>}</Stack>
      {milestones.error && <Alert severity="error">{errorText(milestones.error)}</Alert>}
      {remove.error && <Alert severity="error">{errorText(remove.error)}</Alert>}
      {!milestones.isLoading && list.length === 0 && <EmptySection icon={<FlagIcon />} title="No milestones yet" text="Define milestones upfront, each with the criteria and tasks that mark it reached." />}
      {list.map((v) => <MilestoneCard key={v.milestone.id} view={v} canManage={canManage} onEdit={() => setEditing({ milestone: v.milestone })} onRemove={() => void remove.run({ id: v.milestone.id })} />)}
      <MilestoneDialog projectId={projectId} milestone={editing?.milestone ?? null} isOpen={editing !== null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
