import { Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useMemo } from 'react';
import { cashReceivedByMonth } from '../../src-shared/finance/finance-reports';
import { formatMoney, formatMonth, majorAmount } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { ReportExportButtons } from './ReportExportButtons';

/**
 * Cash received by month: the incoming payments not voided, per month and currency, in the chosen
 * year — a table, a chart per currency (different currencies are never added), CSV and Excel.
 */
export function CashReceivedReport({ year }: { year: number }) {
  const view = useLiveQuery('finance/receivables', {});
  const rows = useMemo(() => cashReceivedByMonth(view.data?.payments ?? []).filter((r) => r.month.startsWith(String(year))), [view.data, year]);
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return (
    <Stack spacing={1} component="section" aria-label="Cash received by month">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3">Cash received by month</Typography>
        <ReportExportButtons report="cash_received" year={year} disabled={rows.length === 0} />
      </Stack>
      {view.data && rows.length === 0 && <Typography color="text.secondary">No payments received in {year}.</Typography>}
      {rows.length > 0 && (
        <Table size="small" aria-label="Cash received by month">
          <TableHead><TableRow><TableCell>Month</TableCell><TableCell>Currency</TableCell><TableCell align="right">Payments</TableCell><TableCell align="right">Received</TableCell></TableRow></TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.month}|${r.currency}`} data-testid="cash-month-row">
                <TableCell>{formatMonth(r.month)}</TableCell>
                <TableCell>{r.currency}</TableCell>
                <TableCell align="right">{r.payments}</TableCell>
                <TableCell align="right">{formatMoney(r.receivedMinor, r.currency)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {currencies.map((currency) => {
        const mine = rows.filter((r) => r.currency === currency);
        return (
          <Paper key={currency} variant="outlined" sx={{ p: 1 }}>
            <BarChart height={240}
              xAxis={[{ scaleType: 'band', data: mine.map((r) => formatMonth(r.month)) }]}
              yAxis={[{ label: currency }]}
              series={[{ data: mine.map((r) => majorAmount(r.receivedMinor, currency)), label: `Received (${currency})`, valueFormatter: (_v, { dataIndex }) => formatMoney(mine[dataIndex]?.receivedMinor ?? 0, currency) }]} />
          </Paper>
        );
      })}
    </Stack>
  );
}
