import { Alert, Button, Stack, Typography } from '@mui/material';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { newCommandId } from '../workflows/command-id';
import { codeLabel } from '../../src-shared/format/code-label';

/**
 * The approval of a submitted record runs as a workflow bound to it: start it here, decide it in
 * Workflows → My work (with an electronic signature), then bring its decision back to the record.
 * When workflows act on records themselves, the last step happens on its own.
 */
export function WorkflowApproval({ recordId, kind, code }: { recordId: string; kind: string; code: string }) {
  const { go } = useNavigation();
  const start = useCommand('workflows/instances/start');
  const apply = useCommand('equipment/apply-workflow-decision');
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">Awaiting approval: the {codeLabel(code).toLowerCase()} workflow decides.</Typography>
      <Stack direction="row" spacing={1}>
        <Button size="small" variant="outlined" disabled={start.isRunning}
          onClick={async () => { if ((await start.run({ commandId: newCommandId(), code, entityType: kind, entityId: recordId })).ok) go('workflows'); }}>Start approval</Button>
        <Button size="small" variant="outlined" disabled={apply.isRunning} onClick={() => void apply.run({ recordId })}>Apply the approval’s decision</Button>
      </Stack>
      {start.error && <Alert severity="error">{errorText(start.error)}</Alert>}
      {apply.error && <Alert severity="info">{errorText(apply.error)}</Alert>}
    </Stack>
  );
}
