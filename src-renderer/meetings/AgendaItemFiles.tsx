import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Alert, Box, Button } from '@mui/material';
import { useRef, useState } from 'react';
import type { AttachmentView } from '../../src-shared/files/attachment-contract';
import type { AgendaItemView, MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { AttachmentsPanel } from '../files/AttachmentsPanel';

const countText = (n: number) => (n === 0 ? 'No files' : n === 1 ? '1 file' : `${n} files`);

/**
 * The papers of one agenda item: its count on the item, and, opened, the files to open or save
 * and (for those who plan the agenda) to add. They are files of the meeting (the files feature's
 * attachments, synced and read like the meeting's own); the item names which are its.
 */
export function AgendaItemFiles({ meeting, item, canPlan }: { meeting: MeetingDetail; item: AgendaItemView; canPlan: boolean }) {
  const update = useCommand('meetings/agenda/update');
  const [isOpen, setIsOpen] = useState(false);
  // Several files dropped at once are named one after another, before the meeting's next view arrives.
  const added = useRef<string[]>([]);
  if (!canPlan && item.files.length === 0) return null;
  const name = async (file: AttachmentView) => {
    const result = await update.run({ id: meeting.id, itemId: item.id, attachmentIds: [...new Set([...item.attachmentIds, ...added.current, file.id])] });
    if (result.ok) added.current.push(file.id);
  };
  return (
    <Box sx={{ mt: 0.5 }}>
      <Button size="small" startIcon={<AttachFileIcon />} onClick={() => setIsOpen((o) => !o)} aria-expanded={isOpen} aria-label={`Files of “${item.title}”: ${countText(item.files.length)}`}>
        {countText(item.files.length)}
      </Button>
      {!isOpen && item.files.length > 0 && <Box component="span" sx={{ typography: 'body2', color: 'text.secondary' }}> · {item.files.map((f) => f.name).join(', ')}</Box>}
      {isOpen && (
        <Box sx={{ mt: 0.5 }}>
          <AttachmentsPanel subjectType="meetings" subjectId={meeting.id} onlyIds={item.files.map((f) => f.id)} onAttached={name} canAdd={canPlan} />
        </Box>
      )}
      {update.error && <Alert severity="error" sx={{ mt: 1 }}>{errorText(update.error)}</Alert>}
    </Box>
  );
}
