import AccountTreeIcon from '@mui/icons-material/AccountTree';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
  Alert, Box, Button, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import { useDeferredValue, useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { InstanceFilters, noFilter, type InstanceFilter } from './InstanceFilters';
import { InstanceStatusChip } from './InstanceStatusChip';
import { LocalTime } from './LocalTime';
import { SlaChip } from './SlaChip';
import { StartWorkflowDialog } from './StartWorkflowDialog';
import { useRoleNames } from './use-role-names';
import { useWorkflowNav } from './use-workflow-nav';
import { aboutText } from './workflow-labels';

/** Running and finished instances, newest first, with filters and "Start workflow". */
export function InstancesList() {
  const [filter, setFilter] = useState<InstanceFilter>(noFilter);
  // Typing in the record fields re-subscribes per keystroke otherwise.
  const deferred = useDeferredValue(filter);
  const instances = useLiveQuery('workflows/instances/list', {
    ...(deferred.code ? { code: deferred.code } : {}),
    ...(deferred.status ? { status: deferred.status } : {}),
    ...(deferred.slaState ? { slaState: deferred.slaState } : {}),
    ...(deferred.entityType.trim() ? { entityType: deferred.entityType.trim() } : {}),
    ...(deferred.entityId.trim() ? { entityId: deferred.entityId.trim() } : {}),
  });
  const nav = useWorkflowNav();
  const roleName = useRoleNames();
  const [isStarting, setStarting] = useState(false);
  const list = instances.data ?? [];
  const isFiltered = JSON.stringify(filter) !== JSON.stringify(noFilter);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Instances</Typography>
        <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => setStarting(true)}>Start workflow</Button>
      </Stack>
      <InstanceFilters value={filter} onChange={setFilter} />
      {instances.isLoading && <LinearProgress aria-label="Loading instances" />}
      {instances.error && <Alert severity="error">{errorText(instances.error)}</Alert>}
      {!instances.isLoading && !instances.error && list.length === 0 && (
        <EmptySection icon={<AccountTreeIcon />} title={isFiltered ? 'No instance matches these filters' : 'No workflows started yet'}
          text={isFiltered ? 'Change or clear the filters to see more.' : 'Each time a workflow is started for a record — a purchase, a leave request, a CAPA — it is listed here with where it stands.'}
          action={isFiltered ? <Button onClick={() => setFilter(noFilter)}>Clear filters</Button> : <Button variant="outlined" onClick={() => setStarting(true)}>Start a workflow</Button>} />
      )}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Instances">
            <TableHead>
              <TableRow>
                <TableCell>Workflow</TableCell><TableCell>About</TableCell><TableCell>Status</TableCell><TableCell>Current steps</TableCell>
                <TableCell>SLA</TableCell><TableCell>Started</TableCell><TableCell>Updated</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((i) => (
                <TableRow key={i.id} hover data-testid="instance-row" sx={{ cursor: 'pointer' }} onClick={() => nav.openInstance(i.id)}
                  tabIndex={0} onKeyDown={(e) => { if (e.key === 'Enter') nav.openInstance(i.id); }}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>{i.workflowName}</Typography>
                    <Typography variant="caption" color="text.secondary">{i.code} v{i.definitionVersion}</Typography>
                  </TableCell>
                  <TableCell sx={i.record ? {} : { fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{i.record ? `${aboutText(i)} · ${i.record.statusLabel}` : `${i.entityType} ${i.entityId}`}</TableCell>
                  <TableCell><InstanceStatusChip status={i.status} /></TableCell>
                  <TableCell>
                    {i.activeSteps.length === 0 ? '—' : i.activeSteps.map((s) => (
                      <Box key={s.token}>{s.stepName}<Typography component="span" variant="caption" color="text.secondary">{' · '}{[...s.assignees.users.map((u) => u.name), ...s.assignees.roles.map(roleName)].join(', ')}</Typography></Box>
                    ))}
                  </TableCell>
                  <TableCell><SlaChip state={i.slaState} /></TableCell>
                  <TableCell><LocalTime iso={i.startedAt} /><Typography variant="caption" color="text.secondary" component="div">{i.startedBy.name}</Typography></TableCell>
                  <TableCell><LocalTime iso={i.updatedAt} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <StartWorkflowDialog isOpen={isStarting} onClose={() => setStarting(false)} onStarted={(id) => { setStarting(false); nav.openInstance(id); }} />
    </Stack>
  );
}
