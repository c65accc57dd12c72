import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { BudgetReport } from '../../src-shared/projects/budget';
import { formatMoney } from '../tasks/task-labels';

/** Planned, actual and variance with the bar turning amber at 80% and red at 100%, and the warning in words. */
export function BudgetSummary({ report, problem }: { report: BudgetReport | null; problem: string | null }) {
  if (!report) return <Typography variant="body2" color="text.secondary">{problem ?? 'No budget yet.'}</Typography>;
  const used = report.percentUsed ?? 0;
  const color = report.warning?.threshold === 100 ? 'error' : report.warning?.threshold === 80 ? 'warning' : 'primary';
  const money = (minor: number) => formatMoney(minor, report.currency);
  return (
    <Stack spacing={1.5} data-testid="budget-summary">
      <Stack direction="row" spacing={3}>
        <Box><Typography variant="caption" color="text.secondary">Planned</Typography><Typography variant="h6">{money(report.plannedMinor)}</Typography></Box>
        <Box><Typography variant="caption" color="text.secondary">Actual</Typography><Typography variant="h6">{money(report.actualMinor)}</Typography></Box>
        <Box>
          <Typography variant="caption" color="text.secondary">Variance</Typography>
          <Typography variant="h6" color={report.varianceMinor < 0 ? 'error.main' : 'success.main'}>{money(report.varianceMinor)}</Typography>
        </Box>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <LinearProgress variant="determinate" value={Math.min(100, used)} color={color} sx={{ flexGrow: 1, height: 8, borderRadius: 4 }} aria-label="Budget used" />
        <Typography variant="body2">{report.percentUsed === null ? '—' : `${report.percentUsed}%`}</Typography>
      </Stack>
      <Typography variant="caption" color="text.secondary">Labour {money(report.labourMinor)} · recorded costs {money(report.recordedCostsMinor)}</Typography>
      {report.warning && <Alert severity={report.warning.threshold === 100 ? 'error' : 'warning'} data-testid="budget-warning">{report.warning.message}</Alert>}
      {report.unratedHours > 0 && <Alert severity="info">{Math.round(report.unratedHours * 100) / 100} h logged by people without a cost rate {report.unratedHours === 1 ? 'is' : 'are'} not costed; set rates under Edit.</Alert>}
    </Stack>
  );
}
