import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { opportunityKind } from '../../src-shared/crm/opportunity-kind';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { useRecordNav } from '../records/record-routes';
import { StatusChip } from '../records/StatusChip';

/** Every opportunity the person may read as a list: the open ones by expected close, then the won and lost. */
export function OpportunityList() {
  const pipeline = useLiveQuery('crm/pipeline', {});
  const nav = useRecordNav();
  const stageLabel = (id: string) => pipeline.data?.stages.find((s) => s.id === id)?.label ?? id;
  const rows = [...(pipeline.data?.open ?? []), ...(pipeline.data?.closed ?? [])];
  if (pipeline.data && rows.length === 0) return <Typography variant="body2" color="text.secondary">No opportunities yet: convert a qualified lead to start one.</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Opportunities">
        <TableHead>
          <TableRow>{['Number', 'Opportunity', 'Customer', 'Stage', 'Probability', 'Value', 'Expected close', 'Owner', 'Outcome'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={o.id} hover sx={{ cursor: 'pointer' }} onClick={() => nav.openRecord(o.id)} data-testid="Opportunities-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{o.number}</TableCell>
              <TableCell>{o.name}</TableCell>
              <TableCell>{o.organisationName}</TableCell>
              <TableCell>{stageLabel(o.stageId)}</TableCell>
              <TableCell>{o.probabilityPercent} %</TableCell>
              <TableCell>{formatMoney(o.value.amountMinor, o.value.currency)}</TableCell>
              <TableCell>{formatDay(o.expectedCloseOn)}</TableCell>
              <TableCell>{o.ownerName || '—'}</TableCell>
              <TableCell><StatusChip kind={opportunityKind} status={o.status} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
