import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Chip, LinearProgress, Link, Paper, Stack, Typography } from '@mui/material';
import type { SessionView } from '../../src-shared/auth/auth-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { useRecordNav } from '../records/record-routes';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { ActiveSteps } from './ActiveSteps';
import { FlowDiagram } from './FlowDiagram';
import { InstanceActions } from './InstanceActions';
import { InstanceStatusChip } from './InstanceStatusChip';
import { OpenIncidents } from './OpenIncidents';
import { LocalTime } from './LocalTime';
import { SlaChip } from './SlaChip';
import { Timeline } from './Timeline';
import { useWorkflowNav } from './use-workflow-nav';
import { VariablesTable } from './VariablesTable';
import { aboutText } from './workflow-labels';
import { variableText } from './form-value-text';
import { recordKindLabel } from '../../src-shared/records/record-labels';

/** One instance: where it stands, what I may do, its flow with the active steps lit, variables and full history. */
export function InstancePage({ instanceId, session }: { instanceId: string; session: SessionView }) {
  const detail = useLiveQuery('workflows/instances/get', { instanceId });
  // Step form values that name people are shown by name, also of people who have left since.
  const people = useLiveQuery('people/list', { includeInactive: true });
  const nav = useWorkflowNav();
  const records = useRecordNav();
  const back = <Button startIcon={<ArrowBackIcon />} onClick={() => nav.openTab('instances')}>Instances</Button>;
  if (detail.error) {
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        {back}
        <Alert severity="error">{detail.error.code === 'not_found' ? `There is no workflow instance ${instanceId}.` : errorText(detail.error)}</Alert>
      </Stack>
    );
  }
  if (!detail.data) return <LinearProgress aria-label="Loading the instance" />;
  const { instance, definition, timeline } = detail.data;
  const text = variableText(definition.definition, (id) => people.data?.find((p) => p.id === id)?.name);
  const activeIds = instance.activeSteps.map((s) => s.stepId);
  const doneIds = timeline.flatMap((e) => (e.type === 'step_completed' && e.stepId ? [e.stepId] : []));
  return (
    <Stack spacing={2}>
      {/* The back button keeps its width and the chips wrap: a long record title must not run under either. */}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Box sx={{ flexShrink: 0 }}>{back}</Box>
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography variant="h5" component="h2" noWrap>{instance.workflowName}</Typography>
          <Typography variant="body2" color="text.secondary">
            For {instance.record ? (
              <Link component="button" variant="body2" sx={{ display: 'inline', textAlign: 'left', fontWeight: 700, verticalAlign: 'baseline' }} data-testid="instance-record" onClick={() => records.openRecord(instance.entityId, 'workflows')}>
                {aboutText(instance)}
              </Link>
            ) : <b>{recordKindLabel(instance.entityType)} {instance.entityId}</b>} · version {instance.definitionVersion} · started <LocalTime iso={instance.startedAt} /> by {instance.startedBy.name}
            {instance.requestedBy.id !== instance.startedBy.id && ` for ${instance.requestedBy.name}`}
            {instance.endedAt && <> · ended <LocalTime iso={instance.endedAt} /></>}
          </Typography>
        </Box>
        {instance.record && <Chip size="small" variant="outlined" color="primary" label={`${instance.record.kindLabel}: ${instance.record.statusLabel}`} data-testid="record-status" />}
        <InstanceStatusChip status={instance.status} />
        {(instance.status === 'running' || instance.status === 'incident') && <SlaChip state={instance.slaState} />}
        <Chip size="small" variant="outlined" label={instance.id} sx={{ fontFamily: 'monospace' }} />
      </Stack>
      <OpenIncidents detail={detail.data} />
      <RecordConflictNotice collection="workflow_instances" recordId={instance.id} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {instance.activeSteps.length > 0 && <ActiveSteps steps={instance.activeSteps} stoppedTokens={(instance.incidents ?? []).map((incident) => incident.token)} />}
          <InstanceActions detail={detail.data} session={session} />
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="History">
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>History</Typography>
            <Timeline entries={timeline} definition={definition.definition} text={text} />
          </Paper>
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Paper variant="outlined" sx={{ p: 1.5 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>Flow</Typography>
            <FlowDiagram definition={definition.definition} activeStepIds={activeIds} doneStepIds={doneIds} title={`Flow of ${instance.workflowName}`} />
          </Paper>
          <VariablesTable variables={instance.variables} text={text} />
          {/* Files given along the way (a quotation, a signed form): kept on the record the workflow is about, under its scope. */}
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Files">
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>Files</Typography>
            <AttachmentsPanel subjectType="workflow_instances" subjectId={instance.id} />
          </Paper>
        </Stack>
      </Box>
    </Stack>
  );
}
