import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import type { ConflictFieldView, RecordConflictView } from '../../src-shared/sync/record-conflicts';
import { errorText } from '../errors/error-text';
import { conflictSentence, loserText, restoreLabel } from './conflict-text';

function Value({ text }: { text: string }) {
  if (text === '') return <Typography variant="body2" component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>(empty)</Typography>;
  const isBlock = text.includes('\n') || text.length > 80;
  return (
    <Box component={isBlock ? 'pre' : 'span'} sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: isBlock ? 'monospace' : 'inherit', fontSize: isBlock ? 12 : 'inherit', maxHeight: 160, overflow: 'auto', display: 'block' }}>
      {text}
    </Box>
  );
}

function CopyButton({ field }: { field: ConflictFieldView }) {
  const [isCopied, setIsCopied] = useState(false);
  if (!navigator.clipboard || field.lostText === '') return null;
  const copy = async () => {
    await navigator.clipboard.writeText(field.lostText).catch(() => undefined);
    setIsCopied(true);
  };
  return (
    <Tooltip title={isCopied ? 'Copied' : 'Copy the value'}>
      <IconButton size="small" aria-label={`Copy the replaced value of ${field.label}`} onClick={() => void copy()}><ContentCopyIcon fontSize="inherit" /></IconButton>
    </Tooltip>
  );
}

interface Props {
  conflict: RecordConflictView | null;
  isBusy: boolean;
  error: AppError | undefined;
  onClose: () => void;
  onRestore: (conflict: RecordConflictView) => void;
  onDismiss: (conflict: RecordConflictView) => void;
  /** Inside a modal drawer, keep the dialog in the drawer's tree so assistive technology reaches it. */
  disablePortal?: boolean;
}

/** Per field: the value kept for the team and the one that was replaced, to restore or copy. */
export function ConflictDetailsDialog({ conflict, isBusy, error, onClose, onRestore, onDismiss, disablePortal }: Props) {
  const mustCopy = conflict?.fields.filter((f) => !f.isRestorable && !f.isRestored && f.lostText !== '') ?? [];
  return (
    <Dialog open={conflict !== null} onClose={onClose} fullWidth maxWidth="md" disablePortal={disablePortal} aria-labelledby="conflict-details-title">
      {conflict && (
        <>
          <DialogTitle id="conflict-details-title">Changed on two PCs at once</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{conflictSentence(conflict)}</DialogContentText>
            <Table size="small" aria-label="Kept and replaced values">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">Field</TableCell>
                  <TableCell component="th" scope="col">Kept for the team</TableCell>
                  <TableCell component="th" scope="col">Replaced ({loserText(conflict.by)})</TableCell>
                  <TableCell component="th" scope="col"><Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>Copy</Box></TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {conflict.fields.map((f) => (
                  <TableRow key={f.field} data-testid="conflict-field">
                    <TableCell component="th" scope="row" sx={{ fontWeight: 600, verticalAlign: 'top' }}>{f.label}</TableCell>
                    <TableCell sx={{ verticalAlign: 'top' }}>
                      <Value text={f.keptText} />
                      {f.keptBy && <Typography variant="caption" sx={{ color: 'text.secondary' }}>by {f.keptBy.isYou ? 'you' : f.keptBy.name}</Typography>}
                      {f.currentText !== f.keptText && !f.isRestored && <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>Now: {f.currentText || '(empty)'}</Typography>}
                    </TableCell>
                    <TableCell sx={{ verticalAlign: 'top' }}>
                      <Value text={f.lostText} />
                      {f.isRestored && <Typography variant="caption" sx={{ color: 'success.main' }}>In the record again</Typography>}
                    </TableCell>
                    <TableCell sx={{ verticalAlign: 'top' }}><CopyButton field={f} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {mustCopy.length > 0 && (
              <Alert severity="info" sx={{ mt: 2 }}>
                {conflict.restore.length > 0 ? 'Some of these' : 'These'} fields cannot be written back from here ({mustCopy.map((f) => f.label).join(', ')}): copy the replaced value and edit the record.
              </Alert>
            )}
            {error && <Alert severity="error" sx={{ mt: 2 }}>{errorText(error)}</Alert>}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
            <Button onClick={() => onDismiss(conflict)} disabled={isBusy}>Dismiss</Button>
            {conflict.restore.length > 0 && <Button variant="contained" onClick={() => onRestore(conflict)} disabled={isBusy}>{restoreLabel(conflict.by)}</Button>}
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
