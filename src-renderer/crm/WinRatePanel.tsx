import { Box, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useMemo, useState } from 'react';
import type { PipelineCard } from '../../src-shared/crm/crm-contract';
import { winRateByOwner } from '../../src-shared/crm/pipeline-analytics';
import { periodsToChoose, type PeriodKind } from '../../src-shared/crm/pipeline-periods';
import { todayLocal } from '../tasks/task-labels';

/**
 * The win rate by owner over a quarter or a year the person chooses (the current one first, then
 * every period in which something was won or lost): won out of closed per owner, as bars and a table.
 */
export function WinRatePanel({ closed }: { closed: readonly PipelineCard[] }) {
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const periods = useMemo(() => periodsToChoose(kind, closed.map((c) => c.closedOn), todayLocal()), [kind, closed]);
  const [chosenId, setChosenId] = useState<string>('');
  const period = periods.find((p) => p.id === chosenId) ?? periods[0];
  const names = useMemo(() => new Map(closed.map((c) => [c.ownerId, c.ownerName || 'Someone no longer in the lab'])), [closed]);
  const rates = useMemo(() => (period ? winRateByOwner(closed, period.from, period.to) : []), [closed, period]);
  const nameOf = (ownerId: string) => names.get(ownerId) ?? ownerId;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="win-rate-title" data-testid="win-rate">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" id="win-rate-title">Win rate by owner</Typography>
        <ToggleButtonGroup size="small" exclusive value={kind} onChange={(_e, next: PeriodKind | null) => next && (setKind(next), setChosenId(''))} aria-label="Period length">
          <ToggleButton value="quarter">Quarter</ToggleButton>
          <ToggleButton value="year">Year</ToggleButton>
        </ToggleButtonGroup>
        <TextField select size="small" label="Period" value={period?.id ?? ''} onChange={(e) => setChosenId(e.target.value)} sx={{ minWidth: 140 }}>
          {periods.map((p) => <MenuItem key={p.id} value={p.id}>{p.label}</MenuItem>)}
        </TextField>
      </Stack>
      {rates.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>No opportunity was won or lost in {period?.label ?? 'this period'}.</Typography>
      ) : (
        <>
          <Box role="img" aria-label={`Bar chart of the win rate per owner in ${period?.label ?? ''}; the table below gives the figures.`}>
            <BarChart height={240}
              xAxis={[{ scaleType: 'band', data: rates.map((r) => nameOf(r.ownerId)) }]}
              yAxis={[{ min: 0, max: 100, width: 56, valueFormatter: (v: number) => `${v} %` }]}
              series={[{ data: rates.map((r) => r.winRatePercent), label: 'Won out of closed', color: '#6a1b9a', valueFormatter: (v) => `${v ?? 0} %` }]} />
          </Box>
          <Table size="small" aria-label={`Win rate by owner, ${period?.label ?? ''}`}>
            <TableHead>
              <TableRow><TableCell>Owner</TableCell><TableCell align="right">Won</TableCell><TableCell align="right">Lost</TableCell><TableCell align="right">Win rate</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {rates.map((r) => (
                <TableRow key={r.ownerId} data-testid="win-rate-row">
                  <TableCell>{nameOf(r.ownerId)}</TableCell>
                  <TableCell align="right">{r.won}</TableCell>
                  <TableCell align="right">{r.lost}</TableCell>
                  <TableCell align="right">{r.winRatePercent} %</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  );
}
