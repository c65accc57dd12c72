import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, CircularProgress, ListItemText, Menu, MenuItem, Snackbar } from '@mui/material';
import { useState } from 'react';
import type { RegisterQuery } from '../../src-shared/records/record-contract';
import { useBridge } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { exportBlobOf, saveBlobFile } from '../files/save-text-file';

/**
 * Exports the whole register as shown — every matching record, not just this page, with the chosen
 * columns, sort and labels — as CSV or an Excel workbook. The host writes the file from its
 * in-memory register (with this screen's language and time zone) and the browser saves it.
 */
export function RegisterExportMenu({ query, columns, total }: { query: Omit<RegisterQuery, 'offset' | 'limit'>; columns: readonly string[]; total: number }) {
  const client = useBridge();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [isExporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const place = Intl.DateTimeFormat().resolvedOptions();

  const run = (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    setExporting(true);
    const stop = client.subscribe('records/export', { ...query, columns: [...columns], format, locale: place.locale, timeZone: place.timeZone }, (result) => {
      stop();
      setExporting(false);
      if (!result.ok) return setOutcome({ severity: 'error', text: errorText(result.error) });
      saveBlobFile(result.value.fileName, exportBlobOf(result.value));
      setOutcome({ severity: 'success', text: `Exported ${result.value.rowCount.toLocaleString()} record${result.value.rowCount === 1 ? '' : 's'} to “${result.value.fileName}”.` });
    });
  };

  return (
    <>
      <Button startIcon={isExporting ? <CircularProgress size={16} /> : <DownloadIcon />} disabled={isExporting || total === 0} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {isExporting ? 'Exporting…' : 'Export'}
      </Button>
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Export' } }}>
        <MenuItem onClick={() => run('csv')}><ListItemText primary="CSV" secondary={`${total.toLocaleString()} records, as shown`} /></MenuItem>
        <MenuItem onClick={() => run('xlsx')}><ListItemText primary="Excel workbook (.xlsx)" secondary="Numbers, amounts and dates as cells Excel can add up" /></MenuItem>
      </Menu>
      <Snackbar open={outcome !== null} autoHideDuration={6000} onClose={() => setOutcome(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        {outcome ? <Alert severity={outcome.severity} onClose={() => setOutcome(null)} variant="filled">{outcome.text}</Alert> : undefined}
      </Snackbar>
    </>
  );
}
