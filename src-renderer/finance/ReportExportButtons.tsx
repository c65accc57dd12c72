import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import type { FinanceReport } from '../../src-shared/finance/report-contract';
import { useBridge } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { exportBlobOf, saveBlobFile } from '../files/save-text-file';

/**
 * Saves a finance report as CSV or an Excel workbook, written by the host with this screen's
 * language and time zone (amounts typed in their currency's format, so Excel can add them up).
 */
export function ReportExportButtons({ report, year, disabled }: { report: FinanceReport; year?: number | undefined; disabled: boolean }) {
  const client = useBridge();
  const [problem, setProblem] = useState<string | null>(null);
  const place = Intl.DateTimeFormat().resolvedOptions();
  const run = (format: 'csv' | 'xlsx') => {
    setProblem(null);
    const stop = client.subscribe('finance/reports/export', { report, format, ...(year ? { year } : {}), locale: place.locale, timeZone: place.timeZone }, (result) => {
      stop();
      if (!result.ok) return setProblem(errorText(result.error));
      saveBlobFile(result.value.fileName, exportBlobOf(result.value));
    });
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Button size="small" startIcon={<DownloadIcon />} disabled={disabled} onClick={() => run('csv')}>Save as CSV</Button>
      <Button size="small" startIcon={<DownloadIcon />} disabled={disabled} onClick={() => run('xlsx')}>Save as Excel</Button>
      {problem && <Alert severity="error">{problem}</Alert>}
    </Stack>
  );
}
