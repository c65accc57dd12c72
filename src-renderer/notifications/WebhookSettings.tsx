import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import KeyIcon from '@mui/icons-material/Key';
import ListAltIcon from '@mui/icons-material/ListAlt';
import {
  Alert, Button, IconButton, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { eventLabels } from '../../src-shared/notifications/notification-events';
import type { WebhookView } from '../../src-shared/notifications/notification-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DeliveryLog } from './DeliveryLog';
import { serverAccessText, TeamDeliveryNote } from './TeamDeliveryNote';
import { WebhookDialog } from './WebhookDialog';

/** Webhook subscriptions: add, edit, switch off, rotate the signing secret, and each one's delivery log. */
export function WebhookSettings() {
  const webhooks = useLiveQuery('webhooks/list', {});
  const create = useCommand('webhooks/create');
  const update = useCommand('webhooks/update');
  const rotate = useCommand('webhooks/rotate-secret');
  const [editing, setEditing] = useState<{ webhook: WebhookView | null } | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<WebhookView | null>(null);
  const list = webhooks.data ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>Webhooks</Typography>
          <Button startIcon={<AddIcon />} variant="outlined" onClick={() => { create.clearError(); setEditing({ webhook: null }); }}>Add webhook</Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Each delivery is a POST of JSON with an <code>X-LabFlow-Signature</code> header (<code>t=…,v1=</code> HMAC-SHA256 of <code>t.body</code> with the secret)
          and an idempotency key; failed deliveries are retried with growing pauses and end in the log below.
        </Typography>
        <TeamDeliveryNote channel="webhook" />
        {secret && (
          <Alert severity="warning" onClose={() => setSecret(null)} data-testid="webhook-secret">
            Signing secret of {secret.name} — copy it now, it is not shown again: <code>{secret.secret}</code>
          </Alert>
        )}
        {(webhooks.error ?? update.error ?? rotate.error) && <Alert severity="error">{errorText(webhooks.error ?? update.error ?? rotate.error)}</Alert>}
        {list.length > 0 && (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Webhooks">
              <TableHead><TableRow><TableCell>Name</TableCell><TableCell>Address</TableCell><TableCell>Events</TableCell><TableCell>Active</TableCell><TableCell /></TableRow></TableHead>
              <TableBody>
                {list.map((w) => (
                  <TableRow key={w.id} data-testid="webhook-row">
                    <TableCell>
                      {w.name}
                      {w.serverAccess && <Typography variant="caption" color={w.serverAccess === 'sealed' ? 'text.secondary' : 'warning.main'} sx={{ display: 'block' }} data-testid="webhook-server-access">{serverAccessText.webhook[w.serverAccess]}</Typography>}
                    </TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{w.url}</TableCell>
                    <TableCell>{w.events.map((e) => eventLabels[e]).join(', ')}</TableCell>
                    <TableCell><Switch checked={w.isActive} slotProps={{ input: { 'aria-label': `${w.name} is active` } }} onChange={(e) => void update.run({ id: w.id, isActive: e.target.checked })} /></TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Tooltip title="Edit"><IconButton aria-label={`Edit ${w.name}`} onClick={() => { update.clearError(); setEditing({ webhook: w }); }}><EditIcon /></IconButton></Tooltip>
                      <Tooltip title="New signing secret">
                        <IconButton aria-label={`New secret for ${w.name}`} onClick={async () => { const r = await rotate.run({ id: w.id }); if (r.ok) setSecret({ name: w.name, secret: r.value.secret }); }}><KeyIcon /></IconButton>
                      </Tooltip>
                      <Tooltip title="Delivery log"><IconButton aria-label={`Deliveries of ${w.name}`} onClick={() => setLogOf(logOf?.id === w.id ? null : w)}><ListAltIcon /></IconButton></Tooltip>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {logOf && <DeliveryLog subscriptionId={logOf.id} title={`Deliveries of ${logOf.name}`} />}
      </Stack>
      <WebhookDialog
        isOpen={editing !== null}
        webhook={editing?.webhook ?? null}
        error={editing?.webhook ? update.error : create.error}
        isRunning={create.isRunning || update.isRunning}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          if (editing?.webhook) {
            const r = await update.run({ id: editing.webhook.id, ...values });
            if (r.ok) setEditing(null);
          } else {
            const r = await create.run({ ...values, isActive: true });
            if (r.ok) {
              setEditing(null);
              setSecret({ name: r.value.webhook.name, secret: r.value.secret });
            }
          }
        }}
      />
    </Paper>
  );
}
