import { Alert, Button, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { canEditField } from '../../src-shared/records/record-rules';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { createData, createFieldsOf, errorFieldOf, initialValues, type FormValues } from './record-form';
import { RecordFieldInput } from './RecordFieldInput';
import { usePeople, useSignedInPerson } from './use-people';
import { FormDialog } from '../shell/FormDialog';

interface Props {
  kind: AnyRecordKind;
  isOpen: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/**
 * Files a new record of any kind with a form generated from the kind's fields (record-form.ts).
 * The host checks it with the kind's schema and rules; a problem with a field is shown at it.
 */
export function CreateRecordDialog({ kind, isOpen, onClose, onCreated }: Props) {
  const create = useCommand('records/create');
  const me = useSignedInPerson();
  const { people } = usePeople();
  const fields = useMemo(() => {
    if (!me) return createFieldsOf(kind);
    // What this person could change in a new record of their own (a draft they are the subject of,
    // its people fields naming them as the form starts: a requisition's hiring manager may file it).
    const actor = { id: me.id, roles: me.roles, isActive: me.isActive, departmentId: me.departmentId, managedIds: [] };
    const data = Object.fromEntries(kind.fields.filter((f) => f.type === 'person').map((f) => [f.field, me.id]));
    const draft = { kind: kind.kind, status: kind.initialStatus, data, personId: me.id, managerIds: [], ownerId: me.id, departmentId: me.departmentId ?? '', createdBy: me.id };
    return createFieldsOf(kind, (field) => canEditField(kind, actor, draft, field));
  }, [kind, me]);
  const [values, setValues] = useState<FormValues>({});
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => {
    if (!isOpen) return;
    setValues(initialValues(fields, null, me?.id ?? ''));
    setLocalError(null);
    create.clearError();
  }, [isOpen]); // eslint-disable-line react-hooks/exhaustive-deps -- reset only when the dialog opens

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = createData(fields, values);
    if (!data.ok) return setLocalError({ field: data.field, message: data.message });
    setLocalError(null);
    const result = await create.run({ kind: kind.kind, data: data.data });
    if (result.ok) onCreated(result.value.id);
  };

  const hostField = errorFieldOf(create.error?.field);
  const errorAt = (field: string) => (localError?.field === field ? localError.message : hostField === field ? create.error?.message : undefined);
  const general = create.error && !fields.some((f) => f.field === hostField) ? errorText(create.error) : undefined;
  return (
    <FormDialog open={isOpen} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate aria-label={`New ${kind.label.toLowerCase()}`}>
        <DialogTitle>New {kind.label.toLowerCase()}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {fields.map((field) => {
              const error = errorAt(field.field);
              return (
                <RecordFieldInput key={field.field} field={field} value={values[field.field] ?? ''} people={people} autoFocus={field === fields.find((f) => f.type !== 'person')} {...(error ? { error } : {})}
                  onChange={(value) => setValues((v) => ({ ...v, [field.field]: value }))} />
              );
            })}
            {general && <Alert severity="error">{general}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={create.isRunning}>Create</Button>
        </DialogActions>
      </form>
    </FormDialog>
  );
}
