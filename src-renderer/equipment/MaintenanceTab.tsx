import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { InstrumentOverview, RelatedRow } from '../../src-shared/equipment/equipment-views';
import { formatDay } from '../tasks/task-labels';
import { MaintenancePlanDialog } from './MaintenancePlanDialog';
import { StatusChip } from './StatusChip';
import { WorkOrderDialog } from './WorkOrderDialog';

function Rows({ label, kind, rows, onOpen }: { label: string; kind: string; rows: RelatedRow[]; onOpen?: (id: string) => void }) {
  if (rows.length === 0) return <Typography variant="body2" color="text.secondary">None yet.</Typography>;
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label={label}>
        <TableHead><TableRow><TableCell>Number</TableCell><TableCell>What</TableCell><TableCell>Date</TableCell><TableCell>Status</TableCell>{onOpen && <TableCell />}</TableRow></TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{r.number}</TableCell>
              <TableCell>{r.title}</TableCell>
              <TableCell>{formatDay(r.date)}</TableCell>
              <TableCell><StatusChip kind={kind} status={r.status} /></TableCell>
              {onOpen && <TableCell align="right"><Button size="small" onClick={() => onOpen(r.id)}>Open</Button></TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** Preventive maintenance plans (the scheduler opens their work orders on time) and the work orders, preventive and corrective. */
export function MaintenanceTab({ overview }: { overview: InstrumentOverview }) {
  const [isAddingPlan, setIsAddingPlan] = useState(false);
  const [orderId, setOrderId] = useState<string | null>(null);
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>Maintenance plans</Typography>
        <Button variant="outlined" onClick={() => setIsAddingPlan(true)}>Add a maintenance plan</Button>
      </Stack>
      <Rows label="Maintenance plans" kind="maintenance_plan" rows={overview.maintenancePlans} />
      <Typography variant="h6" component="h3">Work orders</Typography>
      <Rows label="Work orders" kind="work_order" rows={overview.workOrders} onOpen={setOrderId} />
      <Typography variant="h6" component="h3">Deviations</Typography>
      <Rows label="Deviations" kind="deviation" rows={overview.deviations} />
      {isAddingPlan && <MaintenancePlanDialog equipmentId={overview.record.id} onClose={() => setIsAddingPlan(false)} />}
      {orderId && <WorkOrderDialog workOrderId={orderId} onClose={() => setOrderId(null)} />}
    </Stack>
  );
}
