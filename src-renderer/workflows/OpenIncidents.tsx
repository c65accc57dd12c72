import BuildIcon from '@mui/icons-material/Build';
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { useState } from 'react';
import type { IncidentView, InstanceDetailView } from '../../src-shared/workflows/workflow-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { newCommandId } from './command-id';
import { LocalTime } from './LocalTime';
import { ResolveIncidentDialog } from './ResolveIncidentDialog';

/**
 * Every open incident of an instance, each with the step it stopped (the other steps go on), and
 * for administrators a way to resolve each one on its own.
 */
export function OpenIncidents({ detail }: { detail: InstanceDetailView }) {
  const resolve = useCommand('workflows/instances/resolve-incident');
  const [resolving, setResolving] = useState<IncidentView | null>(null);
  const { instance } = detail;
  const incidents = instance.incidents ?? [];
  if (incidents.length === 0) return null;
  const others = incidents.length > 1 ? ' The other steps go on meanwhile.' : '';
  return (
    <Stack spacing={1} component="section" aria-label="Open incidents">
      {incidents.map((incident) => (
        <Alert
          key={incident.token}
          severity="warning"
          data-testid="open-incident"
          action={
            detail.canResolveIncident && (
              <Button size="small" color="inherit" startIcon={<BuildIcon />} onClick={() => { resolve.clearError(); setResolving(incident); }}>
                Resolve
              </Button>
            )
          }
        >
          <AlertTitle>Stopped at {incident.stepName}</AlertTitle>
          {incident.message} Since <LocalTime iso={incident.at} />.{' '}
          {detail.canResolveIncident ? `Resolve it to let this step go on.${others}` : `An administrator can resolve this.${others}`}
        </Alert>
      ))}
      <ResolveIncidentDialog
        isOpen={resolving !== null}
        message={resolving ? `Stopped at ${resolving.stepName}: ${resolving.message}` : ''}
        steps={detail.definition.definition.steps}
        isRunning={resolve.isRunning}
        error={resolve.error}
        onCancel={() => setResolving(null)}
        onSubmit={async (values) => {
          if (!resolving) return;
          const result = await resolve.run({
            commandId: newCommandId(),
            instanceId: instance.id,
            incident: resolving.token,
            ...(values.goTo ? { goTo: values.goTo } : {}),
            ...(values.comments ? { comments: values.comments } : {}),
          });
          if (result.ok) setResolving(null);
        }}
      />
    </Stack>
  );
}
