import EventIcon from '@mui/icons-material/Event';
import { Link, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { formatDate } from '../format/date-time';
import { useNavigation } from '../shell/navigation';

/** On a task made from a meeting's action item: the meeting it came from, one click away. */
export function MeetingOriginNote({ taskId }: { taskId: string }) {
  const { go } = useNavigation();
  const meetings = useLiveQuery('meetings/for-task', { taskId }).data ?? [];
  if (meetings.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="task-meeting-origin">
      <EventIcon fontSize="small" color="action" />
      <Typography variant="body2">
        From the meeting{' '}
        {meetings.map((m, i) => (
          <span key={m.id}>
            {i > 0 && ', '}
            <Link component="button" variant="body2" onClick={() => go('meetings', [m.id])}>{m.title}</Link> ({formatDate(m.startsAt)})
          </span>
        ))}
      </Typography>
    </Stack>
  );
}
