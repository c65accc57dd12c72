import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { Alert, Box, Button, Chip, IconButton, LinearProgress, List, ListItem, ListItemIcon, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import type { AttachmentView } from '../../src-shared/files/attachment-contract';
import { formatFileSize, type AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { LocalTime } from '../workflows/LocalTime';
import { FilePreviewDialog } from './FilePreviewDialog';
import { attachmentUrl, saveFromHost, useFileKey } from './file-urls';
import { uploadFile } from './upload-file';

export interface AttachmentsPanelProps {
  subjectType: AttachmentSubjectType;
  subjectId: string;
  /** For a workflow instance: the step the files belong to. */
  stepId?: string;
  /** Show only these of the subject's files (e.g. an agenda item's, which are files of its meeting). */
  onlyIds?: readonly string[];
  /** Called with each file once attached (e.g. to name it on an agenda item). */
  onAttached?: (file: AttachmentView) => Promise<unknown>;
  /** False hides adding even where the person may attach files to the subject (default true). */
  canAdd?: boolean;
}

interface Sending {
  name: string;
  fraction: number;
}

const iconOf = (file: AttachmentView) =>
  file.preview === 'pdf' ? <PictureAsPdfOutlinedIcon /> : file.preview === 'image' ? <ImageOutlinedIcon /> : <DescriptionOutlinedIcon />;

/** Where the file is, in words, when it is not simply here. */
function stateChip(file: AttachmentView) {
  if (file.availability === 'corrupt') return <Chip size="small" color="error" label="Damaged on this PC" />;
  if (file.transfer?.error) return <Tooltip title={file.transfer.error}><Chip size="small" color="warning" label="Transfer failed, retrying" /></Tooltip>;
  if (file.transfer) {
    const percent = file.transfer.bytesTotal ? Math.round((100 * file.transfer.bytesDone) / file.transfer.bytesTotal) : 0;
    return <Chip size="small" color="info" label={`${file.transfer.direction === 'upload' ? 'Sending' : 'Receiving'} ${percent}%`} />;
  }
  if (file.availability === 'missing') return <Chip size="small" label="Waiting for the sync server" />;
  return null;
}

/**
 * The files of a record, project, task, meeting or workflow step: drop files on it or pick them,
 * open images and PDFs in the app, save any file, remove your own. Files damaged on this PC or
 * still on their way are shown as such, never as fine.
 */
export function AttachmentsPanel({ subjectType, subjectId, stepId, onlyIds, onAttached, canAdd = true }: AttachmentsPanelProps) {
  const list = useLiveQuery('attachments/list', { subjectType, subjectId, ...(stepId ? { stepId } : {}) });
  const add = useCommand('attachments/add');
  const remove = useCommand('attachments/remove');
  const key = useFileKey();
  const picker = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [previewed, setPreviewed] = useState<AttachmentView | null>(null);
  const canAttach = canAdd && list.data?.canAttach === true && key !== null;

  async function send(files: File[]) {
    if (!key) return;
    setProblems([]);
    for (const file of files) {
      setSending((s) => [...s, { name: file.name, fraction: 0 }]);
      const uploaded = await uploadFile(file, key, (fraction) => setSending((s) => s.map((x) => (x.name === file.name ? { ...x, fraction } : x))));
      const result = uploaded.ok ? await add.run({ subjectType, subjectId, uploadId: uploaded.uploadId, name: file.name, mediaType: file.type, ...(stepId ? { stepId } : {}) }) : null;
      if (!uploaded.ok) setProblems((p) => [...p, uploaded.message]);
      else if (result && !result.ok) setProblems((p) => [...p, `${file.name}: ${errorText(result.error)}`]);
      else if (result?.ok && onAttached) await onAttached(result.value);
      setSending((s) => s.filter((x) => x.name !== file.name));
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    if (canAttach) void send([...event.dataTransfer.files]);
  };

  if (list.error) return <Alert severity="error">{errorText(list.error)}</Alert>;
  const items = (list.data?.items ?? []).filter((file) => !onlyIds || onlyIds.includes(file.id));
  return (
    <Box
      data-testid="attachments-panel"
      onDragOver={(e) => {
        if (!canAttach) return;
        e.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
      sx={{ border: 1, borderStyle: 'dashed', borderColor: isDragging ? 'primary.main' : 'divider', borderRadius: 1, p: 1.5, bgcolor: isDragging ? 'action.hover' : undefined }}
    >
      {list.isLoading && <LinearProgress aria-label="Loading files" />}
      {items.length === 0 && !list.isLoading && <Typography variant="body2" color="text.secondary">No files yet.{canAttach ? ' Drop files here or choose them.' : ''}</Typography>}
      <List dense disablePadding>
        {items.map((file) => {
          const isHere = file.availability === 'available';
          return (
            <ListItem
              key={file.id}
              disableGutters
              secondaryAction={
                <Stack direction="row" spacing={0.5}>
                  {file.preview !== 'none' && <Button size="small" disabled={!isHere || !key} onClick={() => setPreviewed(file)}>Open</Button>}
                  <Tooltip title="Save a copy"><span><IconButton size="small" aria-label={`Save ${file.name}`} disabled={!isHere || !key} onClick={() => key && saveFromHost(attachmentUrl(file.id, key, true), file.name)}><DownloadIcon fontSize="small" /></IconButton></span></Tooltip>
                  {file.canRemove && <Tooltip title="Remove (kept in the audit trail)"><IconButton size="small" aria-label={`Remove ${file.name}`} onClick={() => void remove.run({ id: file.id })}><DeleteOutlinedIcon fontSize="small" /></IconButton></Tooltip>}
                </Stack>
              }
              sx={{ pr: 18 }}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>{iconOf(file)}</ListItemIcon>
              <ListItemText
                primary={<Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><span>{file.name}</span>{file.source === 'generated' && <Chip size="small" variant="outlined" label={file.number ? `Generated · ${file.number}` : 'Generated'} />}{stateChip(file)}</Stack>}
                secondary={<>{formatFileSize(file.size)} · {file.addedBy.name} · <LocalTime iso={file.addedAt} /></>}
              />
            </ListItem>
          );
        })}
      </List>
      {sending.map((s) => (
        <Box key={s.name} sx={{ my: 1 }}>
          <Typography variant="caption">Sending {s.name}…</Typography>
          <LinearProgress variant="determinate" value={Math.round(s.fraction * 100)} aria-label={`Sending ${s.name}`} />
        </Box>
      ))}
      {problems.map((p) => <Alert key={p} severity="error" sx={{ mt: 1 }} onClose={() => setProblems((all) => all.filter((x) => x !== p))}>{p}</Alert>)}
      {remove.error && <Alert severity="error" sx={{ mt: 1 }} onClose={remove.clearError}>{errorText(remove.error)}</Alert>}
      {canAdd && list.data && !list.data.canAttach && list.data.cannotAttachReason && <Typography variant="caption" color="text.secondary">{list.data.cannotAttachReason}</Typography>}
      {canAttach && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
          <Button size="small" startIcon={<AttachFileIcon />} onClick={() => picker.current?.click()}>Add files</Button>
          <Typography variant="caption" color="text.secondary">or drop them here · up to 50 MB each</Typography>
          <input ref={picker} type="file" multiple hidden data-testid="attachment-input" onChange={(e) => { void send([...(e.target.files ?? [])]); e.target.value = ''; }} />
        </Stack>
      )}
      <FilePreviewDialog
        file={previewed && key ? { name: previewed.name, preview: previewed.preview, url: attachmentUrl(previewed.id, key), downloadUrl: attachmentUrl(previewed.id, key, true) } : null}
        onClose={() => setPreviewed(null)}
      />
    </Box>
  );
}
