import { Alert, Button, FormControlLabel, LinearProgress, Link, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiSettingsView } from '../../src-shared/api/api-token-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { ApiTokenSettings } from './ApiTokenSettings';

/** Where the API answers now, with its docs beside it. */
function ApiAddress({ address }: { address: string }) {
  const docs = address.replace(/\/v1$/, '/docs');
  return (
    <Typography data-testid="api-address">
      The API answers at <code>{address}</code>. Its documentation, where calls can be tried out with a token:{' '}
      <Link href={docs} target="_blank" rel="noreferrer">{docs}</Link>
    </Typography>
  );
}

/** The desktop app's switch for the API: off by default, this PC only unless an administrator allows more. */
function ApiListenerForm({ view }: { view: ApiSettingsView }) {
  const save = useCommand('api/set-settings');
  const [form, setForm] = useState({ isEnabled: view.isEnabled, port: String(view.port), allowRemote: view.allowRemote });
  useEffect(() => setForm({ isEnabled: view.isEnabled, port: String(view.port), allowRemote: view.allowRemote }), [view.isEnabled, view.port, view.allowRemote]);
  return (
    <Stack spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); void save.run({ isEnabled: form.isEnabled, port: Number(form.port), allowRemote: form.allowRemote }); }}>
      <FormControlLabel control={<Switch checked={form.isEnabled} onChange={(e) => setForm({ ...form, isEnabled: e.target.checked })} />} label="Serve the API from this PC" />
      <TextField size="small" label="Port" type="number" value={form.port} onChange={(e) => setForm({ ...form, port: e.target.value })} sx={{ maxWidth: 200 }}
        error={Boolean(fieldError(save.error, 'port'))} helperText={fieldError(save.error, 'port')} />
      <FormControlLabel control={<Switch checked={form.allowRemote} onChange={(e) => setForm({ ...form, allowRemote: e.target.checked })} />} label="Let other computers on the network call it" />
      {form.allowRemote && <Alert severity="warning">Other computers can then reach the API with a token. Only allow this on a network you trust, or behind a TLS proxy.</Alert>}
      {formError(save.error, ['port']) && <Alert severity="error">{formError(save.error, ['port'])}</Alert>}
      <div><Button type="submit" variant="contained" disabled={save.isRunning}>Save</Button></div>
    </Stack>
  );
}

/** Settings → API: whether this PC serves the public API and where, and the person's API tokens. */
export function ApiSettings({ isAdmin }: { isAdmin: boolean }) {
  const settings = useLiveQuery('api/settings', {});
  const view = settings.data;
  if (!view) return settings.isLoading ? <LinearProgress /> : <Alert severity="error">{errorText(settings.error)}</Alert>;
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1}>
          <Typography variant="h6">API</Typography>
          <Typography variant="body2" color="text.secondary">
            Scripts and other programs can use LabFlow over HTTP with an API token: the same checks, permissions and audit trail as in the app.
          </Typography>
          {view.controlledBy === 'serve-flag'
            ? <Typography>This LabFlow runs in serve mode; the API is {view.address ? 'on' : 'off'} by its <code>--api</code> option.</Typography>
            : isAdmin
              ? <ApiListenerForm view={view} />
              : <Typography>The API is {view.isEnabled ? 'on' : 'off'} on this PC. An administrator turns it on or off.</Typography>}
          {view.address && <ApiAddress address={view.address} />}
          {view.problem && <Alert severity="error" data-testid="api-problem">{view.problem}</Alert>}
        </Stack>
      </Paper>
      <ApiTokenSettings isAdmin={isAdmin} modules={view.modules} />
    </Stack>
  );
}
