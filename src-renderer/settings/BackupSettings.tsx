import { Alert, Box, Button, Chip, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { BackupListEntry, BackupStep, BackupsView } from '../../src-shared/backup/backup-contract';
import { useBridge, useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { formatDateTime } from '../format/date-time';
import { ConfirmDialog } from '../workflows/ConfirmDialog';

const stepLabels: Record<BackupStep, string> = {
  database: 'Copying the database…',
  attachments: 'Copying the attachments…',
  verifying: 'Checking the backup…',
  pruning: 'Removing backups no longer kept…',
};

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const when = (b: BackupListEntry) => (b.takenAt ? formatDateTime(b.takenAt) : 'Unknown time');

function VerificationChip({ backup }: { backup: BackupListEntry }) {
  if (backup.verification === 'sound') return <Chip size="small" color="success" label="Verified" />;
  if (backup.verification === 'damaged') return <Chip size="small" color="error" label="Damaged" title={backup.problems.join(' ')} />;
  return <Chip size="small" label="Not checked yet" />;
}

/** Where backups go: checked on the host (a folder of their own, one this PC can write to). */
function FolderForm({ view }: { view: BackupsView }) {
  const save = useCommand('backups/set-folder');
  const [folder, setFolder] = useState(view.folder);
  useEffect(() => setFolder(view.folder), [view.folder]);
  return (
    <Stack spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); void save.run({ folder }); }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField size="small" label="Backup folder" value={folder} onChange={(e) => setFolder(e.target.value)} sx={{ flex: 1 }}
        error={Boolean(fieldError(save.error, 'folder'))} helperText={fieldError(save.error, 'folder') ?? 'Ideally on another disk or a network share: a backup on the same disk does not survive that disk.'} />
        <Button type="submit" variant="outlined" disabled={save.isRunning}>Use this folder</Button>
      </Stack>
      {formError(save.error, ['folder']) && <Alert severity="error">{formError(save.error, ['folder'])}</Alert>}
    </Stack>
  );
}

/**
 * Restoring answers at once, then the host closes, replaces its data and opens again: wait for the
 * connection to drop and come back, then reload so every view starts from the restored data.
 */
function useReloadAfterRestart() {
  const client = useBridge();
  return () => {
    let hasDropped = false;
    client.onConnectionState((state) => {
      if (state === 'disconnected') hasDropped = true;
      else if (state === 'connected' && hasDropped) window.location.reload();
    });
  };
}

/** Settings → Backups (administrators): the folder, the backups there, "Back up now", "Verify" and "Restore…". */
export function BackupSettings() {
  const overview = useLiveQuery('backups/overview', {});
  const create = useCommand('backups/create');
  const verify = useCommand('backups/verify');
  const restore = useCommand('backups/restore');
  const reloadAfterRestart = useReloadAfterRestart();
  const [restoring, setRestoring] = useState<BackupListEntry | null>(null);
  const [isRestarting, setIsRestarting] = useState(false);
  const view = overview.data;
  if (!view) return overview.isLoading ? <LinearProgress /> : <Alert severity="error">{errorText(overview.error)}</Alert>;
  const confirmRestore = async () => {
    if (!restoring) return;
    reloadAfterRestart();
    const result = await restore.run({ id: restoring.id });
    if (result.ok) setIsRestarting(true);
  };
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1.5}>
          <Typography variant="h6">Backups</Typography>
          <Typography variant="body2" color="text.secondary">
            LabFlow backs up its database and attachments once a day while it runs, checks each backup after writing it, and keeps the last 7 daily and 4 weekly backups.
          </Typography>
          <FolderForm view={view} />
          {view.folderProblem && <Alert severity="warning">{view.folderProblem}</Alert>}
          {view.lastRun && (
            <Alert severity={view.lastRun.isOk ? 'success' : 'error'} data-testid="backup-last-run">
              {view.lastRun.trigger === 'schedule' ? 'Daily backup' : 'Last action'}, {formatDateTime(view.lastRun.at)}: {view.lastRun.message}
            </Alert>
          )}
          {view.running ? (
            <Box role="status" aria-live="polite">
              <Typography variant="body2">{stepLabels[view.running]}</Typography>
              <LinearProgress />
            </Box>
          ) : (
            <div><Button variant="contained" onClick={() => void create.run({})} disabled={create.isRunning}>Back up now</Button></div>
          )}
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </Paper>
      <Paper variant="outlined">
        {view.backups.length === 0 ? (
          <Typography sx={{ p: 2 }}>There are no backups in this folder yet.</Typography>
        ) : (
          <Table size="small" aria-label="Backups">
            <TableHead>
              <TableRow><TableCell>Taken</TableCell><TableCell>Size</TableCell><TableCell>Check</TableCell><TableCell align="right">Actions</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {view.backups.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{when(b)}</TableCell>
                  <TableCell>{megabytes(b.sizeBytes)}</TableCell>
                  <TableCell><VerificationChip backup={b} />{b.verification === 'damaged' && <Typography variant="body2" color="error">{b.problems.join(' ')}</Typography>}</TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => void verify.run({ id: b.id })} disabled={verify.isRunning} aria-label={`Verify the backup of ${when(b)}`}>Verify</Button>
                    {view.canRestore && <Button size="small" color="warning" onClick={() => { restore.clearError(); setRestoring(b); }} disabled={b.verification === 'damaged'} aria-label={`Restore the backup of ${when(b)}`}>Restore…</Button>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {verify.error && <Alert severity="error">{errorText(verify.error)}</Alert>}
      </Paper>
      <ConfirmDialog
        isOpen={restoring !== null}
        title="Restore this backup?"
        isDanger
        isRunning={restore.isRunning || isRestarting}
        error={restore.error ? errorText(restore.error) : undefined}
        confirmLabel={isRestarting ? 'Restoring…' : 'Restore'}
        text={restoring && (
          <>
            This replaces all of LabFlow's data on this computer — every record, project, task, person and attachment — with the backup of {when(restoring)}.
            Whatever was entered since then is no longer shown. A backup of the data as it is now is taken first, so this restore can itself be undone.
            LabFlow reloads on the restored data.
          </>
        )}
        onCancel={() => setRestoring(null)}
        onConfirm={() => void confirmRestore()}
      />
    </Stack>
  );
}
