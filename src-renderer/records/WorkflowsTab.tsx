import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { InstanceTable } from '../workflows/InstanceTable';
import { StartWorkflowDialog } from '../workflows/StartWorkflowDialog';
import { useWorkflowNav } from '../workflows/use-workflow-nav';
import type { RecordTabProps } from './record-tabs';

/**
 * The workflows run about this record (instances whose entity is this record: entityType = the
 * kind, entityId = the record's id), and "Start workflow" offering the kind's workflows.
 */
export function WorkflowsTab({ record, kind }: RecordTabProps) {
  const instances = useLiveQuery('workflows/instances/list', { entityType: kind.kind, entityId: record.id });
  const nav = useWorkflowNav();
  const [isStarting, setStarting] = useState(false);
  const list = instances.data ?? [];
  const about = { entityType: kind.kind, entityId: record.id, label: `${kind.label} ${record.number || record.title}`, codes: kind.workflows ?? [] };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>
          {instances.isLoading ? '' : list.length === 0 ? `No workflow has run for this ${kind.label.toLowerCase()} yet.` : `${list.length} workflow${list.length === 1 ? '' : 's'}`}
        </Typography>
        <Button variant="outlined" startIcon={<PlayArrowIcon />} onClick={() => setStarting(true)}>Start workflow</Button>
      </Stack>
      {instances.error && <Alert severity="error">{errorText(instances.error)}</Alert>}
      {list.length > 0 && <InstanceTable instances={list} onOpen={nav.openInstance} showAbout={false} />}
      <StartWorkflowDialog isOpen={isStarting} about={about} onClose={() => setStarting(false)} onStarted={(id) => { setStarting(false); nav.openInstance(id); }} />
    </Stack>
  );
}
