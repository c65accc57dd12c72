import { Alert, AlertTitle, Button, Snackbar, Stack } from '@mui/material';
import { useNavigation } from '../shell/navigation';
import { openLink, useToasts } from './use-notifications';

/** How long a notice stays before it hides itself; hovering the notice pauses the count (MUI). */
export const TOAST_HIDE_MS = 8000;

/**
 * Serve mode's stand-in for desktop notifications: one notice at a time in the bottom-right
 * corner (clear of the navigation rail), with a count of the others and a way to see them all.
 */
export function NotificationToasts({ personId }: { personId: string }) {
  const { visible, dismiss, dismissAll } = useToasts(personId);
  const { go } = useNavigation();
  if (!visible) return null;
  const { toast, moreCount } = visible;
  return (
    // Keyed by the notice, so the next one starts its own hide timer instead of inheriting one.
    <Snackbar key={toast.id} open autoHideDuration={TOAST_HIDE_MS} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      onClose={(_event, reason) => reason !== 'clickaway' && dismiss(toast.id)}>
      <Alert severity="info" variant="filled" onClose={() => dismiss(toast.id)} data-testid="notification-toast" sx={{ maxWidth: 420 }}
        closeText="Close notice">
        <AlertTitle>{toast.title}</AlertTitle>
        {toast.body}
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          {toast.link && <Button color="inherit" size="small" variant="outlined" onClick={() => { openLink(toast.link); dismiss(toast.id); }}>Open</Button>}
          {moreCount > 0 && (
            <Button color="inherit" size="small" onClick={() => { dismissAll(); go('notifications'); }} data-testid="toast-more">
              {moreCount} more {moreCount === 1 ? 'notice' : 'notices'}
            </Button>
          )}
        </Stack>
      </Alert>
    </Snackbar>
  );
}
