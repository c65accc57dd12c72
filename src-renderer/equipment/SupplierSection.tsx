import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText, fieldError } from '../errors/error-text';
import { RecordActions } from './RecordActions';
import { RegisterTable } from './RegisterTable';
import { StatusChip } from './StatusChip';
import { FormDialog } from '../shell/FormDialog';

function SupplierDialog({ onClose }: { onClose: () => void }) {
  const create = useCommand('records/create');
  const [data, setData] = useState({ name: '', contactName: '', email: '', phone: '', scope: '' });
  const field = (key: keyof typeof data, label: string) => (
    <TextField label={label} value={data[key]} onChange={(e) => setData((d) => ({ ...d, [key]: e.target.value }))} error={Boolean(fieldError(create.error, `data.${key}`))} helperText={fieldError(create.error, `data.${key}`)} />
  );
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Add supplier</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {field('name', 'Name')}
          {field('contactName', 'Contact')}
          {field('email', 'Email')}
          {field('phone', 'Phone')}
          {field('scope', 'Supplies')}
          {create.error && !create.error.field && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={create.isRunning} onClick={async () => { if ((await create.run({ kind: 'supplier', data })).ok) onClose(); }}>Add supplier</Button>
      </DialogActions>
    </FormDialog>
  );
}

/** Suppliers; approval puts one on the approved supplier list, which RFQs go to. */
export function SupplierSection({ rows }: { rows: RegisterRow[] }) {
  const [isAdding, setIsAdding] = useState(false);
  return (
    <Stack spacing={1.5}>
      <Button sx={{ alignSelf: 'flex-start' }} variant="outlined" onClick={() => setIsAdding(true)}>Add supplier</Button>
      <RegisterTable label="Suppliers" rows={rows} empty="No suppliers yet."
        columns={[
          { label: 'Number', value: (r) => r.number },
          { label: 'Supplier', value: (r) => r.title },
          { label: 'Email', value: (r) => String(r.values.email ?? '') || '—' },
          { label: 'Status', value: (r) => <StatusChip kind="supplier" status={r.status} /> },
          { label: 'Actions', value: (r) => <RecordActions id={r.id} /> },
        ]} />
      {isAdding && <SupplierDialog onClose={() => setIsAdding(false)} />}
    </Stack>
  );
}
