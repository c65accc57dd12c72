import { Alert, Box, CircularProgress, CssBaseline, Snackbar, ThemeProvider } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FirstRunSetup } from '../auth/FirstRunSetup';
import { LockScreen } from '../auth/LockScreen';
import { useLock, type LockedPerson } from '../auth/lock-state';
import { SignIn } from '../auth/SignIn';
import { useResumedSignIn } from '../auth/resumed-sign-in';
import type { HostEvents } from '../../src-shared/bridge/contract';
import { useBridge, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { AppShell } from '../shell/AppShell';
import { buildTheme, useThemeMode } from './theme';

/** What the sign-in screen says after a session ended by itself. */
const expiryNotice: Record<HostEvents['session/expired']['reason'], string> = {
  inactivity: 'Your session timed out after a period of inactivity. Sign in again.',
  signed_out: 'You were signed out. Sign in again.',
  deactivated: 'Your account was deactivated by an administrator, so you were signed out. Ask an administrator if this is a mistake.',
};

function AuthGate() {
  const status = useLiveQuery('auth/status', {});
  const isResuming = useResumedSignIn(status.data);
  const client = useBridge();
  const [notice, setNotice] = useState<string | undefined>();
  const { locked, lock, unlock } = useLock();
  // Who was signed in, for the lock screen when inactivity ends the session.
  const person = status.data?.session?.person;
  const lastPerson = useRef<LockedPerson | null>(null);
  useEffect(() => {
    if (!person) return;
    lastPerson.current = { id: person.id, name: person.name, email: person.email };
    unlock();
  }, [person, unlock]);
  useEffect(
    () =>
      client.onEvent((name, payload) => {
        if (name !== 'session/expired') return;
        const { reason } = payload as HostEvents['session/expired'];
        // Inactivity locks the window for the same person; other endings go to the sign-in screen.
        if (reason === 'inactivity' && lastPerson.current) lock(lastPerson.current);
        else setNotice(expiryNotice[reason]);
      }),
    [client, lock],
  );
  if ((status.isLoading && !status.data) || isResuming) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="Starting LabFlow" />
      </Box>
    );
  }
  if (status.error) return <Alert severity="error" sx={{ m: 4 }}>{errorText(status.error)}</Alert>;
  if (!status.data?.hasAdministrator) return <FirstRunSetup />;
  if (!status.data.session && locked) return <LockScreen person={locked} />;
  if (!status.data.session) return <SignIn {...(notice ? { notice } : {})} />;
  return <AppShell session={status.data.session} />;
}

export function App() {
  const mode = useThemeMode((s) => s.mode);
  const theme = useMemo(() => buildTheme(mode), [mode]);
  const [hostError, setHostError] = useState<string | undefined>();
  const client = useBridge();
  useEffect(() => client.onConnectionState((s) => setHostError(s === 'disconnected' ? 'Lost the connection to the LabFlow host; reconnecting…' : undefined)), [client]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AuthGate />
      <Snackbar open={Boolean(hostError)} message={hostError} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }} />
    </ThemeProvider>
  );
}
