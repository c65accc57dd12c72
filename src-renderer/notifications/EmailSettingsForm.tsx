import { Alert, Button, FormControl, InputLabel, MenuItem, Paper, Select, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { tlsModes, type TlsMode } from '../../src-shared/notifications/notification-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText, fieldError, formError } from '../errors/error-text';
import { TeamDeliveryNote } from './TeamDeliveryNote';

const tlsLabels: Record<TlsMode, string> = { tls: 'TLS (port 465)', starttls: 'STARTTLS (port 587)', none: 'None (lab relay only)' };
const FIELDS = ['host', 'port', 'tlsMode', 'user', 'password', 'from', 'fromName', 'appUrl'];

/** SMTP settings; the password is write-only (stored encrypted) and a test email shows its outcome here. */
export function EmailSettingsForm() {
  const stored = useLiveQuery('notifications/email-settings', {});
  const save = useCommand('notifications/set-email-settings');
  const sendTest = useCommand('notifications/send-test-email');
  const [form, setForm] = useState({ host: '', port: '587', tlsMode: 'starttls' as TlsMode, user: '', password: '', from: '', fromName: 'LabFlow', appUrl: '' });
  const [isLoaded, setIsLoaded] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [testId, setTestId] = useState<string | undefined>();
  const deliveries = useLiveQuery('notifications/deliveries', { channel: 'email', limit: 20 });
  const test = testId ? deliveries.data?.find((d) => d.id === testId) : undefined;

  useEffect(() => {
    if (isLoaded || stored.isLoading) return;
    const s = stored.data;
    if (s) setForm({ host: s.host, port: String(s.port), tlsMode: s.tlsMode, user: s.user, password: '', from: s.from, fromName: s.fromName, appUrl: s.appUrl });
    else setForm((f) => ({ ...f, appUrl: window.location.protocol.startsWith('http') ? window.location.origin : '' }));
    setIsLoaded(true);
  }, [stored.data, stored.isLoading, isLoaded]);

  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [field]: e.target.value });
    setIsSaved(false);
  };
  const field = (name: keyof typeof form, label: string, extra: Record<string, unknown> = {}) => (
    <TextField size="small" label={label} value={form[name]} onChange={set(name)} error={Boolean(fieldError(save.error, name))} helperText={fieldError(save.error, name)} {...extra} />
  );

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2} component="form" aria-label="Email settings"
        onSubmit={async (e) => {
          e.preventDefault();
          const { password, port, ...rest } = form;
          const result = await save.run({ ...rest, port: Number(port), ...(password ? { password } : {}) });
          if (result.ok) setForm((f) => ({ ...f, password: '' }));
          setIsSaved(result.ok);
        }}>
        <Typography variant="subtitle1">Email (SMTP)</Typography>
        <TeamDeliveryNote channel="email" access={stored.data?.serverAccess} />
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {field('host', 'SMTP server', { placeholder: 'smtp.lab.example', sx: { minWidth: 260 } })}
          {field('port', 'Port', { type: 'number', sx: { width: 110 } })}
          <FormControl size="small" sx={{ minWidth: 200 }}>
            <InputLabel id="smtp-tls">Encryption</InputLabel>
            <Select labelId="smtp-tls" label="Encryption" value={form.tlsMode} onChange={(e) => setForm({ ...form, tlsMode: e.target.value as TlsMode })}>
              {tlsModes.map((m) => <MenuItem key={m} value={m}>{tlsLabels[m]}</MenuItem>)}
            </Select>
          </FormControl>
        </Stack>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {field('user', 'User name', { autoComplete: 'off' })}
          {field('password', 'Password', { type: 'password', autoComplete: 'new-password', placeholder: stored.data?.hasPassword ? 'stored (encrypted) — type to replace' : '' })}
          {field('from', 'Sender address', { placeholder: 'labflow@lab.example' })}
          {field('fromName', 'Sender name')}
        </Stack>
        {field('appUrl', 'LabFlow address for links in emails', { placeholder: 'https://labflow.lab.example' })}
        {formError(save.error, FIELDS) && <Alert severity="error">{formError(save.error, FIELDS)}</Alert>}
        {isSaved && <Alert severity="success">Email settings saved. The password is stored encrypted.</Alert>}
        <Stack direction="row"><Button type="submit" variant="contained" disabled={save.isRunning}>Save email settings</Button></Stack>
      </Stack>

      <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: 'flex-start' }} component="form" aria-label="Send a test email"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await sendTest.run({ to: testTo });
          setTestId(result.ok ? result.value.deliveryId : undefined);
        }}>
        <TextField size="small" label="Send a test email to" value={testTo} onChange={(e) => setTestTo(e.target.value)} sx={{ minWidth: 260 }}
          error={Boolean(fieldError(sendTest.error, 'to'))} helperText={fieldError(sendTest.error, 'to')} />
        <Button type="submit" variant="outlined" disabled={!testTo || sendTest.isRunning || !stored.data}>Send test email</Button>
      </Stack>
      {sendTest.error && !sendTest.error.field && <Alert severity="error" sx={{ mt: 1 }}>{errorText(sendTest.error)}</Alert>}
      {testId && (
        <Alert sx={{ mt: 1 }} data-testid="test-email-outcome"
          severity={test?.status === 'delivered' ? 'success' : test?.status === 'dead' ? 'error' : 'info'}>
          {test?.status === 'delivered' ? `Sent. The server answered: ${test.log.at(-1)?.detail ?? 'OK'}` : test?.status === 'dead' ? `Not sent: ${test.lastError ?? 'unknown error'}` : test?.lastError ? `Waiting: ${test.lastError}` : 'Sending…'}
        </Alert>
      )}
    </Paper>
  );
}
