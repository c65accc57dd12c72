import DownloadIcon from '@mui/icons-material/Download';
import { Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { ageingBuckets, ageingTotals } from '../../src-shared/finance/receivables';
import { formatDay, formatMoney, majorAmount } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { ageingCsv } from './receivables-csv';

/**
 * Receivables ageing: what each customer still owes, by how late it is on today (not yet due,
 * 1–30, 31–60, 61–90, over 90 days), one table and chart per currency (amounts in different
 * currencies are never added), and the whole as CSV.
 */
export function ReceivablesTab() {
  const view = useLiveQuery('finance/receivables', {});
  const rows = view.data?.ageing ?? [];
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const download = () => {
    const url = URL.createObjectURL(new Blob([ageingCsv(rows)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `Receivables ageing ${view.data?.today ?? ''}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  if (!view.data) return null;
  if (rows.length === 0) return <Typography variant="body2" color="text.secondary">Nothing is owed: every issued invoice is paid or credited.</Typography>;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">Owed on {formatDay(view.data.today)}, by days past the due date.</Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={download}>Export CSV</Button>
      </Stack>
      {currencies.map((currency) => {
        const mine = rows.filter((r) => r.currency === currency);
        const totals = ageingTotals(mine);
        return (
          <Stack key={currency} spacing={1}>
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label={`Receivables ageing in ${currency}`}>
                <TableHead><TableRow>{['Customer', ...ageingBuckets.map((b) => b.label), 'Total'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
                <TableBody>
                  {mine.map((r) => (
                    <TableRow key={r.customerId} data-testid="ageing-row">
                      <TableCell>{r.customerName}</TableCell>
                      {ageingBuckets.map((b) => <TableCell key={b.id} sx={{ whiteSpace: 'nowrap' }}>{r.buckets[b.id] ? formatMoney(r.buckets[b.id], currency) : '—'}</TableCell>)}
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatMoney(r.totalMinor, currency)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell sx={{ fontWeight: 600 }}>All customers</TableCell>
                    {ageingBuckets.map((b) => <TableCell key={b.id} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{formatMoney(totals[b.id], currency)}</TableCell>)}
                    <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{formatMoney(totals.totalMinor, currency)}</TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </TableContainer>
            <Paper variant="outlined" sx={{ p: 1 }}>
              <BarChart
                height={240}
                xAxis={[{ scaleType: 'band', data: ageingBuckets.map((b) => b.label) }]}
                yAxis={[{ label: currency }]}
                series={[{ data: ageingBuckets.map((b) => majorAmount(totals[b.id], currency)), label: `Owed (${currency})`, valueFormatter: (_v, { dataIndex }) => formatMoney(totals[ageingBuckets[dataIndex]!.id], currency) }]}
              />
            </Paper>
          </Stack>
        );
      })}
    </Stack>
  );
}
