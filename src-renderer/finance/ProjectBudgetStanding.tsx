import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { BudgetStandingTable } from './BudgetStandingTable';

/**
 * The project page's approved budgets (one a year, the latest approved version): budget, committed
 * and actual per category with the 80 % / 100 % warnings. Only for people who may read the budget
 * (its manager, their manager, finance, administrators); nothing is shown to others.
 */
export function ProjectBudgetStanding({ projectId }: { projectId: string }) {
  const standings = useLiveQuery('finance/budgets/standing', { projectId });
  if (standings.error) return <Alert severity="error">{errorText(standings.error)}</Alert>;
  const list = [...(standings.data ?? [])].sort((a, b) => b.year - a.year);
  if (list.length === 0) return null;
  return (
    <Stack spacing={2}>
      {list.map((s) => (
        <Paper key={s.budgetId} variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Approved budget ${s.year}`}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>Approved budget {s.year} · {s.number}{s.version > 1 ? `, version ${s.version}` : ''}</Typography>
          <BudgetStandingTable standing={s} />
        </Paper>
      ))}
    </Stack>
  );
}
