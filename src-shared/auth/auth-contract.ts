import { z } from 'zod';
import { command, query } from '../bridge/define';
import { emailSchema, passwordSchema, personNameSchema, type PersonView } from '../people/person';

export interface SessionView {
  person: PersonView;
  /** When the session ends if nothing happens before then (ISO UTC). */
  expiresAt: string;
  /**
   * Continues this sign-in on a new connection of the same window (a reload): the UI keeps it in
   * sessionStorage and sends it with `auth/resume`. Ends with sign-out, the timeout or a restart.
   */
  resumeToken: string;
}

export interface AuthStatus {
  /** False on a fresh install: the UI shows the first-run administrator set-up. */
  hasAdministrator: boolean;
  session: SessionView | null;
}

export const authContract = {
  'auth/status': query<AuthStatus>()(z.object({}), { requiresSession: false }),
  'auth/create-administrator': command<SessionView>()(
    z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema }),
    { requiresSession: false },
  ),
  'auth/sign-in': command<SessionView>()(
    z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password.').max(200) }),
    { requiresSession: false },
  ),
  'auth/resume': command<SessionView>()(z.object({ token: z.string().min(20).max(100) }), { requiresSession: false }),
  'auth/sign-out': command<null>()(z.object({}), { requiresSession: false }),
};
