import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { catalogueItemKind, catalogueUnits } from '../../src-shared/crm/catalogue-item-kind';
import type { CatalogueChoice } from '../../src-shared/crm/catalogue-line';
import { formatMoney } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { StatusChip } from '../records/StatusChip';
import { useSignedInPerson } from '../records/use-people';
import { CatalogueItemDialog } from './CatalogueItemDialog';

const unitLabel = (unit: string) => catalogueUnits.find((u) => u.value === unit)?.label ?? unit;

/**
 * The product and service catalogue with its price lists: everyone reads it (quotation lines are
 * picked from it); sales managers and administrators add, change, discontinue and offer again
 * (the kind's rules, which the host and the sync server enforce).
 */
export function CatalogueTab() {
  const catalogue = useLiveQuery('crm/catalogue', { includeDiscontinued: true });
  const transition = useCommand('records/transition');
  const roles = useSignedInPerson()?.roles ?? [];
  const canKeep = roles.includes('sales_manager') || roles.includes('admin');
  const [editing, setEditing] = useState<CatalogueChoice | 'new' | null>(null);
  const items = catalogue.data ?? [];
  return (
    <Stack spacing={1.5}>
      {canKeep ? (
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} sx={{ alignSelf: 'flex-start' }}>New item</Button>
      ) : (
        <Typography variant="body2" color="text.secondary">Sales managers keep the catalogue; you can pick its items in a quotation.</Typography>
      )}
      {transition.error && <Alert severity="error" onClose={transition.clearError}>{errorText(transition.error)}</Alert>}
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{catalogue.data ? 'The catalogue is empty.' : 'Loading the catalogue…'}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Catalogue">
            <TableHead>
              <TableRow>{['Code', 'Name', 'Type', 'Unit', 'Prices', 'Tax', 'Status', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id} data-testid="Catalogue-row">
                  <TableCell>{item.code}</TableCell>
                  <TableCell>{item.name}</TableCell>
                  <TableCell>{item.type === 'product' ? 'Product' : 'Service'}</TableCell>
                  <TableCell>{unitLabel(item.unit)}</TableCell>
                  <TableCell>{item.prices.length === 0 ? 'No price yet' : item.prices.map((p) => formatMoney(p.unitPriceMinor, p.currency)).join(' · ')}</TableCell>
                  <TableCell>{item.defaultTaxRatePercent} %</TableCell>
                  <TableCell><StatusChip kind={catalogueItemKind} status={item.status} /></TableCell>
                  <TableCell>
                    {canKeep && (
                      <Stack direction="row" spacing={1}>
                        <Button size="small" onClick={() => setEditing(item)}>Edit</Button>
                        <Button size="small" onClick={() => void transition.run({ id: item.id, to: item.status === 'active' ? 'discontinued' : 'active' })}>
                          {item.status === 'active' ? 'Discontinue' : 'Offer again'}
                        </Button>
                      </Stack>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {editing && <CatalogueItemDialog item={editing === 'new' ? null : editing} defaultCurrency="EUR" onClose={() => setEditing(null)} />}
    </Stack>
  );
}
