import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useState } from 'react';
import { expenseReportTable } from '../../src-shared/finance/expense-report';
import { majorAmount, formatMoney } from '../../src-shared/format/display-format';
import { toCsv } from '../../src-shared/records/register-export';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { saveTextFile } from '../files/save-text-file';

/**
 * Expenses by category and project: the lines of approved and reimbursed claims the person may read
 * (finance: all), in a date range, as a table they can save as CSV (the registers' export) and a
 * chart of the totals per category.
 */
export function ExpenseReportTab() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = useLiveQuery('finance/expense-report', { ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const data = report.data;
  const chartCurrency = data?.byCategory[0]?.currency;
  const chart = data?.byCategory.filter((c) => c.currency === chartCurrency) ?? [];
  const save = () => {
    if (!data) return;
    const day = new Date().toISOString().slice(0, 10);
    saveTextFile(`Expenses by category and project ${day}.csv`, toCsv(expenseReportTable(data)), 'text/csv');
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3">Expenses by category and project</Typography>
        <DateField size="small" label="From" value={from} onChange={setFrom} required />
        <DateField size="small" label="To" value={to} onChange={setTo} min={from} required />
        <Button startIcon={<DownloadIcon />} onClick={save} disabled={!data || data.rows.length === 0}>Save as CSV</Button>
      </Stack>
      {report.error && <Alert severity="error">{errorText(report.error)}</Alert>}
      {data && data.rows.length === 0 && <Typography color="text.secondary">No approved expenses in this period.</Typography>}
      {data && data.rows.length > 0 && (
        <>
          <Typography color="text.secondary">{data.claims === 1 ? '1 approved claim' : `${data.claims} approved claims`}.</Typography>
          <Table size="small" aria-label="Expenses by category and project">
            <TableHead>
              <TableRow><TableCell>Charged to</TableCell><TableCell>Category</TableCell><TableCell align="right">Lines</TableCell><TableCell align="right">Amount</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((r) => (
                <TableRow key={`${r.chargedTo}|${r.category}|${r.currency}`} data-testid="expense-report-row">
                  <TableCell>{r.chargedTo}</TableCell>
                  <TableCell>{r.categoryLabel}</TableCell>
                  <TableCell align="right">{r.lines}</TableCell>
                  <TableCell align="right">{formatMoney(r.amountMinor, r.currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {chartCurrency && (
            <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Expenses by category">
              <Typography variant="subtitle1" component="h4">By category ({chartCurrency})</Typography>
              <BarChart height={260}
                xAxis={[{ scaleType: 'band', data: chart.map((c) => c.categoryLabel) }]}
                series={[{ data: chart.map((c) => majorAmount(c.amountMinor, c.currency)), label: `Approved expenses (${chartCurrency})`, valueFormatter: (_v, { dataIndex }) => formatMoney(chart[dataIndex]?.amountMinor ?? 0, chartCurrency) }]} />
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
