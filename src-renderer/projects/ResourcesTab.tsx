import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import GroupsIcon from '@mui/icons-material/Groups';
import {
  Alert, Box, Button, IconButton, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ProjectDocument } from '../../src-shared/projects/project-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { formatDay, todayLocal } from '../tasks/task-labels';
import { AllocationDialog } from './AllocationDialog';
import { label } from './project-labels';
import { UtilisationTable } from './UtilisationTable';
import { DateField } from '../format/DateField';

const mondayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Allocations of people, equipment and material, and the team's utilisation per week. */
export function ResourcesTab({ project, canManage }: { project: ProjectDocument; canManage: boolean }) {
  const allocations = useLiveQuery('allocations/list', { projectId: project.id });
  const remove = useCommand('plan-items/remove');
  const [isAdding, setIsAdding] = useState(false);
  const initialStart = mondayOf(project.startDate ?? todayLocal());
  const [range, setRange] = useState({ start: initialStart, end: plusDays(initialStart, 41) });
  const utilisation = useLiveQuery('utilisation/team', { projectId: project.id, start: range.start, end: range.end });
  const list = allocations.data ?? [];
  return (
    <Stack spacing={3}>
      <Stack spacing={1.5}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>Allocations</Typography>
          {canManage && <Button variant="contained" startIcon={<AddIcon />} onClick={() => setIsAdding(true)}>New allocation</Button>}
        </Stack>
        {(allocations.error ?? remove.error) && <Alert severity="error">{errorText(allocations.error ?? remove.error)}</Alert>}
        {!allocations.isLoading && list.length === 0 && <EmptySection icon={<GroupsIcon />} title="Nothing allocated yet" text="Allocate people, equipment and materials before starting." />}
        {list.length > 0 && (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Allocations">
              <TableHead><TableRow><TableCell>Resource</TableCell><TableCell>Type</TableCell><TableCell>Amount</TableCell><TableCell>Period</TableCell><TableCell>Task</TableCell><TableCell /></TableRow></TableHead>
              <TableBody>
                {list.map(({ allocation: a, resourceName, taskTitle }) => (
                  <TableRow key={a.id} data-testid="allocation-row">
                    <TableCell>{resourceName}</TableCell>
                    <TableCell>{label(a.data.resourceType)}</TableCell>
                    <TableCell>{a.data.resourceType === 'material' ? `${a.data.quantity} ${a.data.unit}` : `${a.data.hours} h`}</TableCell>
                    <TableCell>{formatDay(a.data.periodStart)} – {formatDay(a.data.periodEnd)}</TableCell>
                    <TableCell>{taskTitle ?? '—'}</TableCell>
                    <TableCell padding="none">{canManage && <Tooltip title="Remove"><IconButton size="small" aria-label={`Remove allocation ${resourceName}`} onClick={() => void remove.run({ id: a.id })}><DeleteOutlinedIcon fontSize="small" /></IconButton></Tooltip>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Stack>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>Team utilisation</Typography>
          <DateField size="small" label="From" value={range.start} onChange={(day) => day && setRange({ ...range, start: day })} />
          <DateField size="small" label="To" value={range.end} onChange={(day) => day && setRange({ ...range, end: day })} />
        </Stack>
        <Typography variant="caption" color="text.secondary">Allocated hours against capacity across all projects: each person's working hours less public holidays and approved leave (8 h Monday–Friday without an employee record); red marks over-allocation.</Typography>
        {utilisation.error && <Alert severity="error">{errorText(utilisation.error)}</Alert>}
        {utilisation.data && <UtilisationTable view={utilisation.data} />}
        <Box />
      </Stack>
      <AllocationDialog projectId={project.id} isOpen={isAdding} onClose={() => setIsAdding(false)} />
    </Stack>
  );
}
