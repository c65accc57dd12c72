import { Alert, Button, Chip, LinearProgress, Link, List, ListItem, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { describeValue, fieldLabel } from '../../src-shared/sync/conflict-fields';
import type { ConflictView } from '../../src-shared/sync/sync-status';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { recordNoun, recordPlace } from './record-place';
import { changesSentAsText, consistencyText, phaseText, formatTime, waitingText } from './sync-text';
import { useSyncConflicts, useSyncStatus } from './useSyncStatus';

const FORM_FIELDS = ['serverUrl', 'email', 'password', 'setupToken'];

const noNames = () => undefined;
const shown = (field: string, value: unknown) => describeValue(field, value, noNames) || '(empty)';

/** The record a conflict is about, as a link to where it is shown when it has a page. */
function ConflictRecord({ conflict }: { conflict: ConflictView }) {
  const go = useNavigation((n) => n.go);
  const noun = recordNoun[conflict.collection] ?? conflict.collection;
  const name = conflict.record ? `${noun} “${conflict.record.title}”` : `${noun} ${conflict.recordId} (not on this PC)`;
  const place = conflict.record ? recordPlace(conflict.collection, conflict.recordId, conflict.record.code) : null;
  return place ? <Link component="button" type="button" onClick={() => go(place.section, place.path)} sx={{ verticalAlign: 'baseline' }}>{name}</Link> : <>{name}</>;
}

/** Settings → Team sync: join a server, see how sync is doing, what was refused and which conflicts were resolved. */
export function TeamSyncSettings() {
  const status = useSyncStatus();
  const conflicts = useSyncConflicts();
  const connect = useCommand('sync/connect');
  const disconnect = useCommand('sync/disconnect');
  const syncNow = useCommand('sync/sync-now');
  const [form, setForm] = useState({ serverUrl: '', email: '', password: '', setupToken: '' });
  const needsSetupToken = connect.error?.field === 'setupToken' || form.setupToken !== '';
  const s = status.data;

  if (!s) return status.isLoading ? <LinearProgress /> : <Alert severity="error">{errorText(status.error)}</Alert>;

  const field = (name: keyof typeof form, label: string, type = 'text') => (
    <TextField size="small" label={label} type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      error={Boolean(fieldError(connect.error, name))} helperText={fieldError(connect.error, name)} fullWidth />
  );

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>Team sync</Typography>
          <Chip label={phaseText[s.phase].label} color={phaseText[s.phase].color} data-testid="team-sync-phase" />
        </Stack>
        {s.phase === 'standalone' ? (
          <Typography>This PC runs standalone: all records are kept here and nothing is sent anywhere. Sign in to your lab’s LabFlow sync server so several PCs share their records.</Typography>
        ) : (
          <Stack spacing={0.5}>
            <Typography>Server: <b>{s.serverUrl}</b></Typography>
            <Typography>Signed in as: <b>{s.account?.name}</b> ({s.account?.email})</Typography>
            {s.changesSentAs && <Typography data-testid="team-sync-sent-as">{changesSentAsText(s.changesSentAs)}</Typography>}
            <Typography data-testid="team-sync-pending">Changes waiting to be sent: {s.pendingChanges}</Typography>
            {s.toReceive > 0 && <Typography data-testid="team-sync-to-receive">Changes still to receive: {s.toReceive.toLocaleString('en-GB')}</Typography>}
            <Typography>Last successful sync: {formatTime(s.lastSyncedAt)}</Typography>
            <Typography data-testid="team-sync-consistency">{consistencyText(s.consistency)}</Typography>
            {s.error && <Alert severity={s.phase === 'error' ? 'error' : 'warning'}>{s.error}</Alert>}
            <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
              <Button variant="outlined" onClick={() => void syncNow.run({})} disabled={syncNow.isRunning}>Sync now</Button>
              <Button color="warning" onClick={() => void disconnect.run({})} disabled={disconnect.isRunning}>Stop syncing</Button>
            </Stack>
            {(syncNow.error ?? disconnect.error) && <Alert severity="error">{errorText(syncNow.error ?? disconnect.error)}</Alert>}
          </Stack>
        )}
      </Paper>

      {(s.phase === 'standalone' || s.phase === 'error') && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack component="form" spacing={2} aria-label="Sign in to a sync server" sx={{ maxWidth: 520 }}
            onSubmit={async (e) => {
              e.preventDefault();
              const result = await connect.run({ ...form, ...(form.setupToken ? {} : { setupToken: undefined }) });
              if (result.ok) setForm({ serverUrl: '', email: '', password: '', setupToken: '' });
            }}>
            <Typography variant="subtitle1">{s.phase === 'error' ? 'Sign in again' : 'Join a team'}</Typography>
            {field('serverUrl', 'Server address')}
            {field('email', 'Email')}
            {field('password', 'Password', 'password')}
            {needsSetupToken && field('setupToken', 'Set-up token (printed by a new server)')}
            {formError(connect.error, FORM_FIELDS) && <Alert severity="error">{formError(connect.error, FORM_FIELDS)}</Alert>}
            <Button type="submit" variant="contained" disabled={connect.isRunning}>Sign in to server</Button>
          </Stack>
        </Paper>
      )}

      {s.waiting.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1">Changes that wait</Typography>
          <Typography variant="body2" color="text.secondary">Each person’s changes go to the server with their own sign-in, so nobody’s rights carry anyone else’s change. These are kept on this PC until they can go.</Typography>
          <List dense>
            {s.waiting.map((w) => (
              <ListItem key={`${w.personId}/${w.waitsFor}`} data-testid="waiting-changes"><ListItemText primary={waitingText(w)} /></ListItem>
            ))}
          </List>
        </Paper>
      )}

      {s.refused.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1">Changes the server refused</Typography>
          <Typography variant="body2" color="text.secondary">They were not applied for the team and are kept on this PC.</Typography>
          <List dense>
            {s.refused.map((r) => (
              <ListItem key={`${r.collection}/${r.id}/${r.at}`} data-testid="refused-change"><ListItemText primary={r.message} secondary={`${r.collection} ${r.id} · ${formatTime(r.at)}`} /></ListItem>
            ))}
          </List>
        </Paper>
      )}

      {(conflicts.data?.length ?? 0) > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1">Resolved conflicts</Typography>
          <Typography variant="body2" color="text.secondary">Two PCs changed the same field; the server’s value was kept and the other is recorded here.</Typography>
          <List dense>
            {conflicts.data!.map((c) => (
              <ListItem key={c.id} data-testid="sync-conflict">
                <ListItemText primary={<ConflictRecord conflict={c} />}
                  secondary={`${c.fields.map((f) => `${fieldLabel(c.collection, f.field)}: kept “${shown(f.field, f.kept)}”, not “${shown(f.field, f.lost)}”`).join('; ')} · ${formatTime(c.at)}`} />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
