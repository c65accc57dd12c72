import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { PurchaseOrderData } from '../../src-shared/equipment/purchase-order-kind';
import { codeLabel } from '../../src-shared/format/code-label';
import { budgetCategorySchema, type BudgetCategory } from '../../src-shared/projects/plan-item-model';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { LineItemsTable } from '../crm/LineItemsTable';
import { draftTotals, emptyLine, type LineDraft } from '../crm/quotation-draft';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { FormDialog } from '../shell/FormDialog';
import { todayLocal } from '../tasks/task-labels';

/** Which budget pays: none, a project (`project:<id>`) or a department (`department:<id>`). */
type Charge = '' | `project:${string}` | `department:${string}`;

/**
 * Enters a supplier invoice as received: the supplier, their invoice number and dates, the purchase
 * order it bills (which brings its currency and budget charge), the budget it is charged to and the
 * lines with tax, the total computed live by the money core the host checks again. Approval and
 * payment are steps on the list.
 */
export function SupplierInvoiceEditor({ onClose }: { onClose: (message?: string) => void }) {
  const suppliers = useLiveQuery('records/register', { kind: 'supplier', sort: { field: 'title', direction: 'asc' }, limit: 500 });
  const orders = useLiveQuery('records/register', { kind: 'purchase_order', sort: { field: 'number', direction: 'desc' }, limit: 500 });
  const projects = useLiveQuery('projects/list', { includeArchived: false });
  const departments = useLiveQuery('departments/list', { includeInactive: false });
  const create = useCommand('records/create');
  const [supplierId, setSupplierId] = useState('');
  const [orderId, setOrderId] = useState('');
  const [reference, setReference] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(todayLocal());
  const [dueOn, setDueOn] = useState(todayLocal());
  const [currency, setCurrency] = useState('EUR');
  const [charge, setCharge] = useState<Charge>('');
  const [category, setCategory] = useState<BudgetCategory>('consumables');
  const [drafts, setDrafts] = useState<LineDraft[]>(() => [emptyLine('line-1')]);
  const order = useLiveQuery('records/get', { id: orderId || '-' });
  const { lines, problems, totals } = useMemo(() => draftTotals(drafts, currency), [drafts, currency]);
  const supplierOrders = (orders.data?.rows ?? []).filter((o) => o.values.supplierId === supplierId && !['draft', 'cancelled'].includes(o.status));

  // An order brings what it was placed in and charged to.
  useEffect(() => {
    if (!orderId || order.data?.id !== orderId) return;
    const d = order.data.data as PurchaseOrderData;
    setCurrency(d.currency);
    if (d.projectId) setCharge(`project:${d.projectId}`);
    if (d.budgetCategory) setCategory(d.budgetCategory);
  }, [orderId, order.data]);

  const save = async () => {
    const [holder, holderId] = charge.split(':');
    const data = {
      supplierId, supplierReference: reference, invoiceDate, dueOn, currency, lines, taxRounding: 'per_line', total: { amountMinor: totals.grossMinor, currency },
      ...(orderId ? { purchaseOrderId: orderId } : {}),
      ...(holder === 'project' ? { projectId: holderId, budgetCategory: category } : holder === 'department' ? { departmentId: holderId, budgetCategory: category } : {}),
    };
    const result = await create.run({ kind: 'supplier_invoice', data });
    if (result.ok) onClose(`Supplier invoice ${result.value.number} is entered as received; approve it for payment once checked.`);
  };
  const canSave = supplierId !== '' && reference.trim() !== '' && problems.size === 0 && lines.length > 0 && /^[A-Z]{3}$/.test(currency);
  return (
    <FormDialog open onClose={() => onClose()} maxWidth="lg" fullWidth aria-labelledby="supplier-invoice-title">
      <DialogTitle id="supplier-invoice-title">Enter a supplier invoice</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField select label="Supplier" value={supplierId} onChange={(e) => { setSupplierId(e.target.value); setOrderId(''); }} sx={{ flex: 2 }} required
              helperText={(suppliers.data?.rows.length ?? 0) === 0 ? 'No supplier yet: add it under Equipment → Suppliers first.' : undefined}>
              {(suppliers.data?.rows ?? []).map((s) => <MenuItem key={s.id} value={s.id}>{s.title}</MenuItem>)}
            </TextField>
            <TextField label="Supplier’s invoice number" value={reference} onChange={(e) => setReference(e.target.value)} sx={{ flex: 1 }} required />
            <TextField select label="Purchase order" value={orderId} onChange={(e) => setOrderId(e.target.value)} sx={{ flex: 1 }} disabled={supplierId === ''}
              helperText={supplierId !== '' && supplierOrders.length === 0 ? 'No orders to this supplier.' : 'Optional'}>
              <MenuItem value="">None</MenuItem>
              {supplierOrders.map((o) => <MenuItem key={o.id} value={o.id}>{o.number} {o.title}</MenuItem>)}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={2}>
            <DateField label="Invoice date" value={invoiceDate} onChange={setInvoiceDate} required />
            <DateField label="Due on" value={dueOn} onChange={setDueOn} required />
            <TextField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} sx={{ width: 110 }} disabled={orderId !== ''}
              error={!/^[A-Z]{3}$/.test(currency)} helperText={/^[A-Z]{3}$/.test(currency) ? undefined : 'e.g. EUR'} />
            <TextField select label="Budget charged" value={charge} onChange={(e) => setCharge(e.target.value as Charge)} sx={{ flex: 1 }}>
              <MenuItem value="">No budget</MenuItem>
              {(projects.data ?? []).map((p) => <MenuItem key={p.id} value={`project:${p.id}`}>Project {p.code} {p.name}</MenuItem>)}
              {(departments.data ?? []).map((d) => <MenuItem key={d.id} value={`department:${d.id}`}>Department {d.name}</MenuItem>)}
            </TextField>
            <TextField select label="Budget category" value={category} onChange={(e) => setCategory(e.target.value as BudgetCategory)} sx={{ width: 200 }} disabled={charge === ''}>
              {budgetCategorySchema.options.map((c) => <MenuItem key={c} value={c}>{codeLabel(c)}</MenuItem>)}
            </TextField>
          </Stack>
          <LineItemsTable label="Invoice" drafts={drafts} setDrafts={setDrafts} currency={currency} problems={problems} totals={totals} />
          {create.error && <Alert severity="error">{errorText(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" disabled={!canSave || create.isRunning} onClick={() => void save()}>Enter as received</Button>
      </DialogActions>
    </FormDialog>
  );
}
