import { Stack, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { NotificationInbox } from './NotificationInbox';
import { NotificationPreferences } from './NotificationPreferences';

export function NotificationsPage() {
  const [tab, setTab] = useState<'inbox' | 'preferences'>('inbox');
  return (
    <Stack spacing={2}>
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} aria-label="Notifications">
        <Tab value="inbox" label="Inbox" />
        <Tab value="preferences" label="Preferences" />
      </Tabs>
      {tab === 'inbox' ? <NotificationInbox /> : <NotificationPreferences />}
    </Stack>
  );
}
