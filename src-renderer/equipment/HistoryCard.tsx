import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Button, Chip, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { stageLabels } from '../../src-shared/equipment/lifecycle-event';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDay } from '../tasks/task-labels';
import { formatDateTime } from './equipment-labels';
import { useDocumentDownload } from './use-download';

/** The instrument's history card: every lifecycle event in order, with who and the signatures; printable as a PDF. */
export function HistoryCard({ equipmentId }: { equipmentId: string }) {
  const history = useLiveQuery('equipment/history', { id: equipmentId });
  const pdf = useDocumentDownload();
  if (history.error) return <Alert severity="error">{errorText(history.error)}</Alert>;
  if (!history.data) return <LinearProgress aria-label="Loading the history card" />;
  const events = [...history.data.events].reverse();
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>History card · {history.data.events.length} events</Typography>
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={pdf.isRunning} onClick={() => pdf.download('history_card', equipmentId)}>History card PDF</Button>
      </Stack>
      {pdf.error && <Alert severity="error">{errorText(pdf.error)}</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label="History card">
          <TableHead><TableRow><TableCell sx={{ width: 210 }}>When</TableCell><TableCell sx={{ width: 140 }}>Stage</TableCell><TableCell>What happened</TableCell><TableCell sx={{ width: 180 }}>By</TableCell></TableRow></TableHead>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id} data-testid="history-event">
                <TableCell>{e.at.length > 10 ? formatDateTime(e.at) : formatDay(e.at)}</TableCell>
                <TableCell><Chip size="small" variant="outlined" label={stageLabels[e.stage]} /></TableCell>
                <TableCell>
                  <Typography variant="body2">{e.title}</Typography>
                  {e.detail && <Typography variant="caption" color="text.secondary">{e.detail}</Typography>}
                  {(e.signatures ?? []).map((s) => <Typography key={s.at} variant="caption" color="primary" sx={{ display: 'block' }}>Signed: {s.meaning} {s.name}, {formatDateTime(s.at)}</Typography>)}
                </TableCell>
                <TableCell>{e.by ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
