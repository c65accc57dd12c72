import { Alert, AlertTitle, Button, Snackbar } from '@mui/material';
import { TOAST_HIDE_MS } from './NotificationToasts';
import { openLink, useToasts } from './use-notifications';

/**
 * Serve mode's reminders over the lock screen: the host sends a locked person's notices without
 * detail ("1 new reminder"); "Open" puts the item's address behind the lock screen, so unlocking
 * lands on it.
 */
export function LockedToasts({ personId }: { personId: string }) {
  const { visible, dismiss } = useToasts(personId);
  if (!visible) return null;
  const { toast } = visible;
  return (
    <Snackbar key={toast.id} open autoHideDuration={TOAST_HIDE_MS} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      onClose={(_event, reason) => reason !== 'clickaway' && dismiss(toast.id)}>
      <Alert severity="info" variant="filled" onClose={() => dismiss(toast.id)} data-testid="notification-toast" closeText="Close notice">
        <AlertTitle>{toast.title}</AlertTitle>
        {toast.body}
        {toast.link && (
          <Button color="inherit" size="small" variant="outlined" sx={{ display: 'block', mt: 1 }} onClick={() => { openLink(toast.link); dismiss(toast.id); }}>
            Open after unlocking
          </Button>
        )}
      </Alert>
    </Snackbar>
  );
}
