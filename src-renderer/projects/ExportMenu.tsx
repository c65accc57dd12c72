import DownloadIcon from '@mui/icons-material/Download';
import { Button, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useBridge } from '../bridge/BridgeProvider';

/** Downloads the plan as Mermaid gantt text or CSV (the host builds the text; the browser saves it). */
export function ExportMenu({ projectId }: { projectId: string }) {
  const client = useBridge();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const download = (format: 'mermaid' | 'csv') => {
    setAnchor(null);
    const stop = client.subscribe('projects/export', { projectId, format }, (result) => {
      stop();
      if (!result.ok) return;
      const url = URL.createObjectURL(new Blob([result.value.text], { type: result.value.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.value.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
  };
  return (
    <>
      <Button startIcon={<DownloadIcon />} onClick={(e) => setAnchor(e.currentTarget)}>Export</Button>
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => download('mermaid')}>Gantt as Mermaid text</MenuItem>
        <MenuItem onClick={() => download('csv')}>Plan as CSV</MenuItem>
      </Menu>
    </>
  );
}
