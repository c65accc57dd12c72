import { Paper, Stack } from '@mui/material';
import { DeliveryLog } from './DeliveryLog';
import { EmailSettingsForm } from './EmailSettingsForm';
import { SendTestNotification } from './SendTestNotification';
import { WebhookSettings } from './WebhookSettings';

/** Settings → Notifications (administrators): test messages, email, webhooks and the outbox log. */
export function NotificationAdmin() {
  return (
    <Stack spacing={3}>
      <SendTestNotification />
      <EmailSettingsForm />
      <WebhookSettings />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <DeliveryLog title="All deliveries (outbox)" />
        </Stack>
      </Paper>
    </Stack>
  );
}
