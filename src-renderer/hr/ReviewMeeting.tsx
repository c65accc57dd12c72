import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { ReviewRow } from '../../src-shared/hr/review-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateTimeField } from '../format/DateField';
import { formatDateTime, localTimeZone } from '../format/date-time';

function ScheduledMeeting({ meetingId }: { meetingId: string }) {
  const meeting = useLiveQuery('meetings/detail', { id: meetingId });
  if (meeting.error) return <Alert severity="warning">{errorText(meeting.error)}</Alert>;
  return <Typography data-testid="review-meeting">{meeting.data ? `Review meeting: ${formatDateTime(meeting.data.startsAt)}` : 'Loading the review meeting…'}</Typography>;
}

/**
 * The review meeting: a one-to-one of the meetings module, private, with the person invited and the
 * review linked, scheduled by the manager; once it is linked the manager marks the review discussed.
 */
export function ReviewMeeting({ review }: { review: ReviewRow }) {
  const create = useCommand('meetings/create');
  const link = useCommand('records/update');
  const [startsAt, setStartsAt] = useState('');
  if (review.meetingId) return <ScheduledMeeting meetingId={review.meetingId} />;
  if (review.role !== 'manager') return <Typography color="text.secondary">The manager schedules the review meeting.</Typography>;
  const schedule = async () => {
    const start = new Date(startsAt);
    const made = await create.run({
      title: `Performance review ${review.cycle}: ${review.personName}`, type: 'one_to_one', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: localTimeZone(), recordId: review.id, isPrivate: true, attendees: [{ personId: review.personId, role: 'required' }],
    });
    if (made.ok) await link.run({ id: review.id, data: { meetingId: made.value.id } });
  };
  const refusal = create.error ?? link.error;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <DateTimeField label="Review meeting starts" value={startsAt} onChange={setStartsAt} />
        <Button variant="outlined" disabled={!startsAt || create.isRunning || link.isRunning} onClick={() => void schedule()}>Schedule the meeting</Button>
      </Stack>
      {refusal && <Alert severity="error">{errorText(refusal)}</Alert>}
    </Stack>
  );
}
