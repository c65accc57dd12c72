import { Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useMemo } from 'react';
import { budgetVersusActual } from '../../src-shared/finance/finance-reports';
import { formatMoney, majorAmount } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { ReportExportButtons } from './ReportExportButtons';

/**
 * Budget versus actual per department and project for a year: each current approved budget the
 * person may read against its committed and actual costs, a table, a chart per currency (planned,
 * committed, actual side by side; currencies never added), CSV and Excel.
 */
export function BudgetVersusActualReport({ year }: { year: number }) {
  const standing = useLiveQuery('finance/budgets/standing', { year });
  const rows = useMemo(() => budgetVersusActual(standing.data ?? []), [standing.data]);
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return (
    <Stack spacing={1} component="section" aria-label="Budget versus actual">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3">Budget versus actual</Typography>
        <ReportExportButtons report="budget_vs_actual" year={year} disabled={rows.length === 0} />
      </Stack>
      {standing.data && rows.length === 0 && <Typography color="text.secondary">No approved budgets for {year} that you may see.</Typography>}
      {rows.length > 0 && (
        <Table size="small" aria-label="Budget versus actual">
          <TableHead>
            <TableRow>{['Budget', 'For', 'Planned', 'Committed', 'Actual', 'Remaining', 'Used'].map((h, i) => <TableCell key={h} align={i > 1 ? 'right' : 'left'}>{h}</TableCell>)}</TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.budgetId} data-testid="budget-report-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.number}</TableCell>
                <TableCell>{r.holderLabel}{r.unconverted > 0 ? ` (${r.unconverted} cost${r.unconverted === 1 ? '' : 's'} in another currency not counted)` : ''}</TableCell>
                <TableCell align="right">{formatMoney(r.plannedMinor, r.currency)}</TableCell>
                <TableCell align="right">{formatMoney(r.committedMinor, r.currency)}</TableCell>
                <TableCell align="right">{formatMoney(r.actualMinor, r.currency)}</TableCell>
                <TableCell align="right" sx={{ color: r.remainingMinor < 0 ? 'error.main' : undefined }}>{formatMoney(r.remainingMinor, r.currency)}</TableCell>
                <TableCell align="right">{r.percentUsed === null ? '—' : `${r.percentUsed} %`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {currencies.map((currency) => {
        const mine = rows.filter((r) => r.currency === currency);
        const series = (['plannedMinor', 'committedMinor', 'actualMinor'] as const).map((key) => ({
          data: mine.map((r) => majorAmount(r[key], currency)),
          label: `${key === 'plannedMinor' ? 'Planned' : key === 'committedMinor' ? 'Committed' : 'Actual'} (${currency})`,
          valueFormatter: (_v: number | null, { dataIndex }: { dataIndex: number }) => formatMoney(mine[dataIndex]?.[key] ?? 0, currency),
        }));
        return (
          <Paper key={currency} variant="outlined" sx={{ p: 1 }}>
            <BarChart height={260} xAxis={[{ scaleType: 'band', data: mine.map((r) => r.holderLabel) }]} yAxis={[{ label: currency }]} series={series} />
          </Paper>
        );
      })}
    </Stack>
  );
}
