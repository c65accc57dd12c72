import { Alert, Card, CardContent, LinearProgress, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { DueRow } from '../../src-shared/equipment/equipment-dashboard';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useNavigation } from '../shell/navigation';
import { formatDay } from '../tasks/task-labels';
import { daysLeftText } from './equipment-labels';
import { StatusChip } from './StatusChip';

function Figure({ label, value, tone }: { label: string; value: number | string; tone?: 'error' | 'warning' | 'success' }) {
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 150 }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">{label}</Typography>
        <Typography variant="h4" color={tone ? `${tone}.main` : 'text.primary'} data-testid={`figure-${label}`}>{value}</Typography>
      </CardContent>
    </Card>
  );
}

function DueTable({ title, rows, empty }: { title: string; rows: DueRow[]; empty: string }) {
  const { go } = useNavigation();
  return (
    <Stack spacing={1} sx={{ flex: 1, minWidth: 360 }}>
      <Typography variant="h6" component="h3">{title}</Typography>
      {rows.length === 0 ? <Typography variant="body2" color="text.secondary">{empty}</Typography> : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={title}>
            <TableHead><TableRow><TableCell>Instrument</TableCell><TableCell>Location</TableCell><TableCell>Calibration</TableCell><TableCell>Due</TableCell></TableRow></TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.equipmentId}-${r.planName}`}>
                  <TableCell><Link component="button" onClick={() => go('equipment', [r.equipmentId])}>{r.number} {r.name}</Link></TableCell>
                  <TableCell>{r.location}</TableCell>
                  <TableCell>{r.planName}</TableCell>
                  <TableCell>{formatDay(r.dueDate)} ({daysLeftText(r.daysLeft)})</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

/** Calibrations due in 30 days and overdue, instruments out of service, by location; the on-time calibration rate over 12 months. */
export function EquipmentDashboard() {
  const { go } = useNavigation();
  const board = useLiveQuery('equipment/dashboard', { horizonDays: 30 });
  if (board.error) return <Alert severity="error">{errorText(board.error)}</Alert>;
  const d = board.data;
  if (!d) return <LinearProgress aria-label="Loading the dashboard" />;
  const rate = d.onTime.overall.rate;
  const months = d.onTime.months;
  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Figure label="Instruments" value={d.total} />
        <Figure label="In service" value={d.inService} tone="success" />
        <Figure label="Calibration due in 30 days" value={d.dueSoon.length} tone={d.dueSoon.length ? 'warning' : undefined} />
        <Figure label="Calibration overdue" value={d.overdue.length} tone={d.overdue.length ? 'error' : undefined} />
        <Figure label="Out of service" value={d.outOfService.length} tone={d.outOfService.length ? 'error' : undefined} />
        <Figure label="On time, 12 months" value={rate === null ? '—' : `${Math.round(rate * 100)} %`} />
      </Stack>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <DueTable title="Overdue" rows={d.overdue} empty="No calibration is overdue." />
        <DueTable title="Due in the next 30 days" rows={d.dueSoon} empty="Nothing falls due in the next 30 days." />
      </Stack>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }} useFlexGap>
        <Stack spacing={1} sx={{ flex: 1, minWidth: 360 }}>
          <Typography variant="h6" component="h3">Out of service</Typography>
          {d.outOfService.length === 0 ? <Typography variant="body2" color="text.secondary">Every instrument is in service or on its way.</Typography> : (
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label="Out of service">
                <TableBody>
                  {d.outOfService.map((r) => (
                    <TableRow key={r.equipmentId}>
                      <TableCell><Link component="button" onClick={() => go('equipment', [r.equipmentId])}>{r.number} {r.name}</Link></TableCell>
                      <TableCell>{r.location}</TableCell>
                      <TableCell><StatusChip kind="equipment" status={r.status} /></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </Stack>
        <Stack spacing={1} sx={{ flex: 1, minWidth: 360 }}>
          <Typography variant="h6" component="h3">By location</Typography>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="By location">
              <TableHead><TableRow><TableCell>Location</TableCell><TableCell align="right">Instruments</TableCell><TableCell align="right">Due soon</TableCell><TableCell align="right">Overdue</TableCell><TableCell align="right">Out of service</TableCell></TableRow></TableHead>
              <TableBody>
                {d.byLocation.map((l) => (
                  <TableRow key={l.location}><TableCell>{l.location}</TableCell><TableCell align="right">{l.instruments}</TableCell><TableCell align="right">{l.dueSoon}</TableCell><TableCell align="right">{l.overdue}</TableCell><TableCell align="right">{l.outOfService}</TableCell></TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Stack>
      </Stack>
      <Stack spacing={1}>
        <Typography variant="h6" component="h3">On-time calibration rate, last 12 months</Typography>
        <Paper variant="outlined" sx={{ p: 1 }} aria-label="On-time calibration rate chart">
          <BarChart
            height={260}
            xAxis={[{ scaleType: 'band', data: months.map((m) => new Date(`${m.month}-01T00:00:00`).toLocaleDateString(undefined, { month: 'short', year: '2-digit' })) }]}
            yAxis={[{ min: 0, max: 100, label: '% on time' }]}
            series={[{ data: months.map((m) => (m.rate === null ? null : Math.round(m.rate * 100))), label: 'On time (%)', valueFormatter: (v, { dataIndex }) => (v === null ? 'nothing due' : `${v} % of ${months[dataIndex]?.due ?? 0} due`) }]}
          />
        </Paper>
      </Stack>
    </Stack>
  );
}
