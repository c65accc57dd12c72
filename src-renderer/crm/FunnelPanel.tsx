import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { FunnelStage } from '../../src-shared/crm/pipeline-analytics';
import { formatMoney } from '../../src-shared/format/display-format';

/**
 * The funnel in one currency: how many open opportunities stand in each stage, in pipeline order,
 * as horizontal bars and as a table with each stage's open value.
 */
export function FunnelPanel({ stages, currency }: { stages: readonly FunnelStage[]; currency: string }) {
  const open = stages.reduce((n, s) => n + s.count, 0);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="funnel-title" data-testid="funnel">
      <Typography variant="subtitle1" component="h3" id="funnel-title">Funnel by stage ({currency})</Typography>
      {open === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>No open opportunities in {currency}.</Typography>
      ) : (
        <>
          <Box role="img" aria-label={`Bar chart of the open opportunities per stage in ${currency}; the table below gives the figures.`}>
            <BarChart height={Math.max(160, 48 * stages.length + 60)} layout="horizontal"
              yAxis={[{ scaleType: 'band', data: stages.map((s) => s.label), width: 150 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ data: stages.map((s) => s.count), label: 'Open opportunities', color: '#2e7d32' }]} />
          </Box>
          <Table size="small" aria-label={`Funnel by stage (${currency})`}>
            <TableHead>
              <TableRow><TableCell>Stage</TableCell><TableCell align="right">Open opportunities</TableCell><TableCell align="right">Open value</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {stages.map((s) => (
                <TableRow key={s.stageId || 'other'} data-testid="funnel-row">
                  <TableCell>{s.label}</TableCell>
                  <TableCell align="right">{s.count}</TableCell>
                  <TableCell align="right">{formatMoney(s.totalMinor, currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  );
}
