import { Alert, Button, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { PurchaseOrderData } from '../../src-shared/equipment/purchase-order-kind';
import { codeLabel } from '../../src-shared/format/code-label';
import { budgetCategorySchema, type BudgetCategory } from '../../src-shared/projects/plan-item-model';
import type { RecordView } from '../../src-shared/records/record-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { FormDialog } from '../shell/FormDialog';

/**
 * Which project's budget pays for an order, and under which category: from the day the order is
 * sent it counts as committed in that budget (the project's Budget tab, Finance → Budgets).
 */
export function BudgetChargeDialog({ order, onClose }: { order: RecordView; onClose: () => void }) {
  const data = order.data as PurchaseOrderData;
  const projects = useLiveQuery('projects/list', { includeArchived: false });
  const update = useCommand('records/update');
  const [projectId, setProjectId] = useState(data.projectId ?? '');
  const [category, setCategory] = useState<BudgetCategory>(data.budgetCategory ?? 'equipment');
  const save = async () => {
    if ((await update.run({ id: order.id, data: { projectId, budgetCategory: category } })).ok) onClose();
  };
  return (
    <FormDialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Charge {order.number} to a budget</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label="Project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            {(projects.data ?? []).map((p) => <MenuItem key={p.id} value={p.id}>{p.code} {p.name}</MenuItem>)}
          </TextField>
          <TextField select label="Budget category" value={category} onChange={(e) => setCategory(e.target.value as BudgetCategory)}>
            {budgetCategorySchema.options.map((c) => <MenuItem key={c} value={c}>{codeLabel(c)}</MenuItem>)}
          </TextField>
          {update.error && <Alert severity="error">{errorText(update.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!projectId || update.isRunning} onClick={() => void save()}>Charge to this budget</Button>
      </DialogActions>
    </FormDialog>
  );
}
