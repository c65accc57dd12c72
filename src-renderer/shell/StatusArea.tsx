import LinkIcon from '@mui/icons-material/Link';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Chip, Stack, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useBridge } from '../bridge/BridgeProvider';
import type { ConnectionState } from '../bridge/transport';
import { SyncStatusChip } from '../sync/SyncStatusChip';

/** Connection to the local host, and the team-sync state. */
export function StatusArea() {
  const client = useBridge();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => client.onConnectionState(setState), [client]);
  const connection = {
    connected: { label: 'Connected', icon: <LinkIcon />, color: 'success' as const, hint: 'The UI is connected to this PC’s LabFlow host.' },
    connecting: { label: 'Connecting…', icon: <LinkIcon />, color: 'default' as const, hint: 'Connecting to this PC’s LabFlow host.' },
    disconnected: { label: 'Reconnecting…', icon: <LinkOffIcon />, color: 'warning' as const, hint: 'The LabFlow host stopped answering; reconnecting.' },
  }[state];
  return (
    <Stack direction="row" spacing={1} aria-label="Status">
      <Tooltip title={connection.hint}>
        <Chip size="small" icon={connection.icon} label={connection.label} color={connection.color} variant="outlined" data-testid="connection-status" />
      </Tooltip>
      <SyncStatusChip />
    </Stack>
  );
}
