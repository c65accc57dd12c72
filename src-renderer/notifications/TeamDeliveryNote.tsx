import { Alert, Typography } from '@mui/material';
import type { ServerAccess } from '../../src-shared/notifications/channel-settings';
import { useSyncStatus } from '../sync/useSyncStatus';

type Channel = 'email' | 'webhook';

const sentByServer: Record<Channel, string> = {
  email: 'Team mode: the sync server sends the email, once for the whole team, whichever PCs are on.',
  webhook: 'Team mode: the sync server calls the webhooks, once for the whole team, whichever PCs are on.',
};

/** Whether the sync server can read a setting's secret, in words (team mode). */
export const serverAccessText: Record<Channel, Record<ServerAccess, string>> = {
  email: {
    sealed: 'The password is sealed for the server ✓ — only the server can open it.',
    not_needed: 'No password is set, so the server uses these settings as they are.',
    sealing: 'This PC hands the password to the server, sealed for it, when it next reaches the server.',
    needs_admin: 'The server cannot read the password yet: sign in to Team sync as an administrator on this PC to hand it over.',
    enter_again: 'The server cannot read the password yet, and this PC cannot decrypt it (it was entered on another PC): enter it again here.',
  },
  webhook: {
    sealed: 'Secret sealed for the server ✓',
    not_needed: 'No secret needed',
    sealing: 'This PC hands the secret to the server when it next reaches it',
    needs_admin: 'Sign in to Team sync as an administrator on this PC to hand the secret to the server',
    enter_again: 'The server cannot read this secret (made on another PC): make a new one',
  },
};

const needsAction = (access: ServerAccess | undefined) => access === 'needs_admin' || access === 'enter_again';

/** Team mode only: says that the sync server sends on this channel, and whether it can read the secret. */
export function TeamDeliveryNote({ channel, access }: { channel: Channel; access?: ServerAccess | undefined }) {
  const status = useSyncStatus();
  if (!status.data || status.data.phase === 'standalone') return null;
  return (
    <Alert severity={needsAction(access) ? 'warning' : 'info'} data-testid={`team-delivery-${channel}`}>
      {sentByServer[channel]}
      {access && channel === 'email' && <Typography variant="body2" component="span" sx={{ display: 'block' }}>{serverAccessText.email[access]}</Typography>}
    </Alert>
  );
}
