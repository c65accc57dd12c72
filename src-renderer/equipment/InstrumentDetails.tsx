import { Chip, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { equipmentCategories, type EquipmentData } from '../../src-shared/equipment/equipment-kind';
import type { InstrumentOverview } from '../../src-shared/equipment/equipment-views';
import { formatDay, formatMoney } from '../tasks/task-labels';
import { usePeople } from './PersonPicker';

/** What the instrument is, where, whose, who may use it, and its installation. */
export function InstrumentDetails({ overview }: { overview: InstrumentOverview }) {
  const people = usePeople();
  const data = overview.record.data as EquipmentData;
  const name = (id: string | undefined) => people.find((p) => p.id === id)?.name ?? '—';
  const rows: [string, string][] = [
    ['Category', equipmentCategories.find((c) => c.value === data.category)?.label ?? data.category],
    ['Manufacturer', data.manufacturer || '—'],
    ['Model', data.model || '—'],
    ['Serial number', data.serialNumber || '—'],
    ['Location', overview.location || '—'],
    ['Custodian', overview.custodianName || '—'],
    ['GxP impact', data.isGxpCritical ? 'Yes' : 'No'],
    ['Cost', data.cost ? formatMoney(data.cost.amountMinor, data.cost.currency) : '—'],
    ['Warranty until', formatDay(data.warrantyEnd)],
    ['Installed', data.installedOn ? `${formatDay(data.installedOn)} by ${name(data.installedById)}` : 'Not yet'],
  ];
  return (
    <Stack spacing={2}>
      <Paper variant="outlined">
        <Table size="small" aria-label="Details">
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}><TableCell sx={{ width: 200, color: 'text.secondary' }}>{label}</TableCell><TableCell>{value}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Stack spacing={1}>
        <Typography variant="subtitle1">Authorised users</Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
          {overview.authorisedUsers.length === 0 ? <Typography variant="body2" color="text.secondary">Only the custodian may use it.</Typography> : overview.authorisedUsers.map((p) => <Chip key={p.id} label={p.name} />)}
        </Stack>
      </Stack>
      {data.siteChecklist.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle1">Site requirements</Typography>
          {data.siteChecklist.map((c) => <Typography key={c.id} variant="body2">{c.isMet ? '✓' : '✗'} {c.item}{c.note ? ` — ${c.note}` : ''}</Typography>)}
        </Stack>
      )}
    </Stack>
  );
}
