import { Box, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { UtilisationView } from '../../src-shared/projects/plan-views';
import type { UtilisationFigures } from '../../src-shared/projects/utilisation';

function Cell({ figures }: { figures: UtilisationFigures }) {
  const percent = figures.allocatedPercent;
  const color = figures.isOverAllocated ? 'error.main' : percent !== null && percent >= 80 ? 'warning.main' : 'text.primary';
  return (
    <Tooltip title={`Allocated ${figures.allocatedHours} h of ${figures.capacityHours} h · logged ${figures.loggedHours} h (${figures.billableHours} billable, ${figures.nonBillableHours} non-billable)`}>
      <Box sx={{ bgcolor: figures.isOverAllocated ? 'rgba(229,57,53,0.12)' : undefined, borderRadius: 1, px: 0.5 }} data-over-allocated={figures.isOverAllocated}>
        <Typography variant="body2" sx={{ color, fontWeight: figures.isOverAllocated ? 700 : 500 }}>{percent === null ? '—' : `${percent}%`}{figures.isOverAllocated ? ' ⚠' : ''}</Typography>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{figures.allocatedHours}/{figures.capacityHours} h · logged {figures.loggedHours}</Typography>
      </Box>
    </Tooltip>
  );
}

/** Team utilisation per person per ISO week: allocation against capacity (over-allocation flagged), hours logged, billable split. */
export function UtilisationTable({ view }: { view: UtilisationView }) {
  const weeks = view.utilisation.people[0]?.weeks.map((w) => w.week) ?? [];
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  if (view.utilisation.people.length === 0) return <Typography variant="body2" color="text.secondary">Add people to the project team to see their utilisation.</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Team utilisation">
        <TableHead>
          <TableRow><TableCell>Person</TableCell>{weeks.map((w) => <TableCell key={w}>{w}</TableCell>)}<TableCell>Total</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {view.utilisation.people.map((p) => (
            <TableRow key={p.personId} data-testid="utilisation-row">
              <TableCell>{names.get(p.personId) ?? p.personId}</TableCell>
              {p.weeks.map((w) => <TableCell key={w.week}><Cell figures={w} /></TableCell>)}
              <TableCell><Cell figures={p.totals} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
