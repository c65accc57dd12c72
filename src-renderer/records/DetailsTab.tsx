import { Alert, Box, Button, Grid, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { formatDateTime } from '../../src-shared/format/display-format';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { dataValue } from '../../src-shared/records/record-document';
import { cellOf, cellText } from '../../src-shared/records/register-cells';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import type { KindField } from '../../src-shared/records/record-kind';
import { errorText } from '../errors/error-text';
import { changedData, detailFieldsOf, errorFieldOf, initialValues, type FormValues } from './record-form';
import type { RecordTabProps } from './record-tabs';
import { RecordFieldInput } from './RecordFieldInput';
import { usePeople } from './use-people';

/** A read-only field: its label and its value as the register writes it. */
function ReadOnlyField({ label, text }: { label: string; text: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>
    </Box>
  );
}

/** A read-only `record` field: the record it points to by number and title, never its id. */
function ReadOnlyRecordField({ field, id }: { field: KindField; id: string }) {
  const record = useLiveQuery('records/get', { id: id || '-' });
  const text = !id ? '—' : record.data ? `${record.data.number} ${record.data.title}`.trim() : record.error ? 'Not shared with you' : '…';
  return <ReadOnlyField label={field.label} text={text} />;
}

/** A read-only project field: the project by code and name. */
function ReadOnlyProjectField({ field, id }: { field: KindField; id: string }) {
  const projects = useLiveQuery('projects/list', { includeArchived: true });
  const project = projects.data?.find((p) => p.id === id);
  const text = !id ? '—' : project ? `${project.code} ${project.name}` : projects.data ? 'Not shared with you' : '…';
  return <ReadOnlyField label={field.label} text={text} />;
}

/**
 * The record's fields: those this person may change now are inputs (saved together through
 * `records/update`; a refused value is explained at its field), the rest are shown as text.
 */
export function DetailsTab({ record, kind }: RecordTabProps) {
  const update = useCommand('records/update');
  const { people, nameOf } = usePeople();
  const fields = useMemo(() => detailFieldsOf(kind), [kind]);
  const editable = useMemo(() => fields.filter((f) => record.editableFields.includes(f.field)), [fields, record.editableFields]);
  const [values, setValues] = useState<FormValues>(() => initialValues(editable, record.data, ''));
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);
  const changes = changedData(editable, values, record.data);
  const isDirty = !changes.ok || Object.keys(changes.data).length > 0;

  // Another change of the record (someone else, a workflow) refreshes the inputs unless this person is editing.
  useEffect(() => {
    if (!isDirty) setValues(initialValues(editable, record.data, ''));
  }, [record.data, editable]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the stored record changes

  const save = async () => {
    if (!changes.ok) return setLocalError({ field: changes.field, message: changes.message });
    setLocalError(null);
    await update.run({ id: record.id, data: changes.data });
  };
  const discard = () => {
    setValues(initialValues(editable, record.data, ''));
    setLocalError(null);
    update.clearError();
  };

  const row: RegisterRow = { id: record.id, number: record.number, numberState: record.numberState, title: record.title, status: record.status, values: Object.fromEntries(fields.map((f) => [f.field, dataValue(record.data, f.field)])) };
  const hostField = errorFieldOf(update.error?.field);
  const errorAt = (field: string) => (localError?.field === field ? localError.message : hostField === field ? update.error?.message : undefined);
  const general = update.error && !editable.some((f) => f.field === hostField) ? errorText(update.error) : undefined;

  return (
    <Stack spacing={2} sx={{ maxWidth: 880 }}>
      {editable.length === 0 && <Typography variant="body2" color="text.secondary">Nothing here can be changed by you in this status.</Typography>}
      <Grid container spacing={2}>
        {fields.map((field) => {
          const isEditable = editable.includes(field);
          const error = errorAt(field.field);
          return (
            <Grid key={field.field} size={{ xs: 12, sm: field.isMultiline ? 12 : 6 }}>
              {isEditable ? (
                <RecordFieldInput field={field} value={values[field.field] ?? ''} people={people} {...(error ? { error } : {})}
                  onChange={(value) => { setValues((v) => ({ ...v, [field.field]: value })); setLocalError(null); }} />
              ) : field.type === 'record' && field.recordKind === 'project' ? (
                <ReadOnlyProjectField field={field} id={String(dataValue(record.data, field.field) ?? '')} />
              ) : field.type === 'record' ? (
                <ReadOnlyRecordField field={field} id={String(dataValue(record.data, field.field) ?? '')} />
              ) : (
                <ReadOnlyField label={field.label} text={cellText(cellOf(kind, field, row, { personName: nameOf }))} />
              )}
            </Grid>
          );
        })}
      </Grid>
      {general && <Alert severity="error">{general}</Alert>}
      {editable.length > 0 && (
        <Stack direction="row" spacing={1}>
          <Button variant="contained" disabled={!isDirty || update.isRunning} onClick={() => void save()}>Save changes</Button>
          <Button disabled={!isDirty || update.isRunning} onClick={discard}>Discard</Button>
        </Stack>
      )}
      <Typography variant="caption" color="text.secondary">
        Filed by {nameOf(record.createdBy) ?? 'someone no longer in the directory'} on {formatDateTime(record.createdAt)} · last changed by {nameOf(record.updatedBy) ?? 'someone no longer in the directory'} on {formatDateTime(record.updatedAt)}
      </Typography>
    </Stack>
  );
}
