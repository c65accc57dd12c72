import { Box, Link, Stack, Typography } from '@mui/material';
import type { MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { attachmentUrl, saveFromHost, useFileKey } from '../files/file-urls';

/**
 * The papers discussed, per agenda item, as the minutes list them (and their PDF prints them):
 * the item's title and its files, each saved with a click. Nothing when no item has files.
 */
export function AgendaFilesList({ meeting }: { meeting: MeetingDetail }) {
  const key = useFileKey();
  const withFiles = meeting.agenda.map((item, index) => ({ item, index })).filter(({ item }) => item.files.length > 0);
  if (withFiles.length === 0) return null;
  return (
    <Box component="section" aria-label="Files per agenda item">
      <Typography variant="subtitle2">Files per agenda item</Typography>
      {withFiles.map(({ item, index }) => (
        <Stack key={item.id} direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'baseline', py: 0.25 }}>
          <Typography variant="body2">{index + 1}. {item.title}:</Typography>
          {item.files.map((file) => (
            <Link key={file.id} component="button" variant="body2" disabled={!key} onClick={() => key && saveFromHost(attachmentUrl(file.id, key, true), file.name)}>
              {file.name}
            </Link>
          ))}
        </Stack>
      ))}
    </Box>
  );
}
