import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { PersonView } from '../../src-shared/people/person';
import type { RegisterFilter } from '../../src-shared/records/record-contract';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { FilterValueInput } from './FilterValueInput';
import { buildFilter, conditionsOf, filterableFields, inputOf, type FilterInput, type FilterOp } from './register-filters';

interface Props {
  kind: AnyRecordKind;
  /** The filter being changed, or null for a new one. */
  editing: RegisterFilter | null;
  isOpen: boolean;
  people: readonly PersonView[];
  onClose: () => void;
  onApply: (filter: RegisterFilter) => void;
}

/** Adds or changes one register filter: a field, a condition its type offers, and a value. */
export function FilterDialog({ kind, editing, isOpen, people, onClose, onApply }: Props) {
  const fields = filterableFields(kind);
  const [fieldName, setFieldName] = useState('');
  const [op, setOp] = useState<FilterOp>('contains');
  const [value, setValue] = useState<FilterInput>('');
  const [error, setError] = useState<string | undefined>();
  const field = fields.find((f) => f.field === fieldName);

  useEffect(() => {
    if (!isOpen) return;
    const first = editing ? fields.find((f) => f.field === editing.field) : fields[0];
    setFieldName(first?.field ?? '');
    setOp(editing?.op ?? (first ? (conditionsOf(first)[0]?.op ?? 'contains') : 'contains'));
    setValue(editing && first ? inputOf(first, editing) : first && (first.field === 'status' || first.type === 'choice') ? [] : '');
    setError(undefined);
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const chooseField = (name: string) => {
    const next = fields.find((f) => f.field === name);
    setFieldName(name);
    setOp(next ? (conditionsOf(next)[0]?.op ?? 'contains') : 'contains');
    setValue(next && (next.field === 'status' || next.type === 'choice') ? [] : '');
    setError(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!field) return;
    const built = buildFilter(field, op, value);
    if (!built.ok) return setError(built.message);
    onApply(built.filter);
  };

  const condition = field ? conditionsOf(field).find((c) => c.op === op) : undefined;
  return (
    <Dialog open={isOpen} onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate aria-label={editing ? 'Change filter' : 'Add filter'}>
        <DialogTitle>{editing ? 'Change filter' : 'Add a filter'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField select label="Field" size="small" value={fieldName} onChange={(e) => chooseField(e.target.value)}>
              {fields.map((f) => <MenuItem key={f.field} value={f.field}>{f.label}</MenuItem>)}
            </TextField>
            {field && (
              <TextField select label="Condition" size="small" value={op} onChange={(e) => { setOp(e.target.value as FilterOp); setError(undefined); }}>
                {conditionsOf(field).map((c) => <MenuItem key={c.op} value={c.op}>{c.label}</MenuItem>)}
              </TextField>
            )}
            {field && condition?.hasValue && <FilterValueInput kind={kind} field={field} value={value} onChange={(v) => { setValue(v); setError(undefined); }} people={people} {...(error ? { error } : {})} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!field}>Apply filter</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
