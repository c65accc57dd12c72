import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { interactionTypes } from '../../src-shared/crm/interaction-kind';
import type { TimelineItem } from '../../src-shared/crm/interaction-timeline';
import { formatDateTime, formatDay } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import type { RecordTabProps } from '../records/record-tabs';
import { useRecordNav } from '../records/record-routes';
import { useNavigation } from '../shell/navigation';
import { LogInteractionDialog } from './LogInteractionDialog';

const typeLabel = (type: string) => interactionTypes.find((t) => t.value === type)?.label ?? type;

/**
 * The interactions about a lead, contact, organisation or opportunity as one timeline, newest
 * first — an organisation's includes its contacts' and opportunities' — with "Log interaction".
 */
export function InteractionTimelineTab({ record }: RecordTabProps) {
  const timeline = useLiveQuery('crm/timeline', { id: record.id });
  const [isLogging, setLogging] = useState(false);
  const items = timeline.data ?? [];
  return (
    <Stack spacing={1.5}>
      <Box>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setLogging(true)}>Log interaction</Button>
      </Box>
      {timeline.error && <Alert severity="error">{errorText(timeline.error)}</Alert>}
      {timeline.data && items.length === 0 && <Typography variant="body2" color="text.secondary">No interactions logged yet: log the first call, email, meeting or note.</Typography>}
      <Stack spacing={1} component="ol" aria-label="Timeline" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {items.map((item) => <Entry key={item.id} item={item} pageRecordId={record.id} />)}
      </Stack>
      {isLogging && <LogInteractionDialog record={record} onClose={() => setLogging(false)} />}
    </Stack>
  );
}

function Entry({ item, pageRecordId }: { item: TimelineItem; pageRecordId: string }) {
  const nav = useRecordNav();
  const go = useNavigation((s) => s.go);
  return (
    <Paper component="li" variant="outlined" sx={{ p: 1.5 }} data-testid="timeline-entry">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" label={typeLabel(item.type)} />
        <Typography variant="subtitle2" component="span">{item.summary}</Typography>
        <Typography variant="body2" color="text.secondary" component="span">{formatDateTime(item.occurredAt)} · {item.ownerName || 'Unknown person'}</Typography>
        {item.subjectId !== pageRecordId && (
          <Typography variant="body2" component="span">· about <Link component="button" variant="body2" onClick={() => nav.openRecord(item.subjectId)}>{item.subjectTitle}</Link></Typography>
        )}
      </Stack>
      {item.details && <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>{item.details}</Typography>}
      <Stack direction="row" spacing={2} sx={{ mt: 0.5 }}>
        {item.meeting && (
          <Typography variant="body2">Meeting: <Link component="button" variant="body2" onClick={() => go('meetings', [item.meeting!.id])}>{item.meeting.title}</Link> ({formatDateTime(item.meeting.startsAt)})</Typography>
        )}
        {item.nextFollowUpOn && (
          <Typography variant="body2" color={item.followUpDone ? 'text.secondary' : 'warning.main'}>
            {item.followUpDone ? `Followed up (planned ${formatDay(item.nextFollowUpOn)})` : `Follow up on ${formatDay(item.nextFollowUpOn)}`}
          </Typography>
        )}
        <Link component="button" variant="body2" onClick={() => nav.openRecord(item.id)}>Open</Link>
      </Stack>
    </Paper>
  );
}
