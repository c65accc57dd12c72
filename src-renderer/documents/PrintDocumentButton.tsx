import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Menu, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import type { GeneratedDocument } from '../../src-shared/documents/document-contract';
import { formatFileSize, type AttachmentSubjectType } from '../../src-shared/files/attachment-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { PdfPreview } from '../files/PdfPreview';
import { draftUrl, saveFromHost, useFileKey } from '../files/file-urls';

/**
 * "Print / PDF" for a record page (or any subject with templates): choose a document, see it as
 * generated in the host, save it, or keep it with the record's files, where it never changes.
 */
export function PrintDocumentButton({ subjectType, subjectId }: { subjectType: AttachmentSubjectType; subjectId: string }) {
  const templates = useLiveQuery('documents/templates', { subjectType, subjectId });
  const generate = useCommand('documents/generate');
  const keep = useCommand('documents/keep');
  const key = useFileKey();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [generated, setGenerated] = useState<GeneratedDocument | null>(null);
  const [isKept, setIsKept] = useState(false);
  const choices = templates.data ?? [];
  if (choices.length === 0) return null;

  async function make(template: string) {
    setAnchor(null);
    setIsKept(false);
    const result = await generate.run({ subjectType, subjectId, template });
    if (result.ok) setGenerated(result.value);
  }

  return (
    <>
      <Button startIcon={<PrintIcon />} disabled={generate.isRunning} onClick={(e) => (choices.length === 1 ? void make(choices[0]!.id) : setAnchor(e.currentTarget))}>
        {generate.isRunning ? 'Generating…' : 'Print / PDF'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {choices.map((t) => <MenuItem key={t.id} onClick={() => void make(t.id)}>{t.label}</MenuItem>)}
      </Menu>
      {generate.error && <Alert severity="error" onClose={generate.clearError}>{errorText(generate.error)}</Alert>}
      <Dialog open={generated !== null} onClose={() => setGenerated(null)} fullWidth maxWidth="lg">
        {generated && key && (
          <>
            <DialogTitle>{generated.name}</DialogTitle>
            <DialogContent dividers sx={{ bgcolor: 'action.hover' }}>
              <Typography variant="caption" color="text.secondary">{formatFileSize(generated.size)} · not kept yet: save it, or keep it with the files, where it stays unchanged.</Typography>
              <Box sx={{ mt: 1 }}><PdfPreview url={draftUrl(generated.draftId, key)} title={generated.name} /></Box>
              {generated.cannotKeepReason && <Alert severity="warning" sx={{ mt: 1 }}>{generated.cannotKeepReason}</Alert>}
              {keep.error && <Alert severity="error" sx={{ mt: 1 }}>{errorText(keep.error)}</Alert>}
              {isKept && <Alert severity="success" sx={{ mt: 1 }}>Kept with the files.</Alert>}
            </DialogContent>
            <DialogActions>
              <Button startIcon={<DownloadIcon />} onClick={() => saveFromHost(draftUrl(generated.draftId, key, true), generated.name)}>Save</Button>
              <Button variant="contained" disabled={isKept || keep.isRunning || generated.cannotKeepReason !== undefined} onClick={async () => setIsKept((await keep.run({ draftId: generated.draftId })).ok)}>Keep as attachment</Button>
              <Button onClick={() => setGenerated(null)}>Close</Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </>
  );
}
