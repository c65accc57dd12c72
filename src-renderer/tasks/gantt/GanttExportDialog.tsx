import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useRef, useState } from 'react';
import type { ExportView } from '../../../src-shared/projects/plan-views';
import { saveTextFile } from '../../files/save-text-file';

/** The Mermaid gantt text of the plan, to copy (e.g. into a Markdown document) or save as a file. */
export function GanttExportDialog({ exported, onClose }: { exported: ExportView | null; onClose: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const textRef = useRef<HTMLPreElement>(null);

  const copy = async () => {
    if (!exported) return;
    try {
      await navigator.clipboard.writeText(exported.text);
      setCopied('yes');
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      const selection = window.getSelection();
      if (textRef.current && selection) selection.selectAllChildren(textRef.current);
      setCopied('failed');
    }
  };

  return (
    <Dialog open={exported !== null} onClose={() => { setCopied(null); onClose(); }} maxWidth="md" fullWidth aria-labelledby="mermaid-title">
      <DialogTitle id="mermaid-title">Mermaid gantt · {exported?.fileName}</DialogTitle>
      <DialogContent dividers>
        {copied === 'yes' && <Alert severity="success" sx={{ mb: 1 }}>Copied to the clipboard.</Alert>}
        {copied === 'failed' && <Alert severity="info" sx={{ mb: 1 }}>The clipboard is not available here; the text is selected, press Ctrl+C.</Alert>}
        <Box component="pre" ref={textRef} data-testid="mermaid-text"
          sx={{ m: 0, p: 1.5, maxHeight: '55vh', overflow: 'auto', bgcolor: 'action.hover', borderRadius: 1, fontFamily: 'ui-monospace, "Cascadia Code", Menlo, Consolas, monospace', fontSize: 12.5, whiteSpace: 'pre' }}>
          {exported?.text}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>Copy</Button>
        <Button startIcon={<DownloadIcon />} onClick={() => exported && saveTextFile(exported.fileName, exported.text, exported.mimeType)}>Download</Button>
        <Button variant="contained" onClick={() => { setCopied(null); onClose(); }}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
