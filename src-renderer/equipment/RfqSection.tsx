import { Link } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { useNavigation } from '../shell/navigation';
import { formatDay } from '../tasks/task-labels';
import { RegisterTable } from './RegisterTable';
import { StatusChip } from './StatusChip';

/** Requests for quotation; each opens with its bids and evaluation matrix. */
export function RfqSection() {
  const { go } = useNavigation();
  const register = useLiveQuery('records/register', { kind: 'rfq', sort: { field: 'number', direction: 'desc' }, limit: 200 });
  return (
    <RegisterTable label="RFQs" rows={register.data?.rows ?? []} empty="No RFQs yet: create one from an approved purchase request."
      columns={[
        { label: 'Number', value: (r) => <Link component="button" onClick={() => go('equipment', ['rfq', r.id])} aria-label={`Open ${r.number}`}>{r.number || 'Draft'}</Link> },
        { label: 'Subject', value: (r) => r.title },
        { label: 'Bids due', value: (r) => formatDay(r.values.responseDue as string | undefined) },
        { label: 'Status', value: (r) => <StatusChip kind="rfq" status={r.status} /> },
      ]} />
  );
}
