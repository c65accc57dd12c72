import { Paper, Stack, Typography } from '@mui/material';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { AttachmentsPanel } from '../files/AttachmentsPanel';

/**
 * The meeting's papers (agenda documents, slides, the signed minutes): attachments of the meeting's
 * own document, read by whoever reads the meeting. A meeting of a series that has no document of
 * its own yet (nothing planned for it alone) has nothing to attach them to.
 */
export function MeetingFilesSection({ meeting }: { meeting: MeetingDetail }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Files">
      <Stack spacing={1}>
        <Typography variant="h6" component="h3">Files</Typography>
        {meeting.hasDocument ? (
          <AttachmentsPanel subjectType="meetings" subjectId={meeting.id} />
        ) : (
          <Typography variant="body2" color="text.secondary">Add an agenda item to this meeting first; its files are then kept with it.</Typography>
        )}
      </Stack>
    </Paper>
  );
}
