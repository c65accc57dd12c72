import AddIcon from '@mui/icons-material/Add';
import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import SettingsIcon from '@mui/icons-material/Settings';
import { Button, Stack, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useNavigation } from '../shell/navigation';
import { CalendarSettingsDialog } from './CalendarSettingsDialog';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingDialog } from './MeetingDialog';
import { MeetingList } from './MeetingList';
import { MeetingPage } from './MeetingPage';
import { RoomsDialog } from './RoomsDialog';

const tabs = [
  { id: 'calendar', label: 'Calendar' },
  { id: 'list', label: 'List' },
] as const;

/** The Meetings section: the calendar and the list (`#/meetings/calendar|list`), or one meeting (`#/meetings/<id>`). */
export function MeetingsPage({ personId }: { personId: string }) {
  const { path, go } = useNavigation();
  const [isCreating, setIsCreating] = useState<{ startsAt?: string; endsAt?: string } | null>(null);
  const [isSettingsOpen, setIsSettingsOpen] = useState(false);
  const [isRoomsOpen, setIsRoomsOpen] = useState(false);
  const first = path[0] ?? 'calendar';
  const tab = tabs.find((t) => t.id === first);
  if (!tab) return <MeetingPage key={first} meetingId={first} personId={personId} />;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Tabs value={tab.id} aria-label="Meetings views" sx={{ flexGrow: 1 }}>
          {tabs.map((t) => <Tab key={t.id} value={t.id} label={t.label} onClick={() => go('meetings', [t.id])} />)}
        </Tabs>
        <Button startIcon={<MeetingRoomIcon />} onClick={() => setIsRoomsOpen(true)}>Rooms</Button>
        <Button startIcon={<SettingsIcon />} onClick={() => setIsSettingsOpen(true)}>Reminders and calendar feed</Button>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setIsCreating({})}>New meeting</Button>
      </Stack>
      {tab.id === 'calendar' ? <MeetingCalendar onCreate={(startsAt, endsAt) => setIsCreating({ startsAt, endsAt })} /> : <MeetingList />}
      {isCreating && <MeetingDialog isOpen initial={isCreating} onClose={(id) => { setIsCreating(null); if (id) go('meetings', [id]); }} />}
      <CalendarSettingsDialog isOpen={isSettingsOpen} onClose={() => setIsSettingsOpen(false)} />
      <RoomsDialog isOpen={isRoomsOpen} onClose={() => setIsRoomsOpen(false)} />
    </Stack>
  );
}
