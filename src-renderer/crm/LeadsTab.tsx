import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { leadKind, leadSources } from '../../src-shared/crm/lead-kind';
import { formatDay } from '../../src-shared/format/display-format';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { RecordActions } from '../equipment/RecordActions';
import { RegisterTable } from '../equipment/RegisterTable';
import { CreateRecordDialog } from '../records/CreateRecordDialog';
import { StatusChip } from '../records/StatusChip';
import { usePeople } from '../records/use-people';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { LeadImportDialog } from './LeadImportDialog';

const sourceLabel = (value: unknown) => leadSources.find((s) => s.value === value)?.label ?? '—';

/** Leads: captured with the lead form or imported from CSV, contacted, qualified (or not, with a reason) and converted into a customer and an opportunity. */
export function LeadsTab() {
  const register = useLiveQuery('records/register', { kind: 'lead', sort: { field: 'number', direction: 'desc' }, limit: 500 });
  const { nameOf } = usePeople();
  const [isCreating, setIsCreating] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const [converting, setConverting] = useState<RegisterRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setIsCreating(true)}>New lead</Button>
        <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => setIsImporting(true)}>Import CSV…</Button>
      </Stack>
      {done && <Alert severity="success" onClose={() => setDone(null)}>{done}</Alert>}
      <RegisterTable label="Leads" rows={register.data?.rows ?? []} empty="No leads yet: capture one with New lead."
        columns={[
          { label: 'Number', value: (r) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{r.number}</Box> },
          { label: 'Lead', value: (r) => r.title },
          { label: 'Email', value: (r) => String(r.values.email ?? '') || '—' },
          { label: 'Source', value: (r) => sourceLabel(r.values.source) },
          { label: 'Owner', value: (r) => nameOf(String(r.values.ownerId ?? '')) ?? '—' },
          { label: 'Captured', value: (r) => formatDay(String(r.values.createdAt ?? '').slice(0, 10)) },
          { label: 'Status', value: (r) => <StatusChip kind={leadKind} status={r.status} /> },
          {
            label: 'Actions',
            value: (r) => (
              <RecordActions id={r.id} hidden={['converted']}>
                {(lead) => lead.status === 'qualified' && <Button size="small" variant="contained" onClick={() => setConverting(r)}>Convert…</Button>}
              </RecordActions>
            ),
          },
        ]} />
      <CreateRecordDialog kind={leadKind} isOpen={isCreating} onClose={() => setIsCreating(false)} onCreated={() => setIsCreating(false)} />
      {isImporting && <LeadImportDialog onClose={() => setIsImporting(false)} onImported={(text) => { setIsImporting(false); setDone(text); }} />}
      {converting && (
        <ConvertLeadDialog lead={converting} onClose={() => setConverting(null)}
          onConverted={(text) => { setConverting(null); setDone(text); }} />
      )}
    </Stack>
  );
}
