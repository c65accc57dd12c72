import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Alert, Box, Button, LinearProgress, List, ListItem, ListItemText, MenuItem, Paper, Stack, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { MigrationInstances } from './MigrationInstances';
import { MigrationStepMapping } from './MigrationStepMapping';
import { useMigration, type MigrationOutcome } from './use-migration';
import { useWorkflowNav } from './use-workflow-nav';

function Outcomes({ outcomes, toVersion, onClose }: { outcomes: MigrationOutcome[]; toVersion: number; onClose: () => void }) {
  const moved = outcomes.filter((o) => o.isMoved).length;
  return (
    <Alert severity={moved === outcomes.length ? 'success' : 'warning'} onClose={onClose} aria-label="Migration result">
      <Typography sx={{ fontWeight: 500 }}>{moved} of {outcomes.length} moved to version {toVersion}.</Typography>
      <List dense disablePadding>
        {outcomes.map((o) => (
          <ListItem key={o.instanceId} disableGutters data-testid="migration-outcome">
            <ListItemText primary={`${o.label}: ${o.isMoved ? 'moved' : 'not moved'}`} secondary={o.isMoved ? undefined : o.message} />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Administrators move running instances of one workflow to another published version: choose the
 * version, say where each active step goes, choose instances, read the plan with its refusals, run.
 */
export function MigrationPage({ code }: { code: string }) {
  const nav = useWorkflowNav();
  const versions = useLiveQuery('workflows/definitions/get', { code });
  const published = (versions.data?.versions ?? []).filter((v) => v.status === 'published');
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const toVersion = picked ?? published[0]?.version;
  const migration = useMigration(code, toVersion);
  const { plan } = migration;
  const name = versions.data?.versions[0]?.name ?? code;

  return (
    <Stack spacing={2} aria-label={`Move running instances of ${name}`} component="section">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={() => nav.openTab('definitions')}>Definitions</Button>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>Move running instances — {name}</Typography>
      </Stack>
      {versions.error && <Alert severity="error">{errorText(versions.error)}</Alert>}
      {versions.data && !versions.data.canManage && <Alert severity="info">Only an administrator can move running instances to another version.</Alert>}
      {versions.data && published.length === 0 && <Alert severity="info">{name} has no published version to move instances to.</Alert>}
      {toVersion !== undefined && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField select size="small" label="Move to version" value={toVersion} onChange={(e) => setPicked(Number(e.target.value))} sx={{ minWidth: 200 }}
              disabled={migration.isRunning}>
              {published.map((v) => <MenuItem key={v.version} value={v.version}>Version {v.version}{v.version === published[0]?.version ? ' (current)' : ''}</MenuItem>)}
            </TextField>
            {plan && (
              <Typography color="text.secondary">
                {plan.runningByVersion.length === 0 ? 'No instance runs another version.' : plan.runningByVersion.map((r) => `${r.count} running on version ${r.version}`).join(', ')}
              </Typography>
            )}
          </Stack>
        </Paper>
      )}
      {migration.planError && <Alert severity="error">{errorText(migration.planError)}</Alert>}
      {migration.isPlanning && !plan && <LinearProgress aria-label="Planning the migration" />}
      {migration.outcomes && toVersion !== undefined && <Outcomes outcomes={migration.outcomes} toVersion={toVersion} onClose={migration.clearOutcomes} />}
      {plan && plan.instances.length > 0 && (
        <>
          <Typography variant="h6" component="h3">1. Where each step goes</Typography>
          <MigrationStepMapping plan={plan} onChoose={migration.choose} />
          <Typography variant="h6" component="h3">2. Instances and the plan</Typography>
          <MigrationInstances plan={plan} selected={migration.selected} onSelect={migration.setSelected} isDisabled={migration.isRunning} />
          <Box>
            <Button variant="contained" disabled={migration.selected.length === 0 || migration.isRunning || migration.isPlanning} onClick={() => void migration.run()}>
              Move {migration.selected.length} instance{migration.selected.length === 1 ? '' : 's'} to version {plan.toVersion}
            </Button>
          </Box>
          {migration.progress && (
            <Stack spacing={0.5}>
              <LinearProgress variant="determinate" value={(100 * migration.progress.done) / migration.progress.total} aria-label="Moving instances" />
              <Typography variant="caption">{migration.progress.done} of {migration.progress.total} done</Typography>
            </Stack>
          )}
        </>
      )}
      {plan && plan.instances.length === 0 && !migration.outcomes && <Typography color="text.secondary">No running instance of {name} is on another version than {plan.toVersion}.</Typography>}
    </Stack>
  );
}
