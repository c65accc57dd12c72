import { Badge } from '@mui/material';
import type { ReactElement } from 'react';
import { useUnreadCount } from './use-notifications';

/** The Notifications icon of the navigation rail, with the unread count. */
export function UnreadBadge({ children }: { children: ReactElement }) {
  const count = useUnreadCount();
  return (
    <Badge badgeContent={count} color="error" max={99} data-testid="unread-badge" data-count={count} aria-label={count ? `${count} unread notifications` : undefined}>
      {children}
    </Badge>
  );
}
