import { Alert, AlertTitle, Button, Snackbar, Stack } from '@mui/material';
import { openLink, useToasts } from './use-notifications';

/** Serve mode's stand-in for desktop notifications: toasts in the corner, each opening its item. */
export function NotificationToasts({ personId }: { personId: string }) {
  const { toasts, dismiss } = useToasts(personId);
  return (
    <Snackbar open={toasts.length > 0} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
      <Stack spacing={1}>
        {toasts.map((t) => (
          <Alert key={t.id} severity="info" variant="filled" onClose={() => dismiss(t.id)} data-testid="notification-toast"
            action={t.link ? <Button color="inherit" size="small" onClick={() => { openLink(t.link); dismiss(t.id); }}>Open</Button> : undefined}>
            <AlertTitle>{t.title}</AlertTitle>
            {t.body}
          </Alert>
        ))}
      </Stack>
    </Snackbar>
  );
}
