import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { BudgetStanding } from '../../src-shared/finance/budget-standing';
import { formatMoney } from '../../src-shared/format/display-format';
import { label } from '../projects/project-labels';

const usedChip = (percent: number | null, warning: 80 | 100 | null) =>
  percent === null ? '—' : warning ? <Chip size="small" color={warning === 100 ? 'error' : 'warning'} label={`${percent} %`} /> : `${percent} %`;

/** The words of a budget's warning, or null below 80 %. */
export function warningText(s: BudgetStanding): string | null {
  if (s.warning === 100) return `Budget ${s.number} is used up: ${formatMoney(s.committedMinor + s.actualMinor, s.currency)} committed and spent of ${formatMoney(s.plannedMinor, s.currency)}.`;
  if (s.warning === 80) return `Budget ${s.number} is ${s.percentUsed} % used: ${formatMoney(s.committedMinor + s.actualMinor, s.currency)} committed and spent of ${formatMoney(s.plannedMinor, s.currency)}.`;
  return null;
}

/** One approved budget against its costs: planned, committed and actual per category, with the 80 % and 100 % warnings. */
export function BudgetStandingTable({ standing }: { standing: BudgetStanding }) {
  const money = (minor: number) => formatMoney(minor, standing.currency);
  const warning = warningText(standing);
  return (
    <Stack spacing={1}>
      {warning && <Alert severity={standing.warning === 100 ? 'error' : 'warning'} data-testid="budget-warning">{warning}</Alert>}
      <Table size="small" aria-label={`Budget ${standing.number} against costs`}>
        <TableHead>
          <TableRow><TableCell>Category</TableCell><TableCell align="right">Budget</TableCell><TableCell align="right">Committed</TableCell><TableCell align="right">Actual</TableCell><TableCell align="right">Left</TableCell><TableCell>Used</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {standing.categories.map((c) => (
            <TableRow key={c.category} data-testid="budget-standing-row">
              <TableCell>{label(c.category)}</TableCell>
              <TableCell align="right">{money(c.plannedMinor)}</TableCell>
              <TableCell align="right">{money(c.committedMinor)}</TableCell>
              <TableCell align="right">{money(c.actualMinor)}</TableCell>
              <TableCell align="right">{money(c.plannedMinor - c.committedMinor - c.actualMinor)}</TableCell>
              <TableCell>{c.plannedMinor > 0 ? `${(BigInt(c.committedMinor + c.actualMinor) * 100n / BigInt(c.plannedMinor)).toString()} %` : '—'}</TableCell>
            </TableRow>
          ))}
          <TableRow data-testid="budget-standing-total">
            <TableCell sx={{ fontWeight: 600 }}>Total</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>{money(standing.plannedMinor)}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>{money(standing.committedMinor)}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>{money(standing.actualMinor)}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>{money(standing.plannedMinor - standing.committedMinor - standing.actualMinor)}</TableCell>
            <TableCell>{usedChip(standing.percentUsed, standing.warning)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {standing.unconverted > 0 && <Typography variant="caption" color="text.secondary">{standing.unconverted} cost lines in another currency are not counted.</Typography>}
    </Stack>
  );
}
