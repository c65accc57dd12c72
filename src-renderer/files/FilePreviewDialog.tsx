import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Dialog, DialogContent, DialogTitle, IconButton, Stack } from '@mui/material';
import { useState } from 'react';
import type { PreviewKind } from '../../src-shared/files/attachment-model';
import { PdfPreview } from './PdfPreview';
import { saveFromHost } from './file-urls';

/** A file opened in the app: an image or a PDF, with Save beside it. */
export function FilePreviewDialog({ file, onClose }: { file: { name: string; preview: PreviewKind; url: string; downloadUrl: string } | null; onClose: () => void }) {
  const [imageError, setImageError] = useState(false);
  return (
    <Dialog open={file !== null} onClose={onClose} fullWidth maxWidth="lg">
      {file && (
        <>
          <DialogTitle component="div">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Box sx={{ flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{file.name}</Box>
              <Button startIcon={<DownloadIcon />} onClick={() => saveFromHost(file.downloadUrl, file.name)}>Save</Button>
              <IconButton aria-label="Close preview" onClick={onClose}><CloseIcon /></IconButton>
            </Stack>
          </DialogTitle>
          <DialogContent dividers sx={{ bgcolor: 'action.hover', minHeight: 300 }}>
            {file.preview === 'pdf' && <PdfPreview url={file.url} title={file.name} />}
            {file.preview === 'image' && !imageError && (
              <Box component="img" src={file.url} alt={file.name} onError={() => setImageError(true)} sx={{ display: 'block', maxWidth: '100%', mx: 'auto' }} />
            )}
            {file.preview === 'image' && imageError && <Alert severity="error">This image could not be shown: it may be damaged or not on this PC yet.</Alert>}
          </DialogContent>
        </>
      )}
    </Dialog>
  );
}
