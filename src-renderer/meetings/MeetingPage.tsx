import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, LinearProgress, Stack } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { ActionItemsSection } from './ActionItemsSection';
import { AgendaSection } from './AgendaSection';
import { AttendeesSection } from './AttendeesSection';
import { MeetingFilesSection } from './MeetingFilesSection';
import { MeetingHeader } from './MeetingHeader';
import { MinutesSection } from './MinutesSection';
import { VersionsSection } from './VersionsSection';

/** One meeting (or one occurrence of a series): its details, agenda, attendees, minutes, action items and files. */
export function MeetingPage({ meetingId, personId }: { meetingId: string; personId: string }) {
  const { go } = useNavigation();
  const detail = useLiveQuery('meetings/detail', { id: meetingId });
  const meeting = detail.data;
  return (
    <Stack spacing={2}>
      <Box>
        <Button startIcon={<ArrowBackIcon />} onClick={() => go('meetings', ['calendar'])}>Calendar</Button>
        <Button onClick={() => go('meetings', ['list'])}>List</Button>
      </Box>
      {detail.isLoading && !meeting && <LinearProgress aria-label="Loading the meeting" />}
      {detail.error && <Alert severity="error">{errorText(detail.error)}</Alert>}
      {meeting && (
        <>
          <MeetingHeader meeting={meeting} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, gap: 2, alignItems: 'start' }}>
            <Stack spacing={2}>
              <AgendaSection meeting={meeting} />
              <MinutesSection meeting={meeting} />
              <ActionItemsSection meeting={meeting} personId={personId} />
            </Stack>
            <Stack spacing={2}>
              <AttendeesSection meeting={meeting} />
              <VersionsSection meeting={meeting} />
              <MeetingFilesSection meeting={meeting} />
            </Stack>
          </Box>
        </>
      )}
    </Stack>
  );
}
