import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ForecastMonth } from '../../src-shared/crm/pipeline-analytics';
import { formatMoney, formatMonth, majorAmount } from '../../src-shared/format/display-format';
import { axisMoney } from './chart-money';

/**
 * The weighted forecast in one currency: per month of expected close, the open value and the value
 * weighted by probability, as a bar chart and the same figures as a table (the chart's accessible
 * alternative, and what a person copies from).
 */
export function ForecastPanel({ months, currency }: { months: readonly ForecastMonth[]; currency: string }) {
  const weighted = months.reduce((sum, m) => sum + m.weightedMinor, 0);
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="forecast-title" data-testid="forecast">
      <Typography variant="subtitle1" component="h3" id="forecast-title">Weighted forecast by month of expected close ({currency})</Typography>
      {months.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>No open opportunities in {currency}: nothing to forecast.</Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="forecast-total">Weighted total {money(weighted)}</Typography>
          <Box role="img" aria-label={`Bar chart of the open and weighted value per month in ${currency}; the table below gives the figures.`}>
            <BarChart height={260}
              xAxis={[{ scaleType: 'band', data: months.map((m) => formatMonth(m.month)) }]}
              yAxis={[{ valueFormatter: (v: number) => axisMoney(v, currency), width: 96 }]}
              series={[
                { data: months.map((m) => majorAmount(m.totalMinor, currency)), label: 'Open value', color: '#90caf9', valueFormatter: (_v, { dataIndex }) => money(months[dataIndex]?.totalMinor ?? 0) },
                { data: months.map((m) => majorAmount(m.weightedMinor, currency)), label: 'Weighted by probability', color: '#1565c0', valueFormatter: (_v, { dataIndex }) => money(months[dataIndex]?.weightedMinor ?? 0) },
              ]} />
          </Box>
          <Table size="small" aria-label={`Weighted forecast by month (${currency})`}>
            <TableHead>
              <TableRow><TableCell>Expected close</TableCell><TableCell align="right">Opportunities</TableCell><TableCell align="right">Open value</TableCell><TableCell align="right">Weighted</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {months.map((m) => (
                <TableRow key={m.month} data-testid="forecast-row">
                  <TableCell>{formatMonth(m.month)}</TableCell>
                  <TableCell align="right">{m.count}</TableCell>
                  <TableCell align="right">{money(m.totalMinor)}</TableCell>
                  <TableCell align="right">{money(m.weightedMinor)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  );
}
