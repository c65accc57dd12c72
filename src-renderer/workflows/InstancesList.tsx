import AccountTreeIcon from '@mui/icons-material/AccountTree';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { InstanceFilters, noFilter, type InstanceFilter } from './InstanceFilters';
import { InstanceTable } from './InstanceTable';
import { StartWorkflowDialog } from './StartWorkflowDialog';
import { useWorkflowNav } from './use-workflow-nav';

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
      {list.length > 0 && <InstanceTable instances={list} onOpen={nav.openInstance} />}
      <StartWorkflowDialog isOpen={isStarting} onClose={() => setStarting(false)} onStarted={(id) => { setStarting(false); nav.openInstance(id); }} />
    </Stack>
  );
}
