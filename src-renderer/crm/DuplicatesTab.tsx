import MergeTypeIcon from '@mui/icons-material/MergeType';
import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { DuplicateReason } from '../../src-shared/crm/duplicates';
import type { DuplicateGroup } from '../../src-shared/crm/organisation-merge-contract';
import { organisationRoles } from '../../src-shared/crm/organisation-kind';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useSignedInPerson } from '../records/use-people';
import { MergeOrganisationsDialog } from './MergeOrganisationsDialog';

const reasonText: Record<DuplicateReason, string> = { same_name: 'Same name', same_email: 'Same email', same_domain: 'Same email domain' };
const roleText = (roles: readonly string[]) => roles.map((r) => organisationRoles.find((o) => o.value === r)?.label ?? r).join(', ');

/**
 * Possible duplicates in the organisation register (same name once legal forms are set aside, or
 * the same email), each group with a Merge button for sales managers and administrators: the
 * dialog picks the survivor and the details, previews what moves and merges (crm/organisations/merge).
 */
export function DuplicatesTab() {
  const groups = useLiveQuery('crm/organisations/duplicates', {});
  const roles = useSignedInPerson()?.roles ?? [];
  const canMerge = roles.includes('sales_manager') || roles.includes('admin');
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const [done, setDone] = useState('');
  const list = groups.data ?? [];
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        Organisations that look like the same company. {canMerge ? 'Merge them to keep one record with all contacts, opportunities, quotations, orders and interactions.' : 'Sales managers and administrators merge them.'}
      </Typography>
      {done && <Alert severity="success" onClose={() => setDone('')}>{done}</Alert>}
      {groups.error && <Alert severity="error">{errorText(groups.error)}</Alert>}
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{groups.data ? 'No possible duplicates.' : 'Looking for duplicates…'}</Typography>
      ) : (
        list.map((group) => (
          <Paper key={group.organisations.map((o) => o.id).join()} variant="outlined" sx={{ p: 1.5 }} data-testid="Duplicate-group">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="subtitle2" sx={{ flex: 1 }}>{group.reasons.map((r) => reasonText[r]).join(' · ')}</Typography>
              {canMerge && <Button size="small" variant="outlined" startIcon={<MergeTypeIcon />} onClick={() => setMerging(group)}>Merge…</Button>}
            </Stack>
            <TableContainer>
              <Table size="small" aria-label="Possible duplicates">
                <TableHead>
                  <TableRow>{['Number', 'Name', 'Email', 'Roles', 'Linked records'].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
                </TableHead>
                <TableBody>
                  {group.organisations.map((o) => (
                    <TableRow key={o.id}>
                      <TableCell>{o.number}</TableCell>
                      <TableCell>{o.name}</TableCell>
                      <TableCell>{o.email || '—'}</TableCell>
                      <TableCell>{roleText(o.roles)}</TableCell>
                      <TableCell>{o.linkedCount}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>
        ))
      )}
      {merging && <MergeOrganisationsDialog group={merging} onClose={() => setMerging(null)} onMerged={(text) => { setMerging(null); setDone(text); }} />}
    </Stack>
  );
}
