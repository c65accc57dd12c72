import { useEffect, useState } from 'react';
import type { AuthStatus } from '../../src-shared/auth/auth-contract';
import { useBridge } from '../bridge/BridgeProvider';

/**
 * Keeps a sign-in across reloads of this window: the host hands out a resume token with each
 * session; it is kept in sessionStorage (this window only, gone when it closes) and presented
 * once on a new connection. The host refuses it after sign-out, the inactivity timeout or a restart.
 */
const STORAGE_KEY = 'labflow.resumeToken';

const storedToken = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const forgetSignIn = (): void => sessionStorage.removeItem(STORAGE_KEY);

/** True while this window's earlier sign-in is being taken up (show a spinner, not the sign-in form). */
export function useResumedSignIn(status: AuthStatus | undefined): boolean {
  const client = useBridge();
  const [isResuming, setIsResuming] = useState(false);
  const session = status?.session ?? null;
  const canResume = Boolean(status?.hasAdministrator) && !session && storedToken() !== null;

  useEffect(() => {
    if (session) sessionStorage.setItem(STORAGE_KEY, session.resumeToken);
  }, [session]);

  useEffect(() => {
    const token = storedToken();
    if (!canResume || !token) return;
    setIsResuming(true);
    // The session usually arrives (and `canResume` turns false) before the call's answer, so the
    // answer must clear the flag whatever the effect's current run is.
    void client.call('auth/resume', { token }).then((result) => {
      if (!result.ok) forgetSignIn();
      setIsResuming(false);
    });
  }, [canResume, client]);

  return canResume || isResuming;
}
