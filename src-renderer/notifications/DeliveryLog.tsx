import ReplayIcon from '@mui/icons-material/Replay';
import {
  Alert, Chip, IconButton, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import type { DeliveryView } from '../../src-shared/notifications/notification-views';
import type { OutboxStatus } from '../../src-shared/notifications/notification-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDateTime } from '../../src-shared/format/display-format';

const statusColor: Record<OutboxStatus, 'default' | 'info' | 'success' | 'error'> = { pending: 'default', sending: 'info', delivered: 'success', dead: 'error' };
const statusLabel: Record<OutboxStatus, string> = { pending: 'Waiting', sending: 'Sending', delivered: 'Delivered', dead: 'Failed (dead letter)' };
const when = (iso: string | undefined) => (iso ? formatDateTime(iso) : '');

/** The outbox's deliveries (all, or one webhook's), with attempts, the last error and redelivery. */
export function DeliveryLog({ subscriptionId, title }: { subscriptionId?: string; title: string }) {
  const deliveries = useLiveQuery('notifications/deliveries', { ...(subscriptionId ? { subscriptionId } : {}), limit: 50 });
  const redeliver = useCommand('webhooks/redeliver');
  const list: DeliveryView[] = deliveries.data ?? [];
  return (
    <>
      <Typography variant="subtitle1">{title}</Typography>
      {(deliveries.error ?? redeliver.error) && <Alert severity="error">{errorText(deliveries.error ?? redeliver.error)}</Alert>}
      {list.length === 0 && !deliveries.isLoading && <Typography variant="body2" color="text.secondary">No deliveries yet.</Typography>}
      {list.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow><TableCell>Created</TableCell><TableCell>To</TableCell><TableCell>Subject</TableCell><TableCell>Status</TableCell><TableCell>Attempts</TableCell><TableCell>Last answer</TableCell><TableCell /></TableRow>
            </TableHead>
            <TableBody>
              {list.map((d) => (
                <TableRow key={d.id} data-testid="delivery-row">
                  <TableCell>{when(d.createdAt)}</TableCell>
                  <TableCell>{d.channel === 'email' ? d.target : 'webhook'}</TableCell>
                  <TableCell>{d.subject}</TableCell>
                  <TableCell>
                    <Chip size="small" label={statusLabel[d.status]} color={statusColor[d.status]} />
                    {d.status === 'pending' && d.attempts > 0 && <Typography variant="caption" sx={{ display: 'block' }}>next try {when(d.nextAttemptAt)}</Typography>}
                  </TableCell>
                  <TableCell>{d.attempts} / {d.maxAttempts}</TableCell>
                  <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{d.status === 'delivered' ? d.log.at(-1)?.detail : d.lastError}</TableCell>
                  <TableCell align="right">
                    {(d.status === 'dead' || d.status === 'delivered') && (
                      <Tooltip title="Send again">
                        <IconButton aria-label={`Send again: ${d.subject}`} onClick={() => void redeliver.run({ deliveryId: d.id })}><ReplayIcon /></IconButton>
                      </Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
