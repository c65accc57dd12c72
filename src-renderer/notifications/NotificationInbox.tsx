import DoneAllIcon from '@mui/icons-material/DoneAll';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnread';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import {
  Alert, Box, Button, FormControl, FormControlLabel, IconButton, InputLabel, LinearProgress, List, ListItem, ListItemButton, ListItemText,
  MenuItem, Paper, Select, Stack, Switch, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { eventLabels, notificationEvents, type NotificationEvent } from '../../src-shared/notifications/notification-events';
import type { NotificationView } from '../../src-shared/notifications/notification-views';
import { errorText } from '../errors/error-text';
import { EmptySection } from '../shell/EmptySection';
import { openLink, useNotificationCentre } from './use-notifications';
import { formatDateTime } from '../../src-shared/format/display-format';

const when = (iso: string) => formatDateTime(iso);

/** The notification centre's list: filter by type, unread only, mark read, open the item. */
export function NotificationInbox() {
  const [event, setEvent] = useState<NotificationEvent | ''>('');
  const [isUnreadOnly, setIsUnreadOnly] = useState(false);
  const { list, markRead, markAllRead } = useNotificationCentre({ ...(event ? { event } : {}), isUnreadOnly });
  const entries = list.data ?? [];
  const hasUnread = entries.some((e) => !e.isRead);

  const open = (entry: NotificationView) => {
    if (!entry.isRead) void markRead.run({ ids: [entry.id], isRead: true });
    if (entry.link && entry.link.section !== 'notifications') openLink(entry.link);
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <FormControl size="small" sx={{ minWidth: 260 }}>
          <InputLabel id="notification-type" shrink>Type</InputLabel>
          <Select labelId="notification-type" label="Type" notched displayEmpty value={event} onChange={(e) => setEvent(e.target.value as NotificationEvent | '')}>
            <MenuItem value="">All types</MenuItem>
            {notificationEvents.map((e) => <MenuItem key={e} value={e}>{eventLabels[e]}</MenuItem>)}
          </Select>
        </FormControl>
        <FormControlLabel control={<Switch checked={isUnreadOnly} onChange={(e) => setIsUnreadOnly(e.target.checked)} />} label="Unread only" />
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<DoneAllIcon />} disabled={!hasUnread || markAllRead.isRunning} onClick={() => void markAllRead.run(event ? { event } : {})}>Mark all read</Button>
      </Stack>
      {list.isLoading && <LinearProgress aria-label="Loading notifications" />}
      {(list.error ?? markRead.error ?? markAllRead.error) && <Alert severity="error">{errorText(list.error ?? markRead.error ?? markAllRead.error)}</Alert>}
      {!list.isLoading && entries.length === 0 && (
        <EmptySection icon={<NotificationsNoneIcon />} title={event || isUnreadOnly ? 'Nothing matches' : 'No notifications yet'}
          text="Reminders and notices about your tasks, approvals, meetings and calibrations will appear here." />
      )}
      {entries.length > 0 && (
        <Paper variant="outlined">
          <List aria-label="Notifications" disablePadding>
            {entries.map((entry) => (
              <ListItem key={entry.id} divider disablePadding data-testid="notification-item" data-unread={!entry.isRead}
                secondaryAction={
                  <Tooltip title={entry.isRead ? 'Mark unread' : 'Mark read'}>
                    <IconButton edge="end" aria-label={`${entry.isRead ? 'Mark unread' : 'Mark read'}: ${entry.subject}`}
                      onClick={() => void markRead.run({ ids: [entry.id], isRead: !entry.isRead })}>
                      {entry.isRead ? <MarkEmailUnreadIcon /> : <MarkEmailReadIcon />}
                    </IconButton>
                  </Tooltip>
                }>
                <ListItemButton onClick={() => open(entry)} sx={{ pr: 8 }}>
                  <Box sx={{ width: 8, height: 8, borderRadius: '50%', mr: 2, flexShrink: 0, bgcolor: entry.isRead ? 'transparent' : 'primary.main' }} aria-hidden />
                  <ListItemText
                    primary={<Typography sx={{ fontWeight: entry.isRead ? 400 : 700 }}>{entry.subject}</Typography>}
                    secondary={
                      <>
                        <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-line' }}>{entry.body}</Typography>
                        <Typography component="span" variant="caption" color="text.secondary">
                          {eventLabels[entry.event]} · {when(entry.at)}{entry.actorName ? ` · from ${entry.actorName}` : ''}
                        </Typography>
                      </>
                    }
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
